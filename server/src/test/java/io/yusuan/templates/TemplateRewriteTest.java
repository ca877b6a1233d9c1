package io.yusuan.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void theComposedTemplatesHaveTheStructureOfTheHandWrittenOnes() throws Exception {
        TemplateLibrary library = TemplateLibrary.shipped();
        for (String id : List.of("anhui-dept", "shaanxi-unit", "hebei-dept")) {
            Template template = library.get(id).orElseThrow();
            Map<String, List<String>> now = TemplateStructure.dump(template);
            before(id).forEach((block, lines) -> assertEquals(lines, now.get(block), id + " [" + block + "]"));
        }
    }
}
