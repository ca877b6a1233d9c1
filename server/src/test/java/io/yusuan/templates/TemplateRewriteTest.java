package io.yusuan.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.yusuan.domain.template.Template;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The templates were long hand-expanded files before they were composed from shared parts. Their
 * parsed structure was dumped then (src/test/resources/template-structure/); every section, rule
 * and check of that dump must come out of the composed templates unchanged.
 */
class TemplateRewriteTest {

    private static Map<String, List<String>> before(String id) throws Exception {
        try (InputStream in = TemplateRewriteTest.class.getResourceAsStream("/template-structure/" + id + ".txt")) {
            return TemplateStructure.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
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
