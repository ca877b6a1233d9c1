package io.yusuan.domain.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.DocumentLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Generated budgets of realistic size (hundreds of function codes, random 分 amounts, seeded) for
 * every shipped template: the same properties as the demo budgets, and determinism whatever the
 * order the rows and figures arrive in. (Speed: {@code io.yusuan.bench.RoundingBalanceBench}.)
 */
class RoundingBalanceGeneratedTest {

    private static final long UNIT = RoundingBalance.HUNDREDTH_OF_WAN_YUAN;

    private static CellRef cell(String section, String row, String column) {
        return new CellRef(section, row, column);
    }

    /** An anhui-dept budget whose X04 and R01 totals are equal in 元, as in a correct budget. */
    private static GeneratedBudget anhui(long seed, int items) {
        GeneratedBudget budget = GeneratedBudget.generate("anhui-dept", seed, items);
        // Like the seed, no 政府性基金 or 国有资本经营 spending (those tables are 空表): the 财政拨款收支总表's
        // spending side is then the 一般公共预算支出表's alone, and R01 compares two figures of the forest.
        budget.inputs().keySet().removeIf(ref -> ref.section().equals("gf_exp") || ref.section().equals("soe_exp"));
        String someBasic = budget.rows().get("gp_exp").get(0).code();
        String someEconomic = budget.rows().get("basic_exp").get(0).code();
        budget.equalise(cell("gp_exp", "total", "basic"), cell("gp_exp", someBasic, "basic"),
                cell("basic_exp", "total", "total"), cell("basic_exp", someEconomic, "personnel"));
        budget.equalise(cell("fin_summary", "income_total", "amount"), cell("fin_summary", "cur_gpb_regular", "amount"),
                cell("fin_summary", "exp_total", "total"), cell("fin_summary", "exp_carry_next", "gpb"));
        return budget;
    }

    /** Balances the budget, checks every promised property and prints how far figures are off. */
    private static RoundingBalance.Result check(String name, GeneratedBudget budget) {
        DocumentLayout layout = budget.layout();
        RoundingBalance.Result result = RoundingBalance.run(layout, budget.inputs()::get, UNIT);
        BalanceCheck.Errors errors = BalanceCheck.assertBalanced(layout, budget.inputs()::get, result, UNIT);
        BalanceCheck.Comparisons comparisons = BalanceCheck.assertComparisons(layout,
                BalanceCheck.exact(layout, budget.inputs()::get), result);
        System.out.println(name + ": " + errors.cells() + " figures; off by, in units: forest max "
                + errors.forestMax() + ", coupled 合计 max " + errors.coupledMax() + ", other derived max "
                + errors.derivedMax() + ", " + errors.derivedOverOneUnit().size() + " ≥ 1 "
                + errors.derivedOverOneUnit().keySet().stream().limit(6).toList()
                + "; single-figure rules holding in 元 " + comparisons.holdInYuan() + ", pinned "
                + comparisons.pinned() + ", holding in print " + comparisons.holdInPrint());
        lastErrors = errors;
        return result;
    }

    private static BalanceCheck.Errors lastErrors;

    @Test
    void anhuiBudgetsKeepEveryIdentityAndPrintX04AndR01Equal() {
        for (long seed = 1; seed <= 20; seed++) {
            GeneratedBudget budget = anhui(seed, 300);
            RoundingBalance.Result result = check("anhui-dept seed " + seed, budget);
            Map<CellRef, Money> p = result.published();
            BalanceCheck.Errors errors = lastErrors;
            assertTrue(errors.cells() > 1_500, "a realistic size: " + errors.cells());
            // R01 and X04 are equal in 元 by construction. X04's two figures are tree roots: pinned, they
            // print equal.
            assertTrue(result.pinned().containsAll(List.of(cell("gp_exp", "total", "basic"),
                    cell("basic_exp", "total", "total"))), result.pinned()::toString);
            assertEquals(p.get(cell("gp_exp", "total", "basic")), p.get(cell("basic_exp", "total", "total")), "X04");
            // R01's spending side (本年支出 drawn from three tables, plus 结转下年) is no single figure of a
            // tree: it can print one unit away from 收入总计 (class comment, «Not guaranteed»).
            long r01 = p.get(cell("fin_summary", "income_total", "amount")).fen()
                    - p.get(cell("fin_summary", "exp_total", "total")).fen();
            assertTrue(Math.abs(r01) <= UNIT, "R01 off by " + r01 + " 分");
            // A figure derived across tables (收入总表 lines drawn from three spending tables, each balanced
            // on its own) carries the sum of its operands' rounding: it still equals its formula on the
            // printed figures (checked above), and how far it is from its exact value is printed, not
            // promised (class comment). The forest and the coupled 合计 stay within one unit.
            assertTrue(errors.forestMax() < 1 && errors.coupledMax() < 1, "forest " + errors.forestMax()
                    + ", coupled " + errors.coupledMax());
        }
    }

    @Test
    void aBudgetOfSixteenThousandFiguresKeepsThemToo() {
        RoundingBalance.Result result = check("anhui-dept, 3000 项 codes", anhui(42, 3_000));
        assertTrue(result.published().size() > 15_000, "figures: " + result.published().size());
    }

    @Test
    void everyShippedTemplateKeepsItsIdentities() {
        for (String template : List.of("anhui-dept", "shaanxi-unit", "hebei-dept")) {
            for (long seed = 100; seed < 110; seed++) {
                GeneratedBudget budget = GeneratedBudget.generate(template, seed, 250);
                if (template.equals("hebei-dept")) {
                    // 河北 has X04 too: make it hold in 元, and it is pinned and prints equal.
                    budget.equalise(cell("gp_exp", "total", "basic"),
                            cell("gp_exp", budget.rows().get("gp_exp").get(0).code(), "basic"),
                            cell("basic_exp", "total", "total"),
                            cell("basic_exp", budget.rows().get("basic_exp").get(0).code(), "personnel"));
                }
                RoundingBalance.Result result = check(template + " seed " + seed, budget);
                if (template.equals("hebei-dept")) {
                    assertTrue(result.pinned().contains(cell("basic_exp", "total", "total")));
                    assertEquals(result.published().get(cell("gp_exp", "total", "basic")),
                            result.published().get(cell("basic_exp", "total", "total")), "X04");
                }
            }
        }
    }

    @Test
    void theResultDependsOnlyOnTheFiguresNotOnTheOrderTheyArriveIn() {
        for (String template : List.of("anhui-dept", "shaanxi-unit", "hebei-dept")) {
            GeneratedBudget budget = template.equals("anhui-dept") ? anhui(7, 300)
                    : GeneratedBudget.generate(template, 7, 300);
            List<Map.Entry<CellRef, Money>> first = entries(budget);
            assertEquals(first, entries(budget), "same input, same output");
            for (long seed = 1; seed <= 5; seed++) {
                assertEquals(first, entries(budget.shuffled(seed)), template + " shuffled with seed " + seed);
            }
        }
    }

    private static List<Map.Entry<CellRef, Money>> entries(GeneratedBudget budget) {
        return new ArrayList<>(RoundingBalance.balance(budget.layout(), budget.inputs()::get).entrySet());
    }
}
