package io.yusuan.domain.rules.narrative;

import static io.yusuan.domain.rules.narrative.Texts.TEXT;
import static io.yusuan.domain.rules.narrative.Texts.cell;
import static io.yusuan.domain.rules.narrative.Texts.check;
import static io.yusuan.domain.rules.narrative.Texts.found;
import static io.yusuan.domain.rules.narrative.Texts.only;
import static io.yusuan.domain.rules.narrative.Texts.wan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.budget.Money;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** T03: year-on-year rates are Δ ÷ last year's figure; the changes listed under a total add up to it. */
class ChangeRuleTest {

    private static NarrativeReport rate(String amount, String verb, String delta, String rateWord, String rate) {
        return check("行政运行(项) 2024 年预算 " + amount + " 万元，比 2023 年预算" + verb + " " + delta + " 万元，" + rateWord + " "
                + rate + "，原因是……。");
    }

    @Test
    void aRateOnLastYearsFigureHolds() {
        NarrativeReport report = rate("1773.19", "增加", "73.55", "增长", "4.33%");
        assertEquals(List.of(), report.results());
        assertEquals(1, report.checked("T03"));
        assertEquals(List.of(), rate("252.89", "减少", "147.09", "下降", "36.77%").results(), "147.09 ÷ (252.89 + 147.09)");
    }

    @Test
    void aRateOnTheWrongBaseIsAnErrorThatSaysWhatItShouldBe() {
        RuleResult up = only(rate("99.18", "增加", "31.03", "增长", "31.29%"));
        assertEquals(Severity.ERROR, up.severity());
        assertEquals("T03:notes!ch1.text:1", up.key());
        assertEquals(List.of(TEXT), up.cells());
        assertNull(up.left());
        assertEquals("说明中「行政运行」99.18万元，比上年增加31.03万元，增长率写为31.29%，应为45.53%（31.03万元÷上年数68.15万元），"
                + "所写比率是以本年数为基数算出的。", up.message());

        RuleResult down = only(rate("416.25", "减少", "77.94", "下降", "23.04%"));
        assertTrue(down.message().contains("应为15.77%（77.94万元÷上年数494.19万元），所写比率是把减少当作增加推算上年数得出的"),
                down.message());
    }

    @Test
    void anItemNewThisYearGrowsBy100Percent() {
        NarrativeReport report = rate("125.50", "增加", "125.50", "增长", "100%");
        assertEquals(List.of(), report.results());
        assertEquals(1, report.checked("T03"));
    }

    @Test
    void theRateMayBeOffByTheRoundingOfItsFiguresAndOneUnitOfItsLastDigit() {
        assertEquals(List.of(), rate("26", "增加", "8.90", "增长", "52.01%").results(), "26 万元 is 25.5 … 26.5");
        assertEquals(List.of(), rate("4.78", "增加", "0.35", "增长", "7.98%").results(), "0.355 ÷ 4.42 = 8.03%");
        assertEquals(List.of(), rate("685.92", "减少", "706.31", "下降", "50.72%").results(), "50.73% at the least");
        assertEquals(List.of("T03 ERROR"), found(rate("685.92", "减少", "706.31", "下降", "50.70%")));
    }

    @Test
    void aRateWhoseWordContradictsTheChangeOrHasNoChangeIsNotJudged() {
        assertEquals(0, rate("100", "增加", "10", "下降", "5%").checked("T03"));
        NarrativeReport noDelta = check("机关运行经费安排 29.3 万元。与 2022 年相比，减幅 34%。");
        assertEquals(0, noDelta.checked("T03"));
    }

    @Test
    void aChangeAfterAListMayBeOfTheListsTotalAndIsAttachedToNothing() {
        NarrativeReport report = check("本单位当年预算收入 236.88 万元，其中一般公共预算拨款收入 236.88 万元、政府性基金拨款收入 0 万元，"
                + "较上年减少 1.43 万元，下降 0.6%。");
        assertEquals(List.of(), report.results());
        assertEquals(0, report.checked("T03"));
        NarrativeReport commas = check("人员经费 905.71 万元，公用经费 183 万元，比上年增加 36.17 万元，增长 2%。");
        assertEquals(0, commas.checked("T03"), "said of 公用经费 or of both?");
    }

