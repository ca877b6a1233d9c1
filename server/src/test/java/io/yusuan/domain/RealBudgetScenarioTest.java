package io.yusuan.domain;

import static io.yusuan.domain.Scenario.ALICE;
import static io.yusuan.domain.Scenario.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.workflow.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The tables added for real budgets, live: free rows of list tables, a column drawn line by line
 * from another table, and the rules between the new tables — each edit re-evaluates the rules
 * reading what it changed and reports what became violated or resolved.
 */
class RealBudgetScenarioTest {

    private static Map<String, String> changes(AppliedEvent event) {
        Map<String, String> out = new TreeMap<>();
        for (CheckChange change : event.checks()) {
            out.put(change.result().key(), change.resolved() ? "resolved"
                    : change.result().severity() + (change.result().left() == null && change.result().right() == null
                    ? "" : " " + change.result().difference()));
        }
        return out;
    }

    private static Map<String, String> only(Map<String, String> found, String prefix) {
        Map<String, String> out = new TreeMap<>(found);
        out.keySet().removeIf(k -> !k.startsWith(prefix));
        return out;
    }

    private static Map<String, String> current(Scenario s) {
        Map<String, String> out = new TreeMap<>();
        for (RuleResult r : s.state().violations()) {
            out.put(r.key(), r.severity() + (r.left() == null && r.right() == null ? "" : " " + r.difference()));
        }
        return out;
    }

    private static AppliedEvent edit(Scenario s, String section, String row, String column, String yuan) {
        int rev = s.state().input(cell(section, row, column)).rev();
        return s.when(ALICE, new EditCell(cell(section, row, column), yuan, rev, section + row + column + yuan),
                Role.EDITOR);
    }

    private static AppliedEvent text(Scenario s, String section, String row, String column, String text) {
        int rev = s.state().textCell(cell(section, row, column)).rev();
        return s.when(ALICE, new EditText(cell(section, row, column), text, rev, null, section + row + column + text),
                Role.EDITOR);
    }

    private static AppliedEvent add(Scenario s, String section, String key, String name, String kind, String parent) {
        return s.when(ALICE, new AddRow(section, key, name, kind, parent, "add-" + section + key), Role.EDITOR);
    }

    private static Scenario anhui() {
        Map<String, List<CodeRow>> rows = new HashMap<>();
        rows.put("gp_exp", List.of(new CodeRow("2101501", "行政运行"), new CodeRow("2101599", "其他医疗保障管理事务支出")));
        rows.put("income", List.of(new CodeRow("2101501", "行政运行"), new CodeRow("2101599", "其他医疗保障管理事务支出")));
        rows.put("dept_exp", List.of(new CodeRow("2101501", "行政运行"), new CodeRow("2101599", "其他医疗保障管理事务支出")));
        rows.put("basic_exp", List.of(new CodeRow("30217", "公务接待费")));
        return Scenario.anhui(rows);
    }

    @Test
    void freeRowsKeepTheirKindAndParentSumUpwardsAndSurviveAReplay() {
        Scenario s = anhui();
        add(s, "procurement", "u1", "[608001]宿州市医疗保障局", "unit", null);
        add(s, "procurement", "u1_1", "医疗保障基金管理", "project", "u1");
        AppliedEvent figure = edit(s, "procurement", "u1_1", "gpb", "600000.00");

        assertEquals("600000.00", s.value("procurement", "u1_1", "total"), "合计 of the line = Σ sources");
        assertEquals("600000.00", s.value("procurement", "u1", "total"), "the 单位 = Σ its projects");
        assertEquals("600000.00", s.value("procurement", "total", "gpb"), "the 合计 row = Σ 单位");
        assertTrue(figure.calc().stream().anyMatch(c -> c.cell().equals(cell("procurement", "total", "total"))));
        assertEquals("[608001]宿州市医疗保障局", s.state().text(cell("procurement", "u1", "name")));

        BudgetState replayed = s.replay(s.history());
        RowLayout child = replayed.layout().section("procurement").orElseThrow().rows().stream()
                .filter(r -> r.key().equals("u1_1")).findFirst().orElseThrow();
        assertEquals("project", child.kind());
        assertEquals("u1", child.parent());
        assertEquals("600000.00", replayed.valueOf(cell("procurement", "total", "total")).toYuanString());
        // A project cannot sit at the top, nor a 品目 under a 单位.
        assertFalse(s.decide(new AddRow("procurement", "x", "x", "project", null, "bad1"), Role.EDITOR).accepted());
        assertFalse(s.decide(new AddRow("procurement", "y", "y", "item", "u1", "bad2"), Role.EDITOR).accepted());
    }

