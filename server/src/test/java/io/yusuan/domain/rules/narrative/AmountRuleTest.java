package io.yusuan.domain.rules.narrative;

import static io.yusuan.domain.rules.narrative.Texts.TEXT;
import static io.yusuan.domain.rules.narrative.Texts.cell;
import static io.yusuan.domain.rules.narrative.Texts.check;
import static io.yusuan.domain.rules.narrative.Texts.found;
import static io.yusuan.domain.rules.narrative.Texts.only;
import static io.yusuan.domain.rules.narrative.Texts.wan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.budget.Money;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** T01: an amount quoted beside a label that names one table figure equals it. */
class AmountRuleTest {

    private static SimpleFigureIndex index() {
        return new SimpleFigureIndex()
                .add("（十）卫生健康支出", cell("fin_summary", "exp_210"), wan("1127.50"), "财政拨款收支总表")
                .add("2210202", cell("gp_exp", "2210202"), wan("26.40"), "一般公共预算支出表")
                .add("提租补贴", cell("gp_exp", "2210202"), wan("26.40"), "一般公共预算支出表")
                .add("2101102", cell("gp_exp", "2101102"), Money.yuan("98593.00"), "一般公共预算支出表")
                .add("事业单位医疗", cell("gp_exp", "2101102"), Money.yuan("98593.00"), "一般公共预算支出表")
                .add("医疗保障管理事务", cell("gp_exp", "21015"), wan("924.96"), "一般公共预算支出表")
                .add("公用经费", cell("basic_exp", "total"), Money.yuan("151800.00"), "基本支出表")
                .add("公用经费", cell("gp_exp", "total"), Money.yuan("151800.00"), "一般公共预算支出表");
    }

    @Test
    void aQuoteThatEqualsItsFigureHolds() {
        NarrativeReport report = check("支出按功能分类分为：卫生健康支出 1127.50 万元。", index());
        assertEquals(List.of(), report.results());
        assertEquals(1, report.checked("T01"));
    }

    @Test
    void aQuoteThatDiffersIsAnErrorNamingTheQuoteTheFigureAndBothCells() {
        RuleResult r = only(check("卫生健康支出 1127.60 万元。", index()));
        assertEquals("T01:notes!ch1.text:1", r.key());
        assertEquals(Severity.ERROR, r.severity());
        assertEquals(List.of(TEXT, cell("fin_summary", "exp_210")), r.cells());
        assertEquals(wan("1127.60"), r.left());
        assertEquals(wan("1127.50"), r.right());
        assertEquals("说明中「卫生健康支出」写为1127.60万元，表「财政拨款收支总表」中为1127.50万元，应为1127.50万元。", r.message());
    }

    @Test
    void aLabelWhoseFiguresDisagreeIsNotJudgedUnlessTheTextIsScopedToOneTable() {
        SimpleFigureIndex index = index().add("（十）卫生健康支出", cell("dept_summary", "exp_210"), wan("1128.93"), "收支总表");
        NarrativeReport unscoped = check("卫生健康支出 1128.93 万元。", index);
        assertEquals(List.of(), unscoped.results());
        assertEquals(0, unscoped.checked("T01"), "the checker does not pick the figure that happens to agree");

        NarrativeReport scoped = check("卫生健康支出 1128.93 万元。", index.within(Set.of("fin_summary")));
        assertEquals(List.of("T01 ERROR"), found(scoped));
    }

    @Test
    void aLabelCarriedByFiguresOfOneAmountInSeveralTablesIsJudgedAndNamesThemAll() {
        RuleResult r = only(check("本单位当年公用经费预算安排 15.28 万元。", index()));
        assertEquals(List.of(TEXT, cell("basic_exp", "total"), cell("gp_exp", "total")), r.cells());
    }

    @Test
    void aQuoteIsReadToTheDigitsItIsWrittenWith() {
        assertEquals(List.of(), check("提租补贴 26 万元。", index()).results(), "26 万元 stands for 25.5 … 26.5");
        assertEquals(List.of(), check("事业单位医疗（2101102）9.9 万元。", index()).results(), "9.8593 rounds to 9.9");
        assertEquals(List.of(), check("事业单位医疗 9.86 万元。", index()).results());
        RuleResult r = only(check("事业单位医疗 9.85 万元。", index()));
        assertTrue(r.message().endsWith("中为9.86万元，应为9.86万元。"), r.message());
        RuleResult coarse = only(check("住房改革支出(款)提租补贴(项) 2024 年预算 27 万元。", index()));
        assertTrue(coarse.message().endsWith("应为26万元。"), coarse.message());
    }

    @Test
    void yuanAndWanYuanAreBothUnderstood() {
        assertEquals(List.of(), check("事业单位医疗 98593 元。", index()).results());
        assertEquals(List.of(), check("事业单位医疗 98,593.00 元。", index()).results());
        assertEquals(List.of("T01 ERROR"), found(check("事业单位医疗 9.86 元。", index())));
        assertEquals(List.of(), check("卫生健康支出 11275000 元。", index()).results());
    }

    @Test
    void theLabelIsFoundInTheFormsTextsUse() {
        SimpleFigureIndex index = index();
        for (String text : List.of(
                "10.卫生健康支出(类)住房改革支出(款)提租补贴(项) 2024 年预算 26.40 万元，比上年增加 1 万元。",
                "（2）提租补贴（2210202）26.40 万元，较上年增加 0.44 万元。",
                "其中：提租补贴 26.40 万元。",
                "宿州市医疗保障局部门 2024 年卫生健康支出 1127.50 万元。",
                "本单位当年公用经费预算安排 15.18 万元，较上年减少 3.34 万元。")) {
            NarrativeReport report = check(text, index);
            assertEquals(List.of(), report.results(), text);
            assertEquals(1, report.checked("T01"), text);
        }
    }

    @Test
    void aNameIsNeverCutDownToAMoreGeneralOne() {
        NarrativeReport report = check("医疗保障管理事务(款)其他医疗保障管理事务(项) 2024 年预算 76.55 万元。", index());
        assertEquals(List.of(), report.results());
        assertEquals(0, report.checked("T01"), "«其他医疗保障管理事务» is not «医疗保障管理事务»");
    }

    @Test
    void anAmountOfAnotherYearIsNotComparedWithThisYearsFigure() {
        String text = "2023 年卫生健康支出 1000.00 万元，2024 年卫生健康支出 1127.50 万元；上年预算支出 900 万元。";
        NarrativeReport inferred = check(text, index());
        assertEquals(List.of(), inferred.results(), "the latest year written, 2024, is taken for the budget's");
        assertEquals(1, inferred.checked("T01"));
        NarrativeReport known = check(text.replace("1127.50", "1127.60"), index().budgetYear(2024));
        assertEquals(List.of("T01 ERROR"), found(known));
        assertEquals(0, check(text, index().budgetYear(2025)).checked("T01"));
        assertEquals(1, check("上年结转 260.64 万元。", new SimpleFigureIndex().add("一、上年结转",
                cell("fin_summary", "carry_over"), wan("260.64"), "财政拨款收支总表")).checked("T01"), "上年结转 is this year's");
    }

    @Test
    void approximateAmountsAndThresholdsAreNotFigures() {
        NarrativeReport report = check("提租补贴约 30 万元；卫生健康支出 50 万元以上的项目 0 个。", index());
        assertEquals(List.of(), report.results());
        assertEquals(0, report.checked("T01"));
    }
}
