package io.yusuan.domain.rules.narrative;

import static io.yusuan.domain.rules.narrative.Texts.check;
import static io.yusuan.domain.rules.narrative.Texts.found;
import static io.yusuan.domain.rules.narrative.Texts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** T02: «X 万元，占 p%» is X ÷ the total the list breaks down; a list covering its total adds to 100%. */
class ShareRuleTest {

    /** Seed 001's breakdown: 6.65% is not 118.02 ÷ 1773.19 rounded (6.66%) but its largest-remainder share. */
    private static String functions(String health, String housing) {
        return "一般公共服务支出 125.50 万元，占 7.08%；社会保障和就业支出 402.17 万元，占 22.68%；卫生健康支出 1127.50 万元，占 "
                + health + "；住房保障支出 118.02 万元，占 " + housing + "。";
    }

    @Test
    void sharesThatAddUpTo100AreSharesOfTheirSumAndLargestRemainderRoundingIsAccepted() {
        NarrativeReport report = check("支出按功能分类分为：" + functions("63.59%", "6.65%"));
        assertEquals(List.of(), report.results());
        assertEquals(4, report.checked("T02"));
        assertEquals(List.of(), check("支出按功能分类分为：" + functions("63.59%", "6.66%")).results(), "plain rounding too");
    }

    @Test
    void aWrongShareInAListThatAddsUpIsAnError() {
        // 25% + 75% = 100%, so the parts are the whole: 150 万元.
        NarrativeReport report = check("其中：基本支出 50.00 万元，占 25%；项目支出 100.00 万元，占 75%。");
        assertEquals(List.of("T02 ERROR", "T02 ERROR"), found(report));
        RuleResult r = report.results().get(0);
        assertEquals("说明中「基本支出」50.00万元写为占25%，按所列各项合计计算应为33%。", r.message());
        assertEquals(Severity.ERROR, r.severity());
        assertNull(r.left(), "a share is not an amount");
        assertEquals(List.of(), check("其中：基本支出 50.00 万元，占 25%；项目支出 150.00 万元，占 75%。").results());
    }

    @Test
    void sharesOfATotalTheyCoverMustAddUpTo100() {
        String text = "一般公共预算支出 1773.19 万元，其中：" + functions("60.59%", "6.65%");
        NarrativeReport report = check(text);
        assertEquals(List.of("T02 ERROR", "T02 ERROR"), found(report));
        assertTrue(report.results().get(0).message().contains("合计为97.00%"), report.results().get(0).message());
        assertTrue(report.results().get(1).message().contains("「卫生健康支出」1127.50万元写为占60.59%，按「一般公共预算支出」1773.19万元计算应为63.59%"),
                report.results().get(1).message());
        assertEquals(5, report.checked("T02"), "the sum and each of the four shares");
    }

    @Test
    void aShareOfPartOfATotalIsCheckedAgainstTheTotalOfItsSentence() {
        String text = "支出预算 1774.62 万元，其中基本支出 1088.71 万元，占 61.35%，主要用于保障机构日常运转。";
        NarrativeReport holds = check(text);
        assertEquals(List.of(), holds.results());
        assertEquals(1, holds.checked("T02"));
        assertEquals(List.of("T02 ERROR"), found(check(text.replace("61.35%", "65.35%"))));
    }

    @Test
    void aShareWithoutAKnownTotalIsNotJudged() {
        NarrativeReport report = check("基本支出 1088.71 万元，占 65.35%。");
        assertEquals(List.of(), report.results());
        assertEquals(0, report.checked("T02"));
    }

    @Test
    void sharesWrittenWithoutDecimalsAreReadToTheirDigits() {
        NarrativeReport report = check("其中，一般公共预算安排 60.47 万元，占 100%；政府性基金预算安排 0 万元，占 0%。");
        assertEquals(List.of(), report.results());
        assertEquals(2, report.checked("T02"));
        assertEquals(List.of(), check("其中：甲 1.00 万元，占 33%；乙 2.00 万元，占 67%。").results());
        assertEquals(List.of(), check("其中：甲 1.00 万元，占 33.3%；乙 2.00 万元，占 66.7%。").results());
        assertEquals(List.of(), check("其中：甲 1.00 万元，占 33.5%；乙 2.00 万元，占 66.5%。").results(),
                "1.005 ÷ (1.005 + 1.995)");
        assertEquals(List.of("T02 ERROR", "T02 ERROR"), found(check("其中：甲 1.00 万元，占 33.6%；乙 2.00 万元，占 66.4%。")));
        assertEquals(List.of(), check("其中：甲 1 万元，占 33.5%；乙 2 万元，占 66.5%。").results(),
                "«1 万元» may be 1.4 万元: 1.4 ÷ 4.2 … 0.5 ÷ 2.5");
    }
}