    @Test
    void theIncomeTablesGeneralBudgetColumnFollowsTheSpendingTableLineByLine() {
        Scenario s = anhui();
        edit(s, "gp_exp", "2101501", "basic", "1000.00");
        edit(s, "gp_exp", "2101599", "project", "200.00");
        assertEquals("1000.00", s.value("income", "2101501", "gpb"));
        assertEquals("1200.00", s.value("income", "21015", "gpb"), "a parent still sums its children");
        assertEquals("1200.00", s.value("income", "total", "total"));
        assertFalse(s.decide(new EditCell(cell("income", "2101501", "gpb"), "5.00", 0, "x"), Role.EDITOR).accepted(),
                "derived, never typed");
        // A line the spending table lacks has nothing there: the cell stays empty, and cannot be typed.
        add(s, "income", "2101502", "一般行政管理事务", null, null);
        assertNull(s.value("income", "2101502", "gpb"));
        assertFalse(s.decide(new EditCell(cell("income", "2101502", "gpb"), "5.00", 0, "y"), Role.EDITOR).accepted());
        // Its other sources are inputs.
        edit(s, "income", "2101599", "transfer_gp", "143.00");
        assertEquals("1343.00", s.value("income", "total", "total"));
    }

    @Test
    void aCardWhoseFundsDifferFromItsProjectIsFlaggedAndTheFixResolvesIt() {
        Scenario s = anhui();
        add(s, "projects", "p1", "医疗保障基金安全监管经费", "project", null);
        add(s, "perf_projects", "p1", "医疗保障基金安全监管经费", "project", null);
        edit(s, "projects", "p1", "gpb", "698500.00");
        assertEquals("ERROR -698500.00", current(s).get("R17:p1"), "the card has no funds yet");

        AppliedEvent fiscal = edit(s, "perf_projects", "p1", "fiscal", "698500.00");
        assertEquals(Map.of("R17:p1", "resolved"), only(changes(fiscal), "R"), "R17 resolved, no other R rule moved");
        // The card's 年度资金总额 is derived: 财政拨款 + 上年结转 + 其他资金.
        assertEquals("698500.00", s.value("perf_projects", "p1", "total"));
        AppliedEvent other = edit(s, "perf_projects", "p1", "other", "10000.00");
        assertEquals(Map.of("R17:p1", "ERROR 10000.00"), only(changes(other), "R17"));
        // A card for a project the 项目支出表 does not list is flagged too.
        add(s, "perf_projects", "p9", "别的项目", "project", null);
        AppliedEvent lonely = edit(s, "perf_projects", "p9", "fiscal", "10000.00");
        assertEquals(Map.of("R17:p9", "ERROR 10000.00"), only(changes(lonely), "R17"));
    }

    @Test
    void projectSpendingMustMatchTheSpendingTableAndItsSources() {
        Scenario s = anhui();
        add(s, "projects", "p1", "项目一", "project", null);
        AppliedEvent shifted = edit(s, "projects", "p1", "unit_funds", "14300.00");
        // Seed 001's column shift: 单位资金 spent with no 单位资金 received (X13), and a project total the
        // 支出总表 does not show (X06).
        assertEquals("WARNING 14300.00", changes(shifted).get("X13-1"));
        assertEquals("ERROR -14300.00", changes(shifted).get("X06-1"));
        AppliedEvent fixed = edit(s, "projects", "p1", "unit_funds", null);
        AppliedEvent moved = edit(s, "projects", "p1", "transfer_gp", "14300.00");
        assertEquals("resolved", changes(fixed).get("X13-1"));
        assertEquals("WARNING 14300.00", changes(moved).get("X13-2"), "now the 上级转移支付 income is missing");
        AppliedEvent income = edit(s, "income", "2101599", "transfer_gp", "14300.00");
        assertEquals("resolved", changes(income).get("X13-2"));
        AppliedEvent spent = edit(s, "dept_exp", "2101599", "project", "14300.00");
        assertEquals("resolved", changes(spent).get("X06-1"));
    }

    @Test
    void theThreePublicTableIsCheckedAgainstTheEconomicLines() {
        Scenario s = anhui();
        assertEquals("WARNING", current(s).get("X11:three_public"), "mandatory: flagged while empty");
        AppliedEvent reception = edit(s, "basic_exp", "30217", "public", "30000.00");
        assertEquals(Map.of("X10-1", "WARNING 30000.00"), only(changes(reception), "X10"));
        AppliedEvent table = edit(s, "three_public", "reception", "total", "30000.00");
        Map<String, String> moved = changes(table);
        assertEquals("resolved", moved.get("X10-1"));
        assertEquals("resolved", moved.get("X11:three_public"));
        assertEquals("30000.00", s.value("three_public", "total", "total"), "合计 = 出国 + 公务用车 + 接待");
    }

