package io.yusuan.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Composes a template's JSON from shared parts before it is parsed, so province variants share
 * definitions instead of copying them (docs/templates.md «Shared parts»):
 * <ul>
 *   <li>a section {@code {"use": "gp-exp", …}} starts from {@code parts/gp-exp.json} and applies its
 *       own fields over it, with {@code dropColumns}, {@code addColumns}, {@code columnOverrides},
 *       {@code dropRows}, {@code addRows}, {@code rowOverrides} for finer changes;</li>
 *   <li>a row {@code {"generate": "function-classes", …}} expands into one row per entry of
 *       {@code lists/function-classes.json} (the 类 lines of a 收支总表);</li>
 *   <li>{@code sumRows} entries ending in {@code *} name every row whose key starts so;</li>
 *   <li>{@code {"include": "rules-common"}} in {@code rules} or {@code checks} inserts the array
 *       {@code parts/rules-common.json}, dropping entries that name a section the template lacks.</li>
 * </ul>
 */
final class TemplateComposer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SECTION_REF = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)!");

    private final Function<String, JsonNode> resources;

    /** @param resources reads a JSON resource by path under templates/ ("parts/gp-exp.json") */
    TemplateComposer(Function<String, JsonNode> resources) {
        this.resources = resources;
    }

    ObjectNode compose(JsonNode template) {
        ObjectNode out = template.deepCopy();
        ArrayNode sections = NODES.arrayNode();
        for (JsonNode section : template.path("sections")) {
            ObjectNode composed = section.has("use") ? overlay(part(section.get("use").asText()), (ObjectNode) section)
                    : section.deepCopy();
            composed.remove("use");
            expandRows(composed);
            sections.add(composed);
        }
        out.set("sections", sections);
        Set<String> keys = new HashSet<>();
        sections.forEach(s -> keys.add(s.path("key").asText()));
        out.set("rules", includes(template.path("rules"), keys));
        out.set("checks", includes(template.path("checks"), keys));
        return out;
    }

    private ObjectNode part(String name) {
        JsonNode part = resources.apply("parts/" + name + ".json");
        if (!(part instanceof ObjectNode object)) {
            throw new IllegalArgumentException("template part " + name + " is not a JSON object");
        }
        ObjectNode base = object.deepCopy();
        if (base.has("use")) { // parts may build on parts
            ObjectNode inner = part(base.get("use").asText());
            base.remove("use");
            return overlay(inner, base);
        }
        return base;
    }

    /** The part with the section's own fields applied over it. */
    private static ObjectNode overlay(ObjectNode base, ObjectNode section) {
        ObjectNode out = base.deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = section.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "use" -> { }
                case "dropColumns" -> dropColumns(out, field.getValue());
                case "addColumns" -> insert(array(out, "columns"), field.getValue());
                case "columnOverrides" -> override(array(out, "columns"), field.getValue());
                case "dropRows" -> drop(array(out, "rows"), field.getValue());
                case "addRows" -> insert(array(out, "rows"), field.getValue());
                case "rowOverrides" -> override(array(out, "rows"), field.getValue());
                default -> out.set(field.getKey(), field.getValue().deepCopy());
            }
        }
        return out;
    }

    private static ArrayNode array(ObjectNode node, String field) {
        if (!(node.get(field) instanceof ArrayNode array)) {
            ArrayNode created = NODES.arrayNode();
            node.set(field, created);
            return created;
        }
        return array;
    }

    /** Removes columns, and every mention of them in the rows (their cell lists and formulas). */
    private static void dropColumns(ObjectNode section, JsonNode keys) {
        Set<String> gone = texts(keys);
        drop(array(section, "columns"), keys);
        for (JsonNode row : array(section, "rows")) {
            if (row.get("columns") instanceof ArrayNode columns) {
                for (int i = columns.size() - 1; i >= 0; i--) {
                    if (gone.contains(columns.get(i).asText())) {
                        columns.remove(i);
                    }
                }
            }
            if (row.get("formulas") instanceof ObjectNode formulas) {
                gone.forEach(formulas::remove);
            }
        }
    }

    private static void drop(ArrayNode items, JsonNode keys) {
        Set<String> gone = texts(keys);
        for (int i = items.size() - 1; i >= 0; i--) {
            if (gone.contains(items.get(i).path("key").asText())) {
                items.remove(i);
            }
        }
    }

    /**
     * Adds items at the end, right after the item keyed by their {@code after}, or right before the
     * one keyed by their {@code before}. Items added together keep their order.
     */
    private static void insert(ArrayNode items, JsonNode added) {
        for (JsonNode item : added) {
            ObjectNode copy = item.deepCopy();
            String after = copy.path("after").asText(null);
            String before = copy.path("before").asText(null);
            copy.remove("after");
            copy.remove("before");
            int at = items.size();
            if (after != null) {
                at = indexOf(items, after) + 1;
                if (at == 0) {
                    throw new IllegalArgumentException("addColumns/addRows: no item '" + after + "' to insert after");
                }
            } else if (before != null) {
                at = indexOf(items, before);
                if (at < 0) {
                    throw new IllegalArgumentException("addColumns/addRows: no item '" + before + "' to insert before");
                }
            }
            items.insert(at, copy);
        }
    }

    private static void override(ArrayNode items, JsonNode overrides) {
        overrides.fields().forEachRemaining(entry -> {
            int at = indexOf(items, entry.getKey());
            if (at < 0) {
                throw new IllegalArgumentException("override of unknown item '" + entry.getKey() + "'");
            }
            ObjectNode item = (ObjectNode) items.get(at);
            entry.getValue().fields().forEachRemaining(f -> item.set(f.getKey(), f.getValue().deepCopy()));
        });
    }

    private static int indexOf(ArrayNode items, String key) {
        for (int i = 0; i < items.size(); i++) {
            if (key.equals(items.get(i).path("key").asText())) {
                return i;
            }
        }
        return -1;
    }

    // ---- generated rows and wildcard sums ----

    private void expandRows(ObjectNode section) {
        if (!(section.get("rows") instanceof ArrayNode rows)) {
            return;
        }
        ArrayNode expanded = NODES.arrayNode();
        for (JsonNode row : rows) {
            if (row.has("generate")) {
                generate((ObjectNode) row, expanded);
            } else {
                expanded.add(row.deepCopy());
            }
        }
        List<String> keys = new ArrayList<>();
        expanded.forEach(r -> keys.add(r.path("key").asText()));
        for (JsonNode row : expanded) {
            if (row.get("sumRows") instanceof ArrayNode sums) {
                ArrayNode resolved = NODES.arrayNode();
                for (JsonNode entry : sums) {
                    String name = entry.asText();
                    if (name.endsWith("*")) {
                        String prefix = name.substring(0, name.length() - 1);
                        keys.stream().filter(k -> k.startsWith(prefix) && !k.equals(row.path("key").asText()))
                                .forEach(resolved::add);
                    } else {
                        resolved.add(name);
                    }
                }
                ((ObjectNode) row).set("sumRows", resolved);
            }
        }
        section.set("rows", expanded);
    }

    /**
     * One row per list entry {code, name}: key = keyPrefix + code, label = ordinal + name, the code
     * (unless {@code "code": false}), and the generator's {@code row} fields with {code} replaced
     * (e.g. a formula gp_exp!{code}.total); then {@code perCode} fields for single codes (a label
     * printed differently, a line without the usual formula).
     */
    private void generate(ObjectNode generator, ArrayNode out) {
        String list = generator.get("generate").asText();
        JsonNode entries = resources.apply("lists/" + list + ".json");
        if (!entries.isArray()) {
            throw new IllegalArgumentException("template list " + list + " is not a JSON array");
        }
        Set<String> only = generator.has("codes") ? texts(generator.get("codes")) : null;
        Set<String> skip = generator.has("skipCodes") ? texts(generator.get("skipCodes")) : Set.of();
        String prefix = generator.path("keyPrefix").asText("");
        String style = generator.path("ordinal").asText("none");
        boolean withCode = generator.path("code").asBoolean(true);
        JsonNode perCode = generator.path("perCode");
        int n = generator.path("startAt").asInt(1);
        Set<String> listed = new HashSet<>();
        for (JsonNode entry : entries) {
            String code = entry.path("code").asText();
            listed.add(code);
            if ((only != null && !only.contains(code)) || skip.contains(code)) {
                continue;
            }
            ObjectNode row = NODES.objectNode();
            row.put("key", prefix + code);
            if (withCode) {
                row.put("code", code);
            }
            row.put("label", Ordinals.format(style, n++) + entry.path("name").asText());
            generator.path("row").fields().forEachRemaining(f -> row.set(f.getKey(), substitute(f.getValue(), code)));
            perCode.path(code).fields().forEachRemaining(f -> row.set(f.getKey(), substitute(f.getValue(), code)));
            out.add(row);
        }
        for (String named : only == null ? Set.<String>of() : only) {
            if (!listed.contains(named)) {
                throw new IllegalArgumentException("generate " + list + ": no code " + named + " in the list");
            }
        }
        perCode.fieldNames().forEachRemaining(code -> {
            if (!listed.contains(code)) {
                throw new IllegalArgumentException("generate " + list + ": perCode names " + code + ", not in the list");
            }
        });
    }

    private static JsonNode substitute(JsonNode value, String code) {
        if (value.isTextual()) {
            return NODES.textNode(value.asText().replace("{code}", code));
        }
        JsonNode copy = value.deepCopy();
        if (copy instanceof ObjectNode object) {
            object.fields().forEachRemaining(f -> object.set(f.getKey(), substitute(f.getValue(), code)));
        } else if (copy instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, substitute(array.get(i), code));
            }
        }
        return copy;
    }

    // ---- shared rule lists ----

    private ArrayNode includes(JsonNode entries, Set<String> sections) {
        ArrayNode out = NODES.arrayNode();
        for (JsonNode entry : entries) {
            if (entry.has("include")) {
                for (JsonNode included : resources.apply("parts/" + entry.get("include").asText() + ".json")) {
                    if (mentionsOnly(included, sections)) {
                        out.add(included.deepCopy());
                    }
                }
            } else {
                out.add(entry.deepCopy());
            }
        }
        return out;
    }

    /** Whether every section a shared rule or check names is in the template. */
    private static boolean mentionsOnly(JsonNode rule, Set<String> sections) {
        StringBuilder text = new StringBuilder();
        for (String field : List.of("left", "right")) {
            text.append(rule.path(field).asText("")).append(' ');
        }
        Matcher m = SECTION_REF.matcher(text);
        while (m.find()) {
            if (!sections.contains(m.group(1))) {
                return false;
            }
        }
        for (String field : List.of("forEachRowOf")) {
            if (rule.hasNonNull(field) && !sections.contains(rule.get(field).asText())) {
                return false;
            }
        }
        for (JsonNode section : rule.path("sections")) {
            if (!sections.contains(section.asText())) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
