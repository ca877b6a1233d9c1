package io.yusuan.domain.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.demo.DemoBudget;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.CellsEdited;
import io.yusuan.domain.SectionMark;
import io.yusuan.domain.SectionsMarked;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.templates.TemplateLibrary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three demo budgets (real published budgets as data) published in 万元: every identity holds
 * exactly in the balanced figures, forest figures are less than 0.01 万元 off, and the figures that
 * rules compare print equal when they are equal in 元.
 */
class RoundingBalanceDemoTest {

    private static final TemplateLibrary LIBRARY = TemplateLibrary.shipped();
    private static final long UNIT = RoundingBalance.HUNDREDTH_OF_WAN_YUAN;

    /** A state built from a template and demo data as SeedDemoBudgetsTest does. */
    static BudgetState load(String resource) {
        DemoBudget budget = DemoBudget.resource(resource);
        DocumentInfo info = new DocumentInfo(1, budget.templateId(), budget.title(), budget.unit(), budget.year(),
                budget.rows());
        BudgetState state = BudgetState.replay(LIBRARY.factoryFor(info), info.codeRows(), 0, Map.of(), List.of());
        state.apply(new CellsEdited(budget.values()), new Actor(1, "导入"), null, Instant.EPOCH);
        if (!budget.emptySections().isEmpty()) {
            state.apply(new SectionsMarked(budget.emptySections().entrySet().stream()
                    .map(e -> new SectionMark(e.getKey(), true, e.getValue())).toList()),
                    new Actor(1, "导入"), null, Instant.EPOCH);
        }
        return state;
    }

    private static CellRef cell(String section, String row, String column) {
        return new CellRef(section, row, column);
    }

    private record Outcome(Map<CellRef, Money> published, BalanceCheck.Errors errors,
                           BalanceCheck.Comparisons comparisons) {
    }

    /** 0.01 万元, 0.1 万元 and whole 万元: the structures are exercised even where 0.01 万元 is exact. */
    private static final long[] UNITS = {UNIT, 10 * UNIT, 100 * UNIT};

    private static Outcome balance(String resource, BudgetState state, long unit) {
        RoundingBalance.Result result = RoundingBalance.run(state.layout(), state::valueOf, unit);
        BalanceCheck.Errors errors = BalanceCheck.assertBalanced(state.layout(), state::valueOf, result, unit);
        // The state's own totals are the exact ones the balancing derived for itself.
        Map<CellRef, Money> exact = BalanceCheck.exact(state.layout(), state::valueOf);
        exact.forEach((ref, value) -> assertEquals(state.valueOf(ref), value, ref.toString()));
        BalanceCheck.Comparisons comparisons = BalanceCheck.assertComparisons(state.layout(), exact, result);
        System.out.println(resource + " in units of " + unit / 100 + " 元: " + errors + " " + comparisons);
        return new Outcome(result.published(), errors, comparisons);
    }

    @Test
    void suzhouWasTypedInWholeHundredthsOfWanYuanSoNothingMoves() {
        BudgetState state = load("suzhou-2024.json");
        Outcome out = balance("suzhou-2024", state, UNIT);
        // Its inputs are the printed 万元 figures: every total of them is a whole 0.01 万元 already.
        out.published().forEach((ref, value) -> assertEquals(state.valueOf(ref), value, ref.toString()));
        assertEquals(0.0, out.errors().forestMax());
        assertEquals(0.0, out.errors().derivedMax());
        // X04 stays the 0.01 万元 apart it is in the transcribed figures (DOMAIN.md: 1088.72 vs 1088.71).
        assertEquals(Money.yuan("100.00"), out.published().get(cell("gp_exp", "total", "basic"))
                .minus(out.published().get(cell("basic_exp", "total", "total"))));
        for (long unit : UNITS) {
            balance("suzhou-2024", state, unit);
        }
    }

    @Test
    void xixiangInYuanPublishesInWanYuanWithEveryIdentity() {
        BudgetState state = load("xixiang-2024.json");
        for (long unit : UNITS) {
            Outcome out = balance("xixiang-2024", state, unit);
            assertTrue(out.comparisons().pinned() > 0);
            // 陕西 X04 per row (基本支出 by function = 一般公共预算 人员经费/公用经费 by function): two trees with
            // the same figures under equal tops; reported, as the joint split with 项目支出 may differ.
            int rows = 0;
            int same = 0;
            for (CellRef ref : out.published().keySet()) {
                if (ref.section().equals("basic_func") && !ref.column().equals("total")) {
                    rows++;
                    same += out.published().get(ref).equals(out.published().get(cell("gp_exp", ref.row(),
                            ref.column()))) ? 1 : 0;
                }
            }
            System.out.println("  基本支出 by function = 一般公共预算 by function, per cell: " + same + " of " + rows);
        }
    }

    @Test
    void nangongInYuanPublishesInWanYuanWithX04() {
        BudgetState state = load("nangong-2023.json");
        assertEquals(state.valueOf(cell("gp_exp", "total", "basic")), state.valueOf(cell("basic_exp", "total", "total")));
        for (long unit : UNITS) {
            Map<CellRef, Money> p = balance("nangong-2023", state, unit).published();
            assertEquals(p.get(cell("gp_exp", "total", "basic")), p.get(cell("basic_exp", "total", "total")), "X04");
        }
    }
}