    @Test
    void indicatorValuesAreJudgedInTheValueColumnEvenWithColumnsAfterIt() {
        // The Hebei cards print 绩效指标描述 and 指标值确定依据 around the 指标值.
        Scenario s = Scenario.of("hebei-dept", 2023, Map.of());
        add(s, "perf_indicators", "p1", "在乡六级以上伤残军人医药费", "project", null);
        add(s, "perf_indicators", "p1_1", "产出指标", "level1", "p1");
        add(s, "perf_indicators", "p1_1_1", "成本指标", "level2", "p1_1");
        add(s, "perf_indicators", "p1_1_1_1", "伤残军人报销资金数", "indicator", "p1_1_1");
        text(s, "perf_indicators", "p1_1_1_1", "basis", "调查问卷");
        AppliedEvent value = text(s, "perf_indicators", "p1_1_1_1", "value", "100%");
        assertEquals(Map.of("P01:perf_indicators!p1_1_1_1.value", "WARNING"), only(changes(value), "P01"));
        AppliedEvent description = text(s, "perf_indicators", "p1_1_1_1", "description", "报销资金 18.6 万元");
        assertEquals(Map.of(), only(changes(description), "P01"), "the description is not the 指标值");
        AppliedEvent fixed = text(s, "perf_indicators", "p1_1_1_1", "value", "18.6万元");
        assertEquals(Map.of("P01:perf_indicators!p1_1_1_1.value", "resolved"), only(changes(fixed), "P01"));
    }

    @Test
    void anUnnumberedTableIsNamedByItsTitleAndAChapterOfTheNarrativeCountsAsContent() {
        Scenario s = anhui();
        RuleResult empty = s.state().violations().stream().filter(r -> r.key().equals("X11:narrative")).findFirst()
                .orElseThrow();
        assertTrue(empty.message().startsWith("部门预算情况说明没有内容"), empty.message());
        AppliedEvent written = text(s, "narrative", "duties", "text", "负责全市医疗保障工作。");
        assertEquals("resolved", changes(written).get("X11:narrative"));
    }

    @Test
    void randomEditsOfTheNewTablesLeaveTheSameResultsAsAFullEvaluation() {
        Scenario s = anhui();
        add(s, "projects", "p1", "项目一", "project", null);
        add(s, "projects", "p2", "项目二", "project", null);
        add(s, "perf_projects", "p1", "项目一", "project", null);
        add(s, "procurement", "u1", "[608001]单位", "unit", null);
        add(s, "procurement", "u1_1", "采购项目", "project", "u1");
        add(s, "perf_indicators", "p1", "项目一", "project", null);
        add(s, "perf_indicators", "p1_1", "产出指标", "level1", "p1");
        add(s, "perf_indicators", "p1_1_1", "时效指标", "level2", "p1_1");
        add(s, "perf_indicators", "p1_1_1_1", "完成时限", "indicator", "p1_1_1");
        io.yusuan.domain.budget.CellRef[] inputs = {cell("projects", "p1", "gpb"), cell("projects", "p2", "unit_funds"),
                cell("projects", "p1", "transfer_gp"), cell("perf_projects", "p1", "fiscal"),
                cell("perf_projects", "p1", "carry"), cell("three_public", "reception", "total"),
                cell("basic_exp", "30217", "public"), cell("income", "2101599", "transfer_gp"),
                cell("dept_exp", "2101599", "project"), cell("gp_exp", "2101599", "project"),
                cell("procurement", "u1_1", "gpb")};
        String[] values = {"年底前完成", "5万元", "", "≤30天"};
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            if (random.nextInt(6) == 0) {
                text(s, "perf_indicators", "p1_1_1_1", "value", values[random.nextInt(values.length)] + i);
                continue;
            }
            io.yusuan.domain.budget.CellRef target = inputs[random.nextInt(inputs.length)];
            String value = random.nextInt(8) == 0 ? null : random.nextInt(10_000_000) + ".00";
            s.when(ALICE, new EditCell(target, value, s.state().input(target).rev(), "r" + i), Role.EDITOR);
        }
        BudgetState replayed = s.replay(s.history());
        assertEquals(replayed.violations(), s.state().violations(), "incremental results = full evaluation");
        for (var spec : s.state().layout().cells()) {
            assertEquals(replayed.valueOf(spec.ref()), s.state().valueOf(spec.ref()), spec.ref().toString());
        }
    }
}
