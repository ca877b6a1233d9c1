package io.yusuan.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.rules.Comparison;
import io.yusuan.domain.rules.RuleDef;
import io.yusuan.domain.rules.Severity;
import io.yusuan.domain.template.CheckDef;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.ImportHints;
import io.yusuan.domain.template.RowDef;
import io.yusuan.domain.template.RowKindDef;
import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.SectionKind;
import io.yusuan.domain.template.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a template's JSON (format in docs/templates.md) into the domain's template values, after
 * composing it from its shared parts ({@link TemplateComposer}).
 */
public final class TemplateParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TemplateParser() {
    }

    /** A template whose parts are read from the classpath under templates/. */
    public static Template parse(InputStream json) throws IOException {
        return parse(json, TemplateParser::classpathJson);
    }

    public static Template parse(InputStream json, Function<String, JsonNode> parts) throws IOException {
        JsonNode root = new TemplateComposer(parts).compose(JSON.readTree(json));
        List<SectionDef> sections = new ArrayList<>();
        for (JsonNode section : root.path("sections")) {
            sections.add(section(section));
        }
        List<RuleDef> rules = new ArrayList<>();
        for (JsonNode rule : root.path("rules")) {
            rules.add(rule(rule));
        }
        List<CheckDef> checks = new ArrayList<>();
        for (JsonNode check : root.path("checks")) {
            Map<String, List<String>> scopes = new LinkedHashMap<>();
            check.path("scopes").fields().forEachRemaining(e -> scopes.put(e.getKey(), strings(e.getValue())));
            checks.add(new CheckDef(required(check, "id"), required(check, "check"), strings(check.path("sections")),
                    severity(check.path("severity").asText("warning")), scopes));
        }
        return new Template(required(root, "id"), required(root, "title"), root.path("displayUnit").asText("元"),
                sections, rules, checks);
    }

    static JsonNode classpathJson(String path) {
        String resource = "templates/" + path;
        try (InputStream in = TemplateParser.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing template resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RuleDef rule(JsonNode node) {
        String comparison = node.path("comparison").asText("equal");
        return new RuleDef(required(node, "id"), severity(node.path("severity").asText("error")),
                required(node, "message"), required(node, "left"), required(node, "right"),
                "atMost".equals(comparison) ? Comparison.AT_MOST : Comparison.EQUAL,
                node.hasNonNull("forEachRowOf") ? node.get("forEachRowOf").asText() : null);
    }

    private static Severity severity(String text) {
        return Severity.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static SectionDef section(JsonNode node) {
        String key = required(node, "key");
        SectionKind kind = switch (required(node, "kind")) {
            case "codeTree" -> SectionKind.CODE_TREE;
            case "list" -> SectionKind.LIST;
            case "fixed" -> SectionKind.FIXED;
            default -> throw new IllegalArgumentException("template: section " + key + " has unknown kind "
                    + node.get("kind"));
        };
        CodeSystem codeSystem = node.hasNonNull("codeSystem")
                ? CodeSystem.valueOf(node.get("codeSystem").asText().replace("govEconomic", "gov_economic")
                .toUpperCase(Locale.ROOT))
                : null;
        List<ColumnDef> columns = new ArrayList<>();
        for (JsonNode column : node.path("columns")) {
            columns.add(new ColumnDef(required(column, "key"), required(column, "title"), strings(column.path("header")),
                    "text".equals(column.path("kind").asText("amount")) ? ColumnKind.TEXT : ColumnKind.AMOUNT,
                    column.hasNonNull("formula") ? column.get("formula").asText() : null,
                    column.path("allowNegative").asBoolean(false), column.path("maxLength").asInt(0),
                    column.hasNonNull("leafFormula") ? column.get("leafFormula").asText() : null));
        }
        List<RowDef> rows = new ArrayList<>();
        for (JsonNode row : node.path("rows")) {
            Map<String, String> formulas = new LinkedHashMap<>();
            row.path("formulas").fields().forEachRemaining(e -> formulas.put(e.getKey(), e.getValue().asText()));
            rows.add(new RowDef(required(row, "key"), required(row, "label"),
                    row.hasNonNull("code") ? row.get("code").asText() : null, row.path("level").asInt(0),
                    row.hasNonNull("group") ? row.get("group").asText() : null, strings(row.path("columns")),
                    formulas, strings(row.path("sumRows"))));
        }
        List<RowKindDef> rowKinds = new ArrayList<>();
        for (JsonNode rowKind : node.path("rowKinds")) {
            rowKinds.add(new RowKindDef(required(rowKind, "key"), required(rowKind, "title"),
                    strings(rowKind.path("columns")), strings(rowKind.path("parents"))));
        }
        JsonNode total = node.path("totalRow");
        JsonNode hints = node.path("import");
        Map<String, String> single = strings(hints.path("singleColumnByPrefix"), key);
        Map<String, String> labels = strings(hints.path("labels"), key);
        Map<String, String> kinds = strings(hints.path("kinds"), key);
        String totalKey = total.isMissingNode() && kind == SectionKind.LIST ? "" : total.path("key").asText("total");
        return new SectionDef(key, node.path("number").asInt(0), required(node, "title"), kind, codeSystem,
                strings(node.path("rowHeader")), columns, rows, totalKey, total.path("label").asText("合计"),
                new ImportHints(strings(hints.path("titles")), strings(hints.path("notTitles")), single, labels, kinds,
                        hints.hasNonNull("reader") ? hints.get("reader").asText() : null),
                rowKinds, node.hasNonNull("labelColumn") ? node.get("labelColumn").asText() : null,
                node.path("mandatory").asBoolean(true));
    }

    /** A JSON object of strings, in its order; each value must be a valid regular expression or text. */
    private static Map<String, String> strings(JsonNode object, String section) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("template: section " + section + " import hint " + e.getKey()
                        + " must be text");
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        return values;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static String required(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw new IllegalArgumentException("template: missing '" + field + "' in " + node);
        }
        return node.get(field).asText();
    }
}
