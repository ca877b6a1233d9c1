package io.yusuan.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.template.Template;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The templates were long hand-expanded files before they were composed from shared parts. Their
 * parsed structure was dumped then (src/test/resources/template-structure/); every section, rule
 * and check of that dump must come out of the composed templates unchanged.
 */
class TemplateRewriteTest {

    /**
     * Section keys that became the canonical keys shared by all templates when the templates were
     * composed (the 收支总表 is {@code summary} everywhere, the 收入总表 {@code income}, the 政府性基金
     * table {@code gf_exp}); the dump from before is read with them renamed.
     */
    private static final Map<String, String> RENAMED = new LinkedHashMap<>();

    static {
        RENAMED.put("dept_summary", "summary");
        RENAMED.put("dept_income", "income");
        RENAMED.put("gov_fund_exp", "gf_exp");
        RENAMED.put("gov_fund", "gf_exp");
    }

    private static Map<String, List<String>> before(String id) throws Exception {
        try (InputStream in = TemplateRewriteTest.class.getResourceAsStream("/template-structure/" + id + ".txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> rename : RENAMED.entrySet()) {
                text = text.replaceAll("\\b" + rename.getKey() + "\\b", rename.getValue());
            }
            return TemplateStructure.parse(text);
        }
    }

    /**
     * Blocks changed on purpose after the rewrite, with the reason. For these the old rows and
     * columns must all still be there, in the same order, and every old rule must still be stated;
     * what they may add or change is listed here.
     */
    private static final Map<String, String> EXTENDED = Map.ofEntries(
            Map.entry("anhui-dept [template]", "more tables (the 11 of seed 001, 三公, 绩效, 说明)"),
            Map.entry("anhui-dept [section fin_summary]", "政府性基金 and 国有资本经营 lines drawn from their own tables"),
            Map.entry("anhui-dept [rules]", "rules for the new tables"),
            Map.entry("anhui-dept [checks]", "P01 on the indicators, the narrative check on the 说明"),
            Map.entry("hebei-dept [template]", "绩效, 政府采购 and 说明 tables"),
            Map.entry("hebei-dept [section income]", "财政拨款收入 of a 项 drawn from the three 财政拨款 spending tables"),
            Map.entry("hebei-dept [rules]", "X03, X05, X14 and the 三公 rules"),
            Map.entry("hebei-dept [checks]", "P01 on the indicators, the narrative check on the 说明"),
            Map.entry("shaanxi-unit [template]", "表2, 表3 and 表10 to 表15, 说明"),
            Map.entry("shaanxi-unit [section summary]", "spending lines from 表3, non-fiscal income lines from 表2"),
            Map.entry("shaanxi-unit [rules]", "rules for the new tables"),
            Map.entry("shaanxi-unit [checks]", "P01 on the indicators, the narrative check on the 说明"));

    /** The row / column / rule keys of a block's lines, in order. */
    private static List<String> keys(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.split(" ")[1]).toList();
    }

    @Test
    void theComposedTemplatesHaveTheStructureOfTheHandWrittenOnes() throws Exception {
        TemplateLibrary library = TemplateLibrary.shipped();
        for (String id : List.of("anhui-dept", "shaanxi-unit", "hebei-dept")) {
            Template template = library.get(id).orElseThrow();
            Map<String, List<String>> now = TemplateStructure.dump(template);
            before(id).forEach((block, lines) -> {
                String name = id + " [" + block + "]";
                List<String> current = now.get(block);
                if (!EXTENDED.containsKey(name)) {
                    assertEquals(lines, current, name);
                } else if (block.startsWith("section ")) {
                    assertEquals(keys(lines, "row "), keys(current, "row "), name + ": the same rows");
                    assertEquals(keys(lines, "column "), keys(current, "column "), name + ": the same columns");
                } else if (block.equals("rules")) {
                    lines.forEach(rule -> assertTrue(current.contains(rule), name + " still states " + rule));
                } else if (block.equals("template")) {
                    String sections = lines.stream().filter(l -> l.startsWith("sections=")).findFirst().orElseThrow();
                    List<String> old = List.of(sections.substring(10, sections.length() - 1).split(", "));
                    List<String> keys = template.sections().stream().map(s -> s.key()).toList();
                    assertEquals(old, keys.stream().filter(old::contains).toList(), name + ": the old tables, in order");
                }
            });
        }
    }
}
