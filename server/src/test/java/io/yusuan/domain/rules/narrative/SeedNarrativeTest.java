package io.yusuan.domain.rules.narrative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.narrative.SeedPassages.Chapter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The 说明 of the three published seeds against the figures of their own tables: exactly the
 * defects DOMAIN.md lists («What the seeds get wrong») are found, nothing else, and the number of
 * claims each rule judged is pinned so that finding nothing cannot pass for finding nothing wrong.
 */
class SeedNarrativeTest {

    private static final String SEED_001 = "001_4c40129985d12d4c.txt";
    private static final String SEED_002 = "002_208f12fb395773e2.txt";
    private static final String SEED_003 = "003_ce6cab5f862a266e.txt";

    /**
     * Seed 001's chapters each explain one table («一、关于 2024 年财政拨款收支总表的说明»), and quote
     * that table's figures: 卫生健康支出 is 1127.50 in 财政拨款收支总表 but 1128.93 in 收支总表.
     */
    private static final Map<String, Set<String>> SCOPE_001 = Map.ofEntries(
            Map.entry("一", Set.of("fin_summary")), Map.entry("二", Set.of("gp_exp")), Map.entry("三", Set.of("basic_exp")),
            Map.entry("四", Set.of("gov_fund")), Map.entry("五", Set.of("dept_summary")),
            Map.entry("六", Set.of("dept_income")), Map.entry("七", Set.of("dept_exp")), Map.entry("八", Set.of("soe")),
            Map.entry("九", Set.of("projects")), Map.entry("十", Set.of("procurement")),
            Map.entry("十一", Set.of("services")));

    /** The results and judged counts of several text cells together. */
    private record Outcome(List<RuleResult> results, Map<String, Integer> checked) {

        static Outcome of(List<NarrativeReport> reports) {
            List<RuleResult> results = new ArrayList<>();
            Map<String, Integer> checked = new TreeMap<>();
            for (NarrativeReport r : reports) {
                results.addAll(r.results());
                r.checked().forEach((rule, n) -> checked.merge(rule, n, Integer::sum));
            }
            return new Outcome(results, checked);
        }

        List<String> keys() {
            return results.stream().map(r -> r.key() + " " + r.severity()).toList();
        }

        String message(int i) {
            return results.get(i).message();
        }
    }

    private static NarrativeReport check(String cell, String text, FigureIndex index) {
        return NarrativeChecker.check(new CellRef("notes", cell, "text"), text, index);
    }

    @Test
    void seed001HasThreeRatesOnTheWrongBaseAndEverythingElseAgrees() {
        String part = SeedPassages.between(SeedPassages.read(SEED_001), "第三部分 2024 年部门预算情况说明", "第四部分 名词解释");
        List<Chapter> chapters = SeedPassages.chapters(part);
        assertEquals(12, chapters.size());
        SimpleFigureIndex figures = SeedFigures.seed001();
        List<NarrativeReport> reports = new ArrayList<>();
        for (Chapter chapter : chapters) {
            String number = chapter.heading().substring(0, chapter.heading().indexOf('、'));
            Set<String> scope = SCOPE_001.get(number);
            reports.add(check("ch" + number, chapter.text(), scope == null ? figures : figures.within(scope)));
        }
        Outcome outcome = Outcome.of(reports);

        assertEquals(List.of("T03:notes!ch二.text:1 ERROR", "T03:notes!ch二.text:2 ERROR", "T03:notes!ch二.text:3 ERROR"),
                outcome.keys());
        assertTrue(outcome.message(0).contains("「机关事业单位基本养老保险缴费支出」99.18万元，比上年增加31.03万元，增长率写为31.29%，"
                + "应为45.53%"), outcome.message(0));
        assertTrue(outcome.message(1).contains("「机关事业单位职业年金缴费支出」49.89万元，比上年增加15.67万元，增长率写为31.41%，"
                + "应为45.79%"), outcome.message(1));
        assertTrue(outcome.message(2).contains("「行政运行」416.25万元，比上年减少77.94万元，下降率写为23.04%，应为15.77%"),
                outcome.message(2));
        // T01: 4 function 类 in 一, 4 + 15 items in 二, 人员经费 / 公用经费 twice in 三, 基本 / 项目支出 in 七.
        // T02: the four function shares in 一 and in 二, 基本 / 项目支出 in 七, the five 政府采购 sources in 十.
        // T03: 24 rates (16 items, 一般公共预算支出, 本年收入, 上年结转, 支出, 项目支出, 政府采购, 购买服务, 机关运行经费).
        assertEquals(Map.of("T01", 29, "T02", 15, "T03", 24, "X08", 1), outcome.checked());
    }

