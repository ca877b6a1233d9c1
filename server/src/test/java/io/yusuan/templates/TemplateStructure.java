package io.yusuan.templates;

import io.yusuan.domain.rules.RuleDef;
import io.yusuan.domain.template.CheckDef;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.RowDef;
import io.yusuan.domain.template.RowKindDef;
import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.Template;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed template written out as plain lines, one block per section (its fields, every column,
 * every row with its formulas) and one per rule and check — what a layout is built from, so two
 * templates with the same dump behave the same. Used to prove that composing the templates from
 * shared parts changed nothing.
 */
final class TemplateStructure {

    private TemplateStructure() {
    }

    /** Section key → its lines; then "rules" and "checks". Maps are sorted so the dump is stable. */
    static Map<String, List<String>> dump(Template template) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        blocks.put("template", List.of("id=" + template.id(), "title=" + template.title(),
                "displayUnit=" + template.displayUnit(),
                "sections=" + template.sections().stream().map(SectionDef::key).toList()));
        for (SectionDef s : template.sections()) {
            List<String> lines = new ArrayList<>();
            lines.add("number=" + s.number() + " title=" + s.title() + " kind=" + s.kind() + " codeSystem="
                    + s.codeSystem() + " mandatory=" + s.mandatory());
            lines.add("rowHeader=" + s.rowHeader() + " total=" + s.totalRowKey() + "/" + s.totalRowLabel()
                    + " labelColumn=" + s.labelColumn());
            lines.add("import=" + s.importHints().titles() + " not=" + s.importHints().notTitles() + " single="
                    + new TreeMap<>(s.importHints().singleColumnByPrefix())
                    // Hints added after the dump was taken are written only when set, so old lines still read the same.
                    + (s.importHints().labels().isEmpty() ? "" : " labels=" + s.importHints().labels())
                    + (s.importHints().kinds().isEmpty() ? "" : " kinds=" + s.importHints().kinds())
                    + (s.importHints().reader() == null ? "" : " reader=" + s.importHints().reader()));
            for (ColumnDef c : s.columns()) {
                lines.add("column " + c.key() + " title=" + c.title() + " header=" + c.header() + " kind=" + c.kind()
                        + " formula=" + c.formula() + " negative=" + c.allowNegative() + " maxLength=" + c.maxLength()
                        + (c.leafFormula() == null ? "" : " leafFormula=" + c.leafFormula()));
            }
            for (RowKindDef k : s.rowKinds()) {
                lines.add("rowKind " + k.key() + " title=" + k.title() + " columns=" + k.columns() + " parents="
                        + k.parents());
            }
            for (RowDef r : s.rows()) {
                lines.add("row " + r.key() + " label=" + r.label() + " code=" + r.code() + " level=" + r.level()
                        + " group=" + r.group() + " columns=" + r.columns() + " formulas=" + new TreeMap<>(r.formulas())
                        + " sumRows=" + r.sumRows());
            }
            blocks.put("section " + s.key(), lines);
        }
        List<String> rules = new ArrayList<>();
        for (RuleDef r : template.rules()) {
            rules.add(r.id() + " " + r.severity() + " " + r.comparison() + " forEach=" + r.forEachRowOf() + " left="
                    + r.left() + " right=" + r.right() + " message=" + r.message());
        }
        blocks.put("rules", rules);
        List<String> checks = new ArrayList<>();
        for (CheckDef c : template.checks()) {
            checks.add(c.id() + " " + c.check() + " " + c.sections() + " " + c.severity());
        }
        blocks.put("checks", checks);
        return blocks;
    }

    static String text(Template template) {
        StringBuilder out = new StringBuilder();
        dump(template).forEach((block, lines) -> {
            out.append("[").append(block).append("]\n");
            lines.forEach(l -> out.append(l).append('\n'));
        });
        return out.toString();
    }

    /** Reads back what {@link #text} wrote. */
    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = new ArrayList<>();
                blocks.put(line.substring(1, line.length() - 1), current);
            } else if (current != null && !line.isEmpty()) {
                current.add(line);
            }
        }
        return blocks;
    }
}
