package io.yusuan.domain;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.calc.LayoutBuilder;
import io.yusuan.domain.classification.CodeBook;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.RowDef;
import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.SectionKind;
import io.yusuan.domain.template.Template;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateValidationTest {

    private static ColumnDef amount(String key, String formula) {
        return new ColumnDef(key, key, List.of(), ColumnKind.AMOUNT, formula, false);
    }

    private static RowDef row(String key, Map<String, String> formulas) {
        return new RowDef(key, key, null, 0, null, List.of(), formulas, List.of());
    }

    private static Template fixed(List<ColumnDef> columns, List<RowDef> rows) {
        return new Template("t", "t", "元", List.of(new SectionDef("s", 1, "s", SectionKind.FIXED, null, List.of(),
                columns, rows, "total", "合计")));
    }

    @Test
    void aFormulaCycleIsRejectedWhenTheLayoutIsBuilt() {
        Template cyclic = fixed(List.of(amount("a", null)),
                List.of(row("x", Map.of("a", "y.a + 1x.a".replace("1x", "z"))), row("y", Map.of("a", "x.a")),
                        row("z", Map.of())));
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> new LayoutBuilder(new CodeBook()).build(cyclic, Map.of()));
        assertTrue(error.getMessage().contains("cycle"), error.getMessage());
    }

    @Test
    void aReferenceToAnUnknownFixedCellIsATemplateError() {
        Template broken = fixed(List.of(amount("a", null)), List.of(row("x", Map.of("a", "nowhere.a"))));
        assertThrows(IllegalArgumentException.class, () -> new LayoutBuilder(new CodeBook()).build(broken, Map.of()));
    }

    @Test
    void malformedFormulasAndCodesAreRejected() {
        Template bad = fixed(List.of(amount("a", "b +")), List.of(row("x", Map.of())));
        assertThrows(IllegalArgumentException.class, () -> new LayoutBuilder(new CodeBook()).build(bad, Map.of()));
        Template tree = new Template("t", "t", "元", List.of(new SectionDef("s", 1, "s", SectionKind.CODE_TREE,
                io.yusuan.domain.classification.CodeSystem.FUNCTION, List.of(), List.of(amount("a", null)), List.of(),
                "total", "合计")));
        assertThrows(IllegalArgumentException.class, () -> new LayoutBuilder(new CodeBook())
                .build(tree, Map.of("s", List.of(new CodeRow("210019", "truncated code")))));
    }

    @Test
    void theShippedTemplatesLoadWithoutCycles() {
        assertTrue(Scenario.LIBRARY.get("anhui-dept").isPresent());
    }
}
