package io.yusuan.domain.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.LayoutBuilder;
import io.yusuan.domain.classification.CodeBook;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.templates.TemplateParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Small handmade layouts whose balanced figures are worked out by hand. */
class RoundingBalanceTest {

    static DocumentLayout layout(String templateJson, Map<String, List<CodeRow>> rows) {
        try {
            return new LayoutBuilder(new CodeBook()).build(TemplateParser.parse(
                    new ByteArrayInputStream(templateJson.getBytes(StandardCharsets.UTF_8))), rows);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CellRef cell(String section, String row, String column) {
        return new CellRef(section, row, column);
    }

    /** Balances {@code yuan} (cell "section!row.column" → amount in 元) and prints each figure in 万元. */
    private static Map<String, String> balanced(DocumentLayout layout, Map<String, String> yuan) {
        Map<CellRef, Money> inputs = new HashMap<>();
        yuan.forEach((cell, amount) -> {
            String[] p = cell.split("[!.]");
            inputs.put(cell(p[0], p[1], p[2]), amount == null ? null : Money.yuan(amount));
        });
        RoundingBalance.Result result = RoundingBalance.run(layout, inputs::get, RoundingBalance.HUNDREDTH_OF_WAN_YUAN);
        assertEquals(result.published(), RoundingBalance.balance(layout, inputs::get));
        BalanceCheck.assertBalanced(layout, inputs::get, result, RoundingBalance.HUNDREDTH_OF_WAN_YUAN);
        BalanceCheck.assertComparisons(layout, BalanceCheck.exact(layout, inputs::get), result);
        Map<String, String> wan = new HashMap<>();
        result.published().forEach((ref, money) -> wan.put(ref.toString(), money.toWanYuan(2).toPlainString()));
        return wan;
    }

    private static final String THREE_LINES = """
            {"id": "t", "title": "t", "displayUnit": "万元", "sections": [
              {"key": "s", "title": "s", "kind": "fixed",
               "columns": [{"key": "a", "title": "金额"}, {"key": "n", "title": "净额", "allowNegative": true}],
               "rows": [
                 {"key": "total", "label": "合计", "sumRows": ["x", "y", "z"]},
                 {"key": "x", "label": "x"}, {"key": "y", "label": "y"}, {"key": "z", "label": "z"},
                 {"key": "memo", "label": "不在任何合计中"},
                 {"key": "diff", "label": "差额", "formulas": {"a": "x.a - y.a", "n": "x.n - y.n"}}
               ]}
            ]}""";

    @Test
    void threeThirdsPrintTheirParentAndTheLastChildTakesTheRemainder() {
        Map<String, String> out = balanced(layout(THREE_LINES, Map.of()), Map.of(
                "s!x.a", "3333.33", "s!y.a", "3333.33", "s!z.a", "3333.33"));
        // Each is 0.333333 万元 and the total 0.999999 万元: rounded alone they print 0.33 × 3 = 0.99
        // under a total of 1.00. Balanced: the total rounds to 1.00 and the last line takes the 0.01.
        assertEquals("1.00", out.get("s!total.a"));
        assertEquals("0.33", out.get("s!x.a"));
        assertEquals("0.33", out.get("s!y.a"));
        assertEquals("0.34", out.get("s!z.a"));
    }

    @Test
    void theLargestRemainderWinsThenTheLargerAmount() {
        Map<String, String> out = balanced(layout(THREE_LINES, Map.of()), Map.of(
                "s!x.a", "10045.00", "s!y.a", "20046.00", "s!z.a", "29.00"));
        // 1.0045 + 2.0046 + 0.0029 = 3.0120 → 3.01; floors 1.00 + 2.00 + 0.00 leave one unit, which
        // goes to the largest remainder: 0.0046 (y), not 0.0045 (x) nor 0.0029 (z).
        assertEquals("3.01", out.get("s!total.a"));
        assertEquals(List.of("1.00", "2.01", "0.00"), List.of(out.get("s!x.a"), out.get("s!y.a"), out.get("s!z.a")));
        // The memo line belongs to no sum: rounded half-up on its own (ties away from zero, as
        // Money.toWanYuan). A 差额 (a formula with −) is derived from the balanced x and y.
        Map<String, String> alone = balanced(layout(THREE_LINES, Map.of()), Map.of(
                "s!memo.a", "50.00", "s!memo.n", "-50.00", "s!x.n", "-50.00", "s!y.n", "149.99"));
        assertEquals(List.of("0.01", "-0.01"), List.of(alone.get("s!memo.a"), alone.get("s!memo.n")));
        // x + y = 0.009999 → 0.01; floors −0.01 and 0.01 leave one unit, for x (remainder 0.005).
        assertEquals(List.of("0.01", "0.00", "0.01"),
                List.of(alone.get("s!total.n"), alone.get("s!x.n"), alone.get("s!y.n")));
        assertEquals("-0.01", alone.get("s!diff.n"), "exact −0.019999, but x − y of the published figures");
    }

    @Test
    void emptyStaysEmptyAndZeroStaysZero() {
        Map<String, String> yuan = new HashMap<>();
        yuan.put("s!x.a", null);
        yuan.put("s!y.a", "0.00");
        Map<String, String> out = balanced(layout(THREE_LINES, Map.of()), yuan);
        assertNull(out.get("s!x.a"));
        assertNull(out.get("s!z.a"));
        assertEquals("0.00", out.get("s!y.a"));
        assertEquals("0.00", out.get("s!total.a"));
        assertFalse(out.containsKey("s!total.n"), "a column with nothing in it stays blank");
        // A figure that is already a whole 0.01 万元 never moves, whatever its siblings need.
        Map<String, String> whole = balanced(layout(THREE_LINES, Map.of()), Map.of(
                "s!x.a", "100.00", "s!y.a", "60.00", "s!z.a", "60.00"));
        assertEquals(List.of("0.02", "0.01", "0.00", "0.01"),
                List.of(whole.get("s!total.a"), whole.get("s!x.a"), whole.get("s!y.a"), whole.get("s!z.a")));
    }

    @Test
    void negativeAmountsAreSplitLikeAnyOther() {
        Map<String, String> out = balanced(layout(THREE_LINES, Map.of()), Map.of(
                "s!x.n", "155.00", "s!y.n", "-50.00", "s!z.n", "-0.01"));
        // 0.0155 − 0.0050 − 0.000001 = 0.010499 → 0.01. Floors 0.01, −0.01, −0.01 leave two units for
        // the largest remainders above the floor: z's (−0.000001 is 0.009999 above −0.01) and x's (0.0055).
        assertEquals("0.01", out.get("s!total.n"));
        assertEquals(List.of("0.02", "-0.01", "0.00"), List.of(out.get("s!x.n"), out.get("s!y.n"), out.get("s!z.n")));
    }

    /** Two code trees breaking down the same 基本支出, compared by X04, as in the shipped templates. */
    static final String TWO_TREES = """
            {"id": "t", "title": "t", "displayUnit": "万元", "sections": [
              {"key": "gp", "title": "一般公共预算支出表", "kind": "codeTree", "codeSystem": "function",
               "columns": [{"key": "total", "title": "合计", "formula": "basic + project"},
                           {"key": "basic", "title": "基本支出"}, {"key": "project", "title": "项目支出"}]},
              {"key": "econ", "title": "基本支出表", "kind": "codeTree", "codeSystem": "economic",
               "columns": [{"key": "total", "title": "合计", "formula": "personnel + public"},
                           {"key": "personnel", "title": "人员经费"}, {"key": "public", "title": "公用经费"}]},
              {"key": "sum", "title": "收支总表", "kind": "fixed", "columns": [{"key": "amount", "title": "金额"}],
               "rows": [{"key": "income", "label": "收入总计", "sumRows": ["inc_a", "inc_b"]},
                        {"key": "inc_a", "label": "a"}, {"key": "inc_b", "label": "b"},
                        {"key": "exp_gp", "label": "一般公共预算", "formulas": {"amount": "gp!total.total"}},
                        {"key": "exp_201", "label": "201", "formulas": {"amount": "gp!201.total"}},
                        {"key": "exp_next", "label": "结转下年"},
                        {"key": "expense", "label": "支出总计", "sumRows": ["exp_gp", "exp_next"]}]}
            ],
            "rules": [{"id": "X04", "message": "基本支出 = 基本支出表合计",
                       "left": "gp!total.basic", "right": "econ!total.total"},
                      {"id": "R01", "message": "收入总计 = 支出总计",
                       "left": "sum!income.amount", "right": "sum!expense.amount"}]}""";

    static final Map<String, List<CodeRow>> TWO_TREES_ROWS = Map.of(
            "gp", List.of(new CodeRow("2010101", "a"), new CodeRow("2010102", "b"), new CodeRow("2080505", "c")),
            "econ", List.of(new CodeRow("30101", "基本工资"), new CodeRow("30201", "办公费")));

    @Test
    void x04AndR01TotalsEqualInYuanPrintEqual() {
        DocumentLayout layout = layout(TWO_TREES, TWO_TREES_ROWS);
        Map<String, String> out = balanced(layout, Map.of(
                "gp!2010101.basic", "40.00", "gp!2010101.project", "30.00",
                "gp!2010102.basic", "40.00", "gp!2010102.project", "30.00",
                "econ!30101.personnel", "40.00", "econ!30201.public", "40.00",
                "sum!inc_a.amount", "75.00", "sum!inc_b.amount", "75.00", "sum!exp_next.amount", "10.00"));
        // 基本支出 0.008 and the 基本支出表 0.004 + 0.004 are one total: both print 0.01. Rounded cell by
        // cell they would print 0.01 against 0.00 + 0.00.
        assertEquals("0.01", out.get("gp!total.basic"));
        assertEquals("0.01", out.get("econ!total.total"));
        assertEquals(List.of("0.00", "0.01"), List.of(out.get("econ!total.personnel"), out.get("econ!total.public")));
        assertEquals("0.01", out.get("econ!30201.public"));
        // R01: 收入总计 0.015 and 支出总计 0.014 + 0.001 both print 0.02 (cell by cell: 0.02 against 0.01 +
        // 0.00). 支出总计 is split into the 合计 0.014 → 0.02 and 结转下年 0.001 → 0.00; of the 合计, 基本 keeps
        // its own rounding (X04 pins it) and 项目 0.006 takes the rest, 0.01.
        assertEquals("0.02", out.get("sum!income.amount"));
        assertEquals("0.02", out.get("sum!expense.amount"));
        assertEquals(List.of("0.01", "0.01"), List.of(out.get("sum!inc_a.amount"), out.get("sum!inc_b.amount")));
        assertEquals(List.of("0.02", "0.00"), List.of(out.get("gp!total.total"), out.get("sum!exp_next.amount")));
        assertEquals("0.01", out.get("gp!total.project"));
        // Both 项 are 0.004 基本 + 0.003 项目 = 0.007. Split column by column, ties go to the later 项 in
        // both columns and its 合计 would print 0.02 against 0.00; split jointly, each 合计 prints 0.01.
        assertEquals(List.of("0.01", "0.00"), List.of(out.get("gp!2010101.basic"), out.get("gp!2010102.basic")));
        assertEquals(List.of("0.00", "0.01"), List.of(out.get("gp!2010101.project"), out.get("gp!2010102.project")));
        assertEquals(List.of("0.01", "0.01"), List.of(out.get("gp!2010101.total"), out.get("gp!2010102.total")));
    }

    @Test
    void theForestOfTheTwoTreesIsWhatTheClassCommentSays() {
        DocumentLayout layout = layout(TWO_TREES, TWO_TREES_ROWS);
        BalanceStructure s = BalanceStructure.of(layout);
        int gpTotal = s.indexOf(cell("gp", "total", "total"));
        int gpBasic = s.indexOf(cell("gp", "total", "basic"));
        int econTotal = s.indexOf(cell("econ", "total", "total"));
        assertEquals(gpTotal, s.parent[gpBasic], "the grand total joins its two column totals");
        int econTotal0 = s.indexOf(cell("econ", "total", "total"));
        assertEquals(List.of(List.of(gpBasic, econTotal0, 0), List.of(s.indexOf(cell("sum", "income", "amount")),
                s.indexOf(cell("sum", "expense", "amount")), 0)),
                s.comparisons.stream().map(c -> List.of(c[0], c[1], c[2])).toList(), "X04 and R01, to pin");
        assertEquals(-1, s.parent[econTotal]);
        assertEquals(econTotal, s.parent[s.indexOf(cell("econ", "total", "personnel"))]);
        // An inner row's 合计 is derived: its operands belong to the column trees.
        assertEquals(false, s.inForest[s.indexOf(cell("gp", "201", "total"))]);
        // 支出总计 claims the grand total through its alias line (exp_gp) and becomes the root above it;
        // the 201 line is an alias of gp!201.total, outside the forest.
        int expense = s.indexOf(cell("sum", "expense", "amount"));
        assertEquals(expense, s.parent[gpTotal]);
        assertEquals(-1, s.parent[expense]);
        assertEquals(false, s.inForest[s.indexOf(cell("sum", "exp_201", "amount"))]);
    }

    private static final String TWO_PAIRS = """
            {"id": "t", "title": "t", "displayUnit": "万元", "sections": [
              {"key": "s", "title": "s", "kind": "fixed", "columns": [{"key": "a", "title": "金额"}],
               "rows": [{"key": "total", "label": "合计", "sumRows": ["x", "y"]}, {"key": "x", "label": "x"},
                        {"key": "y", "label": "y"}, {"key": "x2", "label": "x 的另一处"},
                        {"key": "y2", "label": "y 的另一处"}]}],
             "rules": [{"id": "A", "message": "x = x2", "left": "s!x.a", "right": "s!x2.a"},
                       {"id": "B", "message": "y = y2", "left": "s!y.a", "right": "s!y2.a"}]}""";

    @Test
    void aRuleWhosePinWouldPushATotalAUnitOffIsLeftAlone() {
        DocumentLayout layout = layout(TWO_PAIRS, Map.of());
        Map<CellRef, Money> inputs = Map.of(cell("s", "x", "a"), Money.yuan("50.00"),
                cell("s", "y", "a"), Money.yuan("50.00"), cell("s", "x2", "a"), Money.yuan("50.00"),
                cell("s", "y2", "a"), Money.yuan("50.00"));
        RoundingBalance.Result result = RoundingBalance.run(layout, inputs::get, RoundingBalance.HUNDREDTH_OF_WAN_YUAN);
        Map<String, String> out = balanced(layout, Map.of("s!x.a", "50.00", "s!y.a", "50.00",
                "s!x2.a", "50.00", "s!y2.a", "50.00"));
        // x, y, x2, y2 are 0.005 each and round to 0.01 on their own. Rule A pins x and x2; pinning y
        // too would print 合计 0.02 for an exact 0.01, so rule B is left alone: y takes the rest, 0.00.
        assertEquals(java.util.Set.of(cell("s", "x", "a"), cell("s", "x2", "a")), result.pinned());
        assertEquals(List.of("0.01", "0.01", "0.00"), List.of(out.get("s!total.a"), out.get("s!x.a"), out.get("s!y.a")));
        assertEquals(List.of("0.01", "0.01"), List.of(out.get("s!x2.a"), out.get("s!y2.a")), "A holds, B does not");
    }

    @Test
    void theUnitMustBePositive() {
        assertThrows(IllegalArgumentException.class,
                () -> RoundingBalance.balance(layout(THREE_LINES, Map.of()), ref -> null, 0));
    }
}
