package io.yusuan.domain;

import static io.yusuan.domain.Scenario.ALICE;
import static io.yusuan.domain.Scenario.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.workflow.Role;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Adding and removing classification lines: parents, totals and cross-table lines follow. */
class RowScenarioTest {

    private static Map<String, String> calc(AppliedEvent event) {
        Map<String, String> out = new TreeMap<>();
        event.calc().forEach(c -> out.put(c.cell().toString(), c.value() == null ? null : c.value().toYuanString()));
        return out;
    }

    @Test
    void aNewItemUnderANewClassBringsItsParentsAndFeedsTheCrossTableLine() {
        Scenario s = Scenario.small();

        AppliedEvent added = s.when(ALICE, new AddRow("gp_exp", "2210201", "", "r1"), Role.EDITOR);

        assertEquals(List.of(new RowChange("gp_exp", "2210201", "住房公积金", true)), added.rows());
        assertTrue(s.state().layout().cell(cell("gp_exp", "221", "total")).isPresent(), "类 221 appeared");
        assertTrue(s.state().layout().cell(cell("gp_exp", "22102", "basic")).isPresent(), "款 22102 appeared");

        AppliedEvent edited = s.when(ALICE, new EditCell(cell("gp_exp", "2210201", "basic"), "300.00", 0, "e1"),
                Role.EDITOR);
        Map<String, String> moved = calc(edited);
        assertEquals("300.00", moved.get("gp_exp!22102.basic"));
        assertEquals("300.00", moved.get("gp_exp!221.total"));
        assertEquals("300.00", moved.get("fin_summary!exp_221.gpb"), "财政拨款收支总表 follows the new 类");
        assertEquals("300.00", moved.get("fin_summary!exp_total.total"));
    }

    @Test
    void removingALineTakesItsFiguresOutOfEveryTotalAndRecordsThem() {
        Scenario s = Scenario.small()
                .given(ALICE, cell("gp_exp", "2101501", "basic"), "100.00")
                .given(ALICE, cell("gp_exp", "2101502", "project"), "20.00");

        AppliedEvent removed = s.when(ALICE, new RemoveRow("gp_exp", "2101502", "r2"), Role.EDITOR);

        assertEquals(List.of(new RowChange("gp_exp", "2101502", "一般行政管理事务", false)), removed.rows());
        assertEquals(1, removed.changes().size());
        assertEquals("20.00", removed.changes().get(0).previous().toYuanString(), "the removed figure is recorded");
        assertEquals("100.00", calc(removed).get("gp_exp!21015.total"));
        assertEquals("100.00", s.value("fin_summary", "exp_210", "gpb"));
        assertTrue(s.state().layout().cell(cell("gp_exp", "2101502", "project")).isEmpty());

        // Added back, it starts empty: the old figure does not come back with it.
        s.when(ALICE, new AddRow("gp_exp", "2101502", "一般行政管理事务", "r3"), Role.EDITOR);
        assertNull(s.value("gp_exp", "2101502", "project"));
        assertEquals("100.00", s.value("gp_exp", "total", "total"));
    }

    @Test
    void replayingRowChangesGivesTheSameDocument() {
        Scenario s = Scenario.small().given(ALICE, cell("gp_exp", "2101501", "basic"), "100.00");
        s.when(ALICE, new AddRow("gp_exp", "2210201", null, "a"), Role.EDITOR);
        s.when(ALICE, new EditCell(cell("gp_exp", "2210201", "project"), "7.00", 0, "b"), Role.EDITOR);
        s.when(ALICE, new RemoveRow("gp_exp", "2101502", "c"), Role.EDITOR);
        s.when(ALICE, new AddRow("basic_exp", "30199", "其他工资福利支出", "d"), Role.EDITOR);

        BudgetState replayed = s.replay(s.history());

        assertEquals(s.state().codeRows(), replayed.codeRows());
        assertEquals(s.state().inputs(), replayed.inputs());
        assertEquals(s.state().violations(), replayed.violations());
        for (var spec : s.state().layout().cells()) {
            assertEquals(s.state().valueOf(spec.ref()), replayed.valueOf(spec.ref()), spec.ref().toString());
        }
    }

