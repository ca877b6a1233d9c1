package io.yusuan.domain.rules.narrative;

import static io.yusuan.domain.rules.narrative.Texts.TEXT;
import static io.yusuan.domain.rules.narrative.Texts.check;
import static io.yusuan.domain.rules.narrative.Texts.found;
import static io.yusuan.domain.rules.narrative.Texts.only;
import static io.yusuan.domain.rules.narrative.Texts.wan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** X08: the 机关运行经费 the text states do not exceed the tables' 公用经费. */
class RunningCostRuleTest {

    private static final CellRef PUBLIC = new CellRef("basic_exp", "total", "public");

    private static SimpleFigureIndex index(String publicWan) {
        return new SimpleFigureIndex().publicExpenseTotal(PUBLIC, wan(publicWan), "基本支出表");
    }

    @Test
    void runningCostsWithinPublicExpensesHold() {
        NarrativeReport report = check("本部门 2024 年机关运行经费财政拨款预算 183 万元，比 2023 年预算增加 36.17 万元。", index("183.00"));
        assertEquals(List.of(), report.results());
        assertEquals(1, report.checked("X08"));
    }

    @Test
    void runningCostsAbovePublicExpensesAreAWarningComparingTheAmounts() {
        RuleResult r = only(check("本部门2023年度机关运行经费安排29.3万元，将主要用于……", index("18.80")));
        assertEquals("X08", r.rule());
        assertEquals(Severity.WARNING, r.severity());
        assertEquals(List.of(TEXT, PUBLIC), r.cells());
        assertEquals(Money.yuan("293000.00"), r.left());
        assertEquals(Money.yuan("188000.00"), r.right());
        assertEquals("说明中机关运行经费写为29.3万元，超过表「基本支出表」中的公用经费18.80万元：机关运行经费应不超过公用经费。", r.message());
    }

    @Test
    void onlyAnExcessBeyondTheRoundingOfTheQuoteCounts() {
        assertEquals(List.of(), check("机关运行经费 18.9 万元。", index("18.86")).results(), "18.9 may be 18.85");
        assertEquals(List.of("X08 WARNING"), found(check("机关运行经费 18.9 万元。", index("18.84"))));
    }

    @Test
    void withoutAPublicExpenseTotalNothingIsJudged() {
        NarrativeReport report = check("机关运行经费安排 29.3 万元。");
        assertEquals(List.of(), report.results());
        assertEquals(0, report.checked("X08"));
    }
}
