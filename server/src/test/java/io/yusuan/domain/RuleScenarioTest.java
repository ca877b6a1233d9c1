package io.yusuan.domain;

import static io.yusuan.domain.Scenario.ALICE;
import static io.yusuan.domain.Scenario.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import io.yusuan.domain.workflow.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Given figures / when an edit / then the rule results it violates or resolves, and nothing else. */
class RuleScenarioTest {

    private static Map<String, String> changes(AppliedEvent event) {
        Map<String, String> out = new TreeMap<>();
        for (CheckChange change : event.checks()) {
            out.put(change.result().key(), change.resolved() ? "resolved"
                    : change.result().severity() + " " + change.result().difference());
        }
        return out;
    }

    private static Map<String, String> current(Scenario s) {
        Map<String, String> out = new TreeMap<>();
        for (RuleResult r : s.state().violations()) {
            out.put(r.key(), r.severity() + (r.left() == null && r.right() == null ? "" : " " + r.difference()));
        }
        return out;
    }

    /** Tables the scenarios leave empty, marked 空表 so that X11 stays quiet about them. */
    static final List<String> UNUSED = List.of("gf_exp", "soe_exp", "projects", "procurement", "purchase_services",
            "three_public", "perf_projects", "perf_indicators", "narrative");

    /**
     * Both breakdowns of 基本支出 agree: 行政运行 by function (一般公共预算支出表, 部门支出总表, and the
     * 收入总表 whose 一般公共预算 column follows the first) and 基本工资 by economic code; the 财政拨款
     * income pays for it; the tables not used are 空表.
     */
    private static Scenario balanced() {
        Map<String, List<CodeRow>> rows = new HashMap<>();
        rows.put("gp_exp", List.of(new CodeRow("2101501", "行政运行"), new CodeRow("2101502", "一般行政管理事务"),
                new CodeRow("2080505", "机关事业单位基本养老保险缴费支出")));
        rows.put("basic_exp", List.of(new CodeRow("30101", "基本工资"), new CodeRow("30201", "办公费")));
        rows.put("dept_exp", List.of(new CodeRow("2101501", "行政运行")));
        rows.put("income", List.of(new CodeRow("2101501", "行政运行")));
        Scenario s = Scenario.anhui(rows)
                .given(ALICE, cell("gp_exp", "2101501", "basic"), "1000000.00")
                .given(ALICE, cell("dept_exp", "2101501", "basic"), "1000000.00")
                .given(ALICE, cell("basic_exp", "30101", "personnel"), "1000000.00")
                .given(ALICE, cell("fin_summary", "cur_gpb_regular", "amount"), "1000000.00");
        s.state().apply(new SectionsMarked(UNUSED.stream().map(k -> new SectionMark(k, true, "本例不用")).toList()),
                ALICE, null, java.time.Instant.EPOCH);
        return s;
    }

    @Test
    void aBalancedBudgetHasNoFindings() {
        assertEquals(Map.of(), current(balanced()));
    }

    @Test
    void anEditThatBreaksAnIdentityReportsItAndTheEditThatRestoresItResolvesIt() {
        Scenario s = balanced();

        AppliedEvent broken = s.when(ALICE, new EditCell(cell("basic_exp", "30101", "personnel"), "900000.00", 1, "a"),
                Role.EDITOR);
        assertEquals(Map.of("X04", "ERROR 100000.00"), changes(broken));
        RuleResult x04 = broken.checks().get(0).result();
        assertTrue(x04.cells().contains(cell("basic_exp", "total", "total")));
        assertEquals("1000000.00", x04.left().toYuanString());

        AppliedEvent fixed = s.when(ALICE, new EditCell(cell("basic_exp", "30101", "personnel"), "1000000.00", 2, "b"),
                Role.EDITOR);
        assertEquals(Map.of("X04", "resolved"), changes(fixed));
        assertEquals(Map.of(), current(s));
    }

