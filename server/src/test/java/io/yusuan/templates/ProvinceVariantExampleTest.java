package io.yusuan.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.Template;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The worked example of docs/templates.md («Adding a province variant») composes and validates as written. */
class ProvinceVariantExampleTest {

    @Test
    void theDocumentedVariantIsAValidTemplate() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "templates.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("{\n \"id\": \"zhejiang-dept\"");
        int end = doc.indexOf("```", start);
        assertTrue(start > 0 && end > start, "the example is in the docs");
        Template variant = TemplateParser.parse(new ByteArrayInputStream(
                doc.substring(start, end).getBytes(StandardCharsets.UTF_8)));
        TemplateLibrary library = TemplateLibrary.shipped();
        library.add(variant); // builds it with every code of both years: no cycle, no unknown reference
        assertEquals(11, variant.sections().size());
        SectionDef projects = variant.section("projects").orElseThrow();
        assertTrue(projects.column("transfer_gp").isEmpty());
        // 3 income lines, the 30 类 lines from the part, 本年支出合计, 结转下年, 支出总计.
        assertEquals(36, variant.section("fin_summary").orElseThrow().rows().size());
        // The included rules that name a table the variant lacks are left out; the others are there.
        assertTrue(variant.rules().stream().anyMatch(r -> r.id().equals("R17")));
        assertTrue(variant.rules().stream().anyMatch(r -> r.id().equals("X10")));
        assertEquals(2, variant.checks().size());
    }
}
