package io.yusuan.domain;

import static io.yusuan.domain.Scenario.ALICE;
import static io.yusuan.domain.Scenario.BOB;
import static io.yusuan.domain.Scenario.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.workflow.Role;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class EditScenarioTest {

    private static final CellRef ADMIN_RUN_BASIC = cell("gp_exp", "2101501", "basic");

    private static Map<String, String> calcOf(AppliedEvent event) {
        Map<String, String> calc = new TreeMap<>();
        event.calc().forEach(c -> calc.put(c.cell().toString(), c.value() == null ? null : c.value().toYuanString()));
        return calc;
    }

    @Test
    void editingAnItemRecomputesItsParentsTotalsAndTheCrossTableLines() {
        Scenario s = Scenario.small().given(ALICE, cell("gp_exp", "2101502", "project"), "1681700.00");

        AppliedEvent event = s.when(BOB, new EditCell(ADMIN_RUN_BASIC, "4162500.00", 0, "op-1"), Role.EDITOR);

        assertEquals(1, event.changes().size());
        CellChange change = event.changes().get(0);
        assertEquals(Money.yuan("4162500.00"), change.value());
        assertEquals(1, change.rev());
        assertNull(change.previous());
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("gp_exp!2101501.total", "4162500.00"),
                Map.entry("gp_exp!21015.basic", "4162500.00"),
                Map.entry("gp_exp!21015.total", "5844200.00"),
                Map.entry("gp_exp!210.basic", "4162500.00"),
                Map.entry("gp_exp!210.total", "5844200.00"),
                Map.entry("gp_exp!total.basic", "4162500.00"),
                Map.entry("gp_exp!total.total", "5844200.00"),
                Map.entry("fin_summary!exp_210.gpb", "5844200.00"),
                Map.entry("fin_summary!exp_210.total", "5844200.00"),
                Map.entry("fin_summary!exp_current.gpb", "5844200.00"),
                Map.entry("fin_summary!exp_current.total", "5844200.00"),
                Map.entry("fin_summary!exp_total.gpb", "5844200.00"),
                Map.entry("fin_summary!exp_total.total", "5844200.00"),
                // The 收入总表 draws its 一般公共预算 column from gp_exp, and the 收支总表 its income from that.
                Map.entry("income!2101501.gpb", "4162500.00"),
                Map.entry("income!2101501.total", "4162500.00"),
                Map.entry("income!21015.gpb", "5844200.00"),
                Map.entry("income!21015.total", "5844200.00"),
                Map.entry("income!210.gpb", "5844200.00"),
                Map.entry("income!210.total", "5844200.00"),
                Map.entry("income!total.gpb", "5844200.00"),
                Map.entry("income!total.total", "5844200.00"),
                Map.entry("summary!cur_gpb.amount", "5844200.00"),
                Map.entry("summary!income_total.amount", "5844200.00")));
        assertEquals(expected, calcOf(event));
    }

    @Test
    void onlyCellsDownstreamOfTheEditAreRecomputed() {
        Scenario s = Scenario.small().given(ALICE, cell("gp_exp", "2080505", "basic"), "991800.00");

        AppliedEvent event = s.when(ALICE, new EditCell(cell("basic_exp", "30201", "public"), "97800.00", 0, "op"),
                Role.EDITOR);

        assertEquals(Map.of("basic_exp!30201.total", "97800.00", "basic_exp!302.public", "97800.00",
                "basic_exp!302.total", "97800.00", "basic_exp!total.public", "97800.00",
                "basic_exp!total.total", "97800.00"), calcOf(event));
        assertEquals("991800.00", s.value("gp_exp", "total", "total"));
    }

    @Test
    void computedCellsAreNotEditable() {
        Decision d = Scenario.small().decide(new EditCell(cell("gp_exp", "21015", "basic"), "1", 0, "op"), Role.EDITOR);
        assertEquals(ErrorCode.NOT_EDITABLE, d.rejection().code());
        d = Scenario.small().decide(new EditCell(cell("gp_exp", "2101501", "total"), "1", 0, "op"), Role.EDITOR);
        assertEquals(ErrorCode.NOT_EDITABLE, d.rejection().code());
        d = Scenario.small().decide(new EditCell(cell("fin_summary", "exp_201", "gpb"), "1", 0, "op"), Role.EDITOR);
        assertEquals(ErrorCode.NOT_EDITABLE, d.rejection().code());
    }

    @Test
    void unknownCellsAreRefused() {
        Scenario s = Scenario.small();
        for (CellRef unknown : new CellRef[]{cell("nope", "x", "y"), cell("gp_exp", "2101599", "basic"),
                cell("gp_exp", "2101501", "personnel"), cell("fin_summary", "carry_gpb", "gpb")}) {
            assertEquals(ErrorCode.UNKNOWN_CELL, s.decide(new EditCell(unknown, "1", 0, "op"), Role.EDITOR)
                    .rejection().code(), unknown.toString());
        }
    }

    @Test
    void onlyEditorsAndAdminsMayEdit() {
        Scenario s = Scenario.small();
        EditCell edit = new EditCell(ADMIN_RUN_BASIC, "1", 0, "op");
        assertEquals(ErrorCode.FORBIDDEN, s.decide(edit, Role.REVIEWER).rejection().code());
        assertEquals(ErrorCode.FORBIDDEN, s.decide(edit, Role.SUPERVISOR).rejection().code());
        assertEquals(ErrorCode.FORBIDDEN, s.decide(edit, null).rejection().code());
        assertTrue(s.decide(edit, Role.EDITOR).accepted());
        assertTrue(s.decide(edit, Role.ADMIN).accepted());
    }

    @Test
    void staleEditIsRefusedWithTheCurrentValueAndItsAuthor() {
        Scenario s = Scenario.small().given(ALICE, ADMIN_RUN_BASIC, "100.00");

        Decision d = s.decide(new EditCell(ADMIN_RUN_BASIC, "200.00", 0, "op"), Role.EDITOR);

        assertEquals(ErrorCode.STALE_CELL, d.rejection().code());
        assertEquals(Money.yuan("100.00"), d.rejection().details().get("value"));
        assertEquals(1, d.rejection().details().get("rev"));
        assertEquals(ALICE, d.rejection().details().get("by"));
        assertTrue(s.decide(new EditCell(ADMIN_RUN_BASIC, "200.00", 1, "op"), Role.EDITOR).accepted());
    }

    @Test
    void malformedAndNegativeAmountsAreInvalid() {
        Scenario s = Scenario.small();
        for (String bad : new String[]{"12.345", "abc", "1e5", "", "1,000.00"}) {
            assertEquals(ErrorCode.INVALID_VALUE,
                    s.decide(new EditCell(ADMIN_RUN_BASIC, bad, 0, "op"), Role.EDITOR).rejection().code(), bad);
        }
        assertEquals(ErrorCode.INVALID_VALUE,
                s.decide(new EditCell(ADMIN_RUN_BASIC, "-5.00", 0, "op"), Role.EDITOR).rejection().code());
    }

    @Test
    void zeroAndEmptyStayApart() {
        Scenario s = Scenario.small().given(ALICE, ADMIN_RUN_BASIC, "0");
        assertEquals("0.00", s.value("gp_exp", "21015", "basic"));

        AppliedEvent cleared = s.when(ALICE, new EditCell(ADMIN_RUN_BASIC, null, 1, "clear"), Role.EDITOR);

        assertNull(s.value("gp_exp", "21015", "basic"));
        assertNull(s.value("gp_exp", "total", "total"));
        assertNull(s.value("fin_summary", "exp_210", "gpb"));
        assertFalse(cleared.calc().isEmpty());
        assertEquals(2, cleared.changes().get(0).rev());
    }

    @Test
    void settingTheSameValueKeepsTheRevisionAndRecomputesNothing() {
        Scenario s = Scenario.small().given(ALICE, ADMIN_RUN_BASIC, "10.00");
        AppliedEvent same = s.when(BOB, new EditCell(ADMIN_RUN_BASIC, "10", 1, "again"), Role.EDITOR);
        assertEquals(1, same.changes().get(0).rev());
        assertTrue(same.calc().isEmpty());
    }

    @Test
    void incomeSideSumsItsLines() {
        Scenario s = Scenario.small()
                .given(ALICE, cell("fin_summary", "carry_gpb", "amount"), "2606400.00")
                .given(ALICE, cell("fin_summary", "cur_gpb_regular", "amount"), "12127700.00")
                .given(ALICE, cell("fin_summary", "cur_gpb_nontax", "amount"), "2997800.00");
        assertEquals("15125500.00", s.value("fin_summary", "cur_gpb", "amount"));
        assertEquals("15125500.00", s.value("fin_summary", "cur_income", "amount"));
        assertEquals("17731900.00", s.value("fin_summary", "income_total", "amount"));
    }

    @Test
    void replayGivesTheSameStateAsLiveEditing() {
        Scenario s = Scenario.small();
        java.util.Random random = new java.util.Random(42);
        CellRef[] inputs = {ADMIN_RUN_BASIC, cell("gp_exp", "2101502", "project"), cell("gp_exp", "2080505", "basic"),
                cell("basic_exp", "30101", "personnel"), cell("dept_exp", "2101501", "project"),
                cell("fin_summary", "exp_carry_next", "gf"), cell("fin_summary", "carry_gf", "amount")};
        for (int i = 0; i < 300; i++) {
            CellRef target = inputs[random.nextInt(inputs.length)];
            String value = random.nextInt(10) == 0 ? null : (random.nextInt(100_000_000) + "." + random.nextInt(10) + "0");
            s.when(i % 2 == 0 ? ALICE : BOB, new EditCell(target, value, s.state().input(target).rev(), "op" + i),
                    Role.EDITOR);
        }
        BudgetState replayed = s.replay(s.history());
        assertEquals(s.state().version(), replayed.version());
        for (var spec : s.state().layout().cells()) {
            assertEquals(s.state().valueOf(spec.ref()), replayed.valueOf(spec.ref()), spec.ref().toString());
        }
        assertEquals(s.state().inputs(), replayed.inputs());
        assertEquals(s.state().violations(), replayed.violations(), "incremental rule results = full evaluation");
        Actor lastAuthor = replayed.input(inputs[0]).by();
        assertTrue(lastAuthor == null || lastAuthor.equals(ALICE) || lastAuthor.equals(BOB));
    }

    @Test
    void rollbackRestoresInputsAndTotals() {
        Scenario s = Scenario.small().given(ALICE, ADMIN_RUN_BASIC, "10.00");
        long version = s.state().version();
        var before = Map.of(ADMIN_RUN_BASIC, s.state().input(ADMIN_RUN_BASIC));
        s.when(BOB, new EditCell(ADMIN_RUN_BASIC, "99.00", 1, "x"), Role.EDITOR);

        s.state().rollback(version, before);

        assertEquals(version, s.state().version());
        assertEquals("10.00", s.value("gp_exp", "total", "total"));
        assertEquals(1, s.state().input(ADMIN_RUN_BASIC).rev());
    }
}