    @Test
    void seed001UnscopedWouldMistakeTheWholeDepartmentsIncomeForItsFiscalIncome() {
        // Why chapters are scoped: 六 (收入总表) says 本年收入 1513.98 万元 — the department's, with the
        // 1.43 万元 transfer — while 财政拨款收支总表 has 本年收入 1512.56 万元, the only table printing that label.
        String part = SeedPassages.between(SeedPassages.read(SEED_001), "六、关于 2024 年收入总表的说明", "七、关于");
        NarrativeReport unscoped = check("ch六", part, SeedFigures.seed001());
        assertEquals(2, unscoped.results().size(), "the false alarm scoping prevents");
        NarrativeReport scoped = check("ch六", part, SeedFigures.seed001().within(Set.of("dept_income")));
        assertEquals(List.of(), scoped.results());
    }

    @Test
    void seed002HasTwoListsOfChangesThatDoNotAddUpToTheStatedDecrease() {
        String text = SeedPassages.read(SEED_002);
        SimpleFigureIndex figures = SeedFigures.seed002();
        Outcome outcome = Outcome.of(List.of(
                check("part2", SeedPassages.between(text, "第二部分 收支情况", "第三部分 其他情况"), figures),
                check("part3", SeedPassages.between(text, "第三部分 其他情况", "第四部分 公开报表"), figures)));

        assertEquals(List.of("T03:notes!part2.text:1 WARNING", "T03:notes!part2.text:2 WARNING"), outcome.keys());
        assertTrue(outcome.message(0).contains("236.88万元较上年减少1.43万元（文中另处所述），其下所列各项变动之和为减少1.39万元"
                + "（+24.27 +9.9 −36 +0.44）"), outcome.message(0));
        assertTrue(outcome.message(1).contains("其下所列各项变动之和为减少1.46万元（−1.1 −0.34 −0.02）"), outcome.message(1));
        assertEquals("-13900.00 -14300.00", outcome.results().get(0).left() + " " + outcome.results().get(0).right());
        // T01: the codes 2080505, 2101102, 2210201, 301, 303, 505, 509 and 公用经费 (2101506 and 302 carry
        // different totals in the 一般公共预算 and 基本支出 tables, so they are not judged).
        // T03: three lists summed — by function, by 部门经济 3xx, by 政府经济 505/509 (which adds up).
        assertEquals(Map.of("T01", 8, "T03", 3), outcome.checked());
    }

    @Test
    void seed002TheGovernmentEconomicBreakdownAddsUp() {
        String text = SeedPassages.read(SEED_002);
        String stated = SeedPassages.between(text, "1、一般公共预算当年拨款规模变化情况", "2、支出按功能科目分类的明细情况");
        String breakdown = SeedPassages.between(text, "（2）按照政府预算支出经济分类的类级科目说明", "（四）政府性基金预算支出情况");
        NarrativeReport report = check("part2", stated + breakdown, SeedFigures.seed002());
        assertEquals(List.of(), report.results());
        assertEquals(1, report.checked("T03"), "−1.41 − 0.02 = −1.43");
    }

    @Test
    void seed003StatesChangesOfItsPartsTenTimesItsTotalChangeAndRunningCostsAbovePublicExpenses() {
        String text = SeedPassages.between(SeedPassages.read(SEED_003), "南宫市医疗保障局 2023 年部门预算信息公开情况说明", null);
        Outcome outcome = Outcome.of(List.of(check("notes", text, SeedFigures.seed003())));

        assertEquals(List.of("T03:notes!notes.text:1 ERROR", "X08:notes!notes.text:1 WARNING"), outcome.keys());
        assertTrue(outcome.message(0).contains("6810.02万元较上年增加57.09万元，其下所列各项变动之和为增加519.80万元（+88.92 +430.88）"),
                outcome.message(0));
        assertEquals("5198000.00 570900.00", outcome.results().get(0).left() + " " + outcome.results().get(0).right());
        assertTrue(outcome.message(1).contains("机关运行经费写为29.3万元，超过表「部门预算一般公共预算财政拨款基本支出表」中的公用经费18.80万元"),
                outcome.message(1));
        assertEquals("293000.00 188000.00", outcome.results().get(1).left() + " " + outcome.results().get(1).right());
        // T01: 人员经费 323, 基本支出 341.8, 项目支出 6468.22, and the 三公 lines 因公出国（境）费, 公务用车购置及运维费,
        // 公务接待费 at 0.
        assertEquals(Map.of("T01", 6, "T03", 1, "X08", 1), outcome.checked());
    }
}