    @Test
    void onlyTheRulesReadingChangedCellsAreReevaluated() {
        Scenario s = balanced();
        s.when(ALICE, new EditCell(cell("basic_exp", "30101", "personnel"), "900000.00", 1, "a"), Role.EDITOR);

        // Income moves the rules reading it only; X04 stays violated and is not reported again.
        AppliedEvent income = s.when(ALICE, new EditCell(cell("fin_summary", "carry_gpb", "amount"), "5.00", 0, "c"),
                Role.EDITOR);
        // (X01-3 reads it too: the 收入总表's 一般公共预算 income against the 财政拨款 total.)
        assertEquals(Map.of("R01-1", "INFO 5.00", "X01-3", "INFO -5.00"), changes(income));
        assertEquals(Map.of("R01-1", "INFO 5.00", "X01-3", "INFO -5.00", "X04", "ERROR 100000.00"), current(s));
    }

    @Test
    void aDifferenceWithinTheRoundingRemainderOfWanYuanFiguresIsInfo() {
        Scenario s = balanced();
        AppliedEvent event = s.when(ALICE, new EditCell(cell("basic_exp", "30101", "personnel"), "999900.00", 1, "a"),
                Role.EDITOR);
        RuleResult x04 = event.checks().get(0).result();
        assertEquals(Severity.INFO, x04.severity());
        assertTrue(x04.message().startsWith("尾差"), x04.message());
    }

    @Test
    void perRowRulesNameTheRow() {
        Scenario s = balanced();
        AppliedEvent event = s.when(ALICE, new EditCell(cell("gp_exp", "2101501", "project"), "50.00", 0, "p"),
                Role.EDITOR);
        // 一般公共预算 now exceeds the department's total spending on 行政运行, its 款, 类 and 合计.
        Map<String, String> rowRules = new TreeMap<>(changes(event));
        rowRules.keySet().removeIf(key -> !key.startsWith("X02-2"));
        assertEquals(Map.of("X02-2:2101501", "WARNING 50.00", "X02-2:21015", "WARNING 50.00",
                "X02-2:210", "WARNING 50.00", "X02-2:total", "WARNING 50.00"), rowRules);
    }

    @Test
    void unknownCodesAndNonStandardNamesAreFlaggedNotRenamed() {
        Scenario s = Scenario.anhui(Map.of(
                "basic_exp", List.of(new CodeRow("30309", "奖金"), new CodeRow("30101", "基本工资")),
                "gp_exp", List.of(new CodeRow("2019998", "自编科目"))));
        Map<String, String> found = current(s);
        found.keySet().removeIf(k -> k.startsWith("X11")); // nothing entered yet: every table is flagged empty
        assertEquals(Map.of("C02:basic_exp:30309", "WARNING", "C02:gp_exp:2019998", "WARNING"), found);
        RuleResult name = s.state().violations().stream().filter(r -> r.key().equals("C02:basic_exp:30309"))
                .findFirst().orElseThrow();
        assertTrue(name.message().contains("奖励金"), name.message());
        assertTrue(s.state().layout().sections().stream().flatMap(sec -> sec.rows().stream())
                .anyMatch(r -> "30309".equals(r.code()) && r.label().equals("奖金")), "the printed name is kept");
    }

    @Test
    void governmentEconomicCodesNeverMixWithDepartmentEconomicOnes() {
        Scenario s = Scenario.small();
        AppliedEvent added = s.when(Scenario.ALICE, new AddRow("basic_exp", "50501", "对事业单位经常性补助", "a1"),
                io.yusuan.domain.workflow.Role.EDITOR);
        List<RuleResult> mixed = added.checks().stream().map(io.yusuan.domain.rules.CheckChange::result)
                .filter(r -> r.rule().equals("C03")).toList();
        // The line and the 类 line 505 the layout adds above it.
        assertEquals(List.of("C03:basic_exp:505", "C03:basic_exp:50501"), mixed.stream().map(RuleResult::key).sorted()
                .toList());
        assertTrue(mixed.stream().allMatch(r -> r.severity() == io.yusuan.domain.rules.Severity.ERROR));
        assertTrue(current(s).keySet().stream().noneMatch(k -> k.equals("C02:basic_exp:50501")),
                "one finding for the line, the more fundamental one");
        AppliedEvent removed = s.when(Scenario.ALICE, new RemoveRow("basic_exp", "50501", "r1"),
                io.yusuan.domain.workflow.Role.EDITOR);
        assertTrue(removed.checks().stream().anyMatch(c -> c.resolved() && c.result().key().equals("C03:basic_exp:50501")));
    }
}