    /** Seed 003's sentence: 88.92 + 430.88 = 519.80, not 57.09. */
    @Test
    void changesOfTheItemsOfATotalMustAddUpToItsChange() {
        SimpleFigureIndex index = new SimpleFigureIndex()
                .add("基本支出", new io.yusuan.domain.budget.CellRef("gp_exp", "total", "basic"), Money.yuan("3418000.00"), "支出表")
                .add("项目支出", new io.yusuan.domain.budget.CellRef("gp_exp", "total", "project"), Money.yuan("64682200.00"), "支出表");
        String text = "2023年预算收支安排6810.02万元，较2022年预算增加%s万元，其中：基本支出增加88.92万元，主要为用于人员经费支出；"
                + "项目支出增加430.88万元，主要包括城乡医疗救助项目。";
        RuleResult r = only(check(String.format(text, "57.09"), index));
        assertEquals(Severity.ERROR, r.severity());
        assertEquals(wan("519.80"), r.left());
        assertEquals(wan("57.09"), r.right());
        assertEquals(List.of(TEXT, new io.yusuan.domain.budget.CellRef("gp_exp", "total", "basic"),
                new io.yusuan.domain.budget.CellRef("gp_exp", "total", "project")), r.cells());
        assertTrue(r.message().contains("各项变动之和为增加519.80万元（+88.92 +430.88）"), r.message());

        NarrativeReport holds = check(String.format(text, "519.80"), index);
        assertEquals(List.of(), holds.results());
        assertEquals(1, holds.checked("T03"));
        assertEquals(0, check(String.format(text, "57.09")).checked("T03"), "without the figures the items may be partial");
    }

    /** Seed 002's lists, the total change stated in an earlier sentence. */
    @Test
    void aListThatDoesNotAddUpAsPrintedIsAWarningWhenACoarselyWrittenItemCouldExplainIt() {
        String text = """
                本单位当年一般公共预算拨款支出 236.88 万元，较上年减少 1.43 万元，主要原因是人员经费和公用经费减少。

                本单位当年一般公共预算支出 236.88 万元，其中：

                工资福利支出（301）213.65 万元，较上年减少 %s 万元，原因是津贴补贴预算减少；

                商品和服务支出（302）23.18 万元，较上年减少 0.34 万元，原因是压缩经费支出。

                对个人和家庭的补助支出（303）0.05 万元，较上年减少 0.02 万元，原因是减少 1 人；

                （2）按照政府预算支出经济分类的类级科目说明
                """;
        RuleResult r = only(check(String.format(text, "1.1")));
        assertEquals(Severity.WARNING, r.severity(), "1.1 may be 1.07 rounded");
        assertEquals(Money.yuan("-14600.00"), r.left());
        assertEquals(Money.yuan("-14300.00"), r.right());
        assertTrue(r.message().contains("较上年减少1.43万元（文中另处所述），其下所列各项变动之和为减少1.46万元（−1.1 −0.34 −0.02）"),
                r.message());
        assertEquals(List.of("T03 ERROR"), found(check(String.format(text, "1.20"))), "beyond any rounding");
        NarrativeReport holds = check(String.format(text, "1.07"));
        assertEquals(List.of(), holds.results());
        assertEquals(1, holds.checked("T03"));
        assertEquals(List.of(), check(String.format(text, "1.08")).results(), "0.01 is the rounding remainder of four figures");
    }

    @Test
    void anUnchangedItemCountsAsZero() {
        SimpleFigureIndex index = new SimpleFigureIndex()
                .add("人员经费", cell("basic_exp", "personnel"), wan("300"), "基本支出表")
                .add("公用经费", cell("basic_exp", "public"), wan("200"), "基本支出表");
        NarrativeReport report = check("基本支出 500 万元，较上年增加 10 万元，其中：人员经费增加 10 万元，公用经费与上年持平。", index);
        assertEquals(List.of(), report.results());
        assertEquals(1, report.checked("T03"));
    }

    @Test
    void roughlyUnchangedIsNotZero() {
        SimpleFigureIndex index = new SimpleFigureIndex()
                .add("人员经费", cell("basic_exp", "personnel"), wan("300"), "基本支出表")
                .add("公用经费", cell("basic_exp", "public"), wan("200"), "基本支出表");
        NarrativeReport report = check("基本支出 500 万元，较上年增加 10 万元，其中：人员经费增加 10 万元，公用经费与上年基本持平。", index);
        assertEquals(0, report.checked("T03"));
    }

    @Test
    void itemsThatDoNotCoverTheTotalAreNotSummed() {
        NarrativeReport report = check("支出 1000 万元，较上年增加 50 万元，其中：人员经费 300 万元，较上年增加 10 万元；"
                + "公用经费 200 万元，较上年增加 5 万元。");
        assertEquals(List.of(), report.results());
        assertEquals(0, report.checked("T03"));
    }
}