    @Test
    void aLineThatBecomesAParentLosesItsTypedFigureLiveAndOnReplay() {
        Scenario s = Scenario.anhui(Map.of("basic_exp", List.of(
                new io.yusuan.domain.classification.CodeRow("301", "工资福利支出"))));
        s.when(ALICE, new EditCell(cell("basic_exp", "301", "personnel"), "100.00", 0, "a"), Role.EDITOR);

        AppliedEvent added = s.when(ALICE, new AddRow("basic_exp", "30101", "", "b"), Role.EDITOR);

        assertNull(s.value("basic_exp", "301", "personnel"), "301 now sums its 款, which are empty");
        assertEquals("100.00", added.changes().get(0).previous().toYuanString(), "the typed figure is recorded");
        assertEquals(s.state().inputs(), s.replay(s.history()).inputs());
        s.when(ALICE, new RemoveRow("basic_exp", "30101", "c"), Role.EDITOR);
        BudgetState replayed = s.replay(s.history());
        assertEquals(s.state().inputs(), replayed.inputs());
        assertNull(replayed.valueOf(cell("basic_exp", "301", "personnel")), "the old figure does not come back");
        assertEquals(s.state().violations(), replayed.violations());
    }

    @Test
    void rowCommandsAreChecked() {
        Scenario s = Scenario.small();
        assertEquals(ErrorCode.INVALID_VALUE, s.decide(new AddRow("gp_exp", "21015", "", "x"), Role.EDITOR)
                .rejection().code(), "功能分类 lines are added at 项 level");
        assertEquals(ErrorCode.INVALID_VALUE, s.decide(new AddRow("basic_exp", "3010101", "", "x"), Role.EDITOR)
                .rejection().code(), "经济分类 lines are added at 款 level");
        assertEquals(ErrorCode.INVALID_STATE, s.decide(new AddRow("gp_exp", "2101501", "", "x"), Role.EDITOR)
                .rejection().code(), "already there");
        assertEquals(ErrorCode.INVALID_VALUE, s.decide(new AddRow("gp_exp", "2019998", "", "x"), Role.EDITOR)
                .rejection().code(), "an unknown code needs a name");
        assertEquals(ErrorCode.UNKNOWN_CELL, s.decide(new AddRow("fin_summary", "2101501", "", "x"), Role.EDITOR)
                .rejection().code(), "fixed tables have no code lines");
        assertEquals(ErrorCode.FORBIDDEN, s.decide(new AddRow("gp_exp", "2210201", "", "x"), Role.REVIEWER)
                .rejection().code());
        assertEquals(ErrorCode.INVALID_STATE, Scenario.anhui(Map.of("gp_exp", List.of(
                new io.yusuan.domain.classification.CodeRow("21015", "医疗保障管理事务"),
                new io.yusuan.domain.classification.CodeRow("2101501", "行政运行"))))
                .decide(new RemoveRow("gp_exp", "21015", "x"), Role.EDITOR).rejection().code(), "it has a 项 under it");
        assertEquals(ErrorCode.UNKNOWN_CELL, s.decide(new RemoveRow("gp_exp", "21015", "x"), Role.EDITOR)
                .rejection().code(), "a parent that only follows its children is not a line of its own");
    }

    @Test
    void anUnknownCodeWithANameIsAcceptedAndFlagged() {
        Scenario s = Scenario.small();
        AppliedEvent added = s.when(ALICE, new AddRow("gp_exp", "2019998", "自编科目", "x"), Role.EDITOR);
        assertTrue(added.checks().stream().anyMatch(c -> c.result().key().equals("C02:gp_exp:2019998")
                && !c.resolved()), () -> added.checks().toString());
    }
}
