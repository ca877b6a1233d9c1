package io.yusuan.domain.publish;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * 舍位平衡: the figures of a budget as published in 万元 with two decimals, chosen so that every printed
 * identity still holds. Amounts are exact in 分; rounding each cell on its own to 0.01 万元 would print
 * parents that are not the sum of their printed children.
 *
 * <h2>How</h2>
 * Only the inputs are rounded; every computed cell is then evaluated with its own formula on the
 * rounded inputs, so each identity of the layout (类 = Σ款, 合计 = Σ类, 合计 = 基本 + 项目, 收入总计 = …,
 * the cross-table lines) holds exactly in the published figures, by construction. Which way each
 * input goes is decided along the split forest ({@link BalanceStructure}: the vertical sums, then
 * joins such as 合计 合计 = 合计 基本 + 合计 项目):
 * <ol>
 * <li>bounds, bottom-up: a figure of the forest may print its exact value rounded down or up, and
 *     no more than its parts can add up to;</li>
 * <li>pins, equalities first, then ≤, each in template rule order: a rule comparing two single figures that holds in 元 (X04, R01,
 *     X02 on the 合计 row …) fixes both at their own half-up rounding, if every bound stays
 *     satisfiable — a pin narrows only the bounds on its way up to its root, which are checked;</li>
 * <li>targets, top-down: a root takes its half-up rounding (moved into its bounds if a pin beneath
 *     demands), and each split node hands its target to its parts within their bounds by the
 *     largest remainder ({@link Apportion#largestRemainder}). Sibling nodes whose parts are the
 *     columns of a derived row 合计 (210 基本 and 210 项目 → the 款 of 210) are split together
 *     ({@link JointSplit}), keeping those 合计 within a unit too.</li>
 * </ol>
 *
 * <h2>Guaranteed, exactly</h2>
 * <ul>
 * <li>Every computed cell equals its formula evaluated on the published figures.</li>
 * <li>Empty stays empty (empty ≠ 0); an exact 0 prints 0.00; every figure is a whole unit.</li>
 * <li>Every figure of the forest — every input, every sum whose parts are all in the forest (项, 款,
 *     类, the 合计 rows, the lines of the fixed tables, the joins) — is its exact value rounded down
 *     or up: less than one unit (0.01 万元) off, and exact when the exact value is a whole unit.</li>
 * <li>A pinned figure prints its exact value rounded half-up (what {@code Money.toWanYuan(2)}
 *     prints), and so does a root with no pin beneath it. A rule whose two figures are pinned holds
 *     in print: equal in 元 prints equal, and ≤ stays ≤ since half-up is monotone. A rule is left
 *     alone only if no choice keeping every forest figure within a unit satisfies it together with
 *     the rules pinned before it (the bounds decide this exactly): two 0.005 halves under a total of
 *     0.01 cannot both print 0.01. One pin alone always fits, so a rule between two trees is pinned
 *     unless earlier pins in them conflict. X04 is pinned in every test.</li>
 * <li>The result depends only on the layout and the figures: lists are walked in layout order and
 *     ties go to the larger remainder, then the larger amount, then the later row.</li>
 * </ul>
 *
 * <h2>Not guaranteed</h2>
 * <ul>
 * <li>Derived cells outside the forest are off by at most the sum of their operands' errors. A row
 *     合计 across a code tree's columns (合计 = 基本 + 项目, the five columns of 河北's 部门支出总表) is
 *     coupled and within one unit whenever the joint split can keep it so (always, in the tests).
 *     Not coupled, so off by up to the sum of their operands' rounding (a few units in the tests): a 合计 over a derived
 *     column (河北 部门收入总表 合计 = 小计 + 上年结转), a line adding another table's figure to a copied
 *     one (财政拨款收支总表 per 类: 一般公共预算 + 基金 + 国资), a 收入总表 line drawn from three spending
 *     tables.</li>
 * <li>Comparisons that are not pinned: a side outside the forest (X07's 30108 合计, a derived row
 *     合计), a side that is a sum (陕西 X04: 人员经费 合计 + 公用经费 合计), or a pin that conflicts with
 *     earlier ones. Those can print a unit apart per rounded figure; figures already unequal in 元
 *     stay unequal.</li>
 * </ul>
 *
 * <p>Cost: linear in the cells, plus a sort per split node and the joint repairs; milliseconds for
 * thousands of cells.
 */
public final class RoundingBalance {

    /** 0.01 万元 in 分: the unit of a table published in 万元 with two decimals. */
    public static final long HUNDREDTH_OF_WAN_YUAN = 10_000;

    private RoundingBalance() {
    }

    /** {@link #balance(DocumentLayout, Function, long)} for 万元 with two decimals. */
    public static Map<CellRef, Money> balance(DocumentLayout layout, Function<CellRef, Money> exactValue) {
        return balance(layout, exactValue, HUNDREDTH_OF_WAN_YUAN);
    }

    /**
     * The published figure of every amount cell that has a value, in 分 and a multiple of
     * {@code unitFen}, in layout order. {@code exactValue} is asked for the input cells only (null =
     * empty); the exact value of computed cells is derived from them with the layout's formulas.
     */
    public static Map<CellRef, Money> balance(DocumentLayout layout, Function<CellRef, Money> exactValue,
                                              long unitFen) {
        return run(layout, exactValue, unitFen).published();
    }

    /** The published figures, and the figures pinned to their own rounding (tests check them). */
    record Result(Map<CellRef, Money> published, Set<CellRef> pinned) {
    }

    static Result run(DocumentLayout layout, Function<CellRef, Money> exactValue, long unitFen) {
        if (unitFen <= 0) {
            throw new IllegalArgumentException("unit must be positive: " + unitFen);
        }
        BalanceStructure structure = BalanceStructure.of(layout);
        Run run = new Run(structure, unitFen);
        run.exactValues(exactValue);
        run.bounds();
        run.pin();
        run.assignTargets();
        Set<CellRef> pinned = new LinkedHashSet<>();
        for (int i = 0; i < structure.cells.size(); i++) {
            if (run.pinned[i]) {
                pinned.add(structure.cells.get(i).ref());
            }
        }
        return new Result(run.publish(), pinned);
    }

    /**
     * One balancing, every array indexed like the structure's cells. Published values are counted in
     * units: {@code low}/{@code high} bound what a figure may print (its exact value rounded down or
     * up, or the one value its pin or a pin beneath fixes), and the top-down pass picks a
     * {@code target} within them for every figure of the forest.
     */
    private static final class Run {

        private final BalanceStructure s;
        private final long unit;
        private final int n;
        private final Long[] exact;
        private final long[] low;
        private final long[] high;
        private final boolean[] pinned;
        private final Long[] target;

        Run(BalanceStructure structure, long unit) {
            this.s = structure;
            this.unit = unit;
            this.n = structure.cells.size();
            this.exact = new Long[n];
            this.low = new long[n];
            this.high = new long[n];
            this.pinned = new boolean[n];
            this.target = new Long[n];
        }

        void exactValues(Function<CellRef, Money> exactValue) {
            for (int i = 0; i < n; i++) {
                if (s.isInput(i)) {
                    Money value = exactValue.apply(s.cells.get(i).ref());
                    exact[i] = value == null ? null : value.fen();
                }
            }
            evaluateComputed(exact);
        }

        /** Every computed cell from its operands, in the graph's topological order. */
        private void evaluateComputed(Long[] values) {
            for (CellRef ref : s.layout.graph().computeOrder()) {
                Integer cell = s.index.get(ref);
                if (cell == null) {
                    continue;
                }
                Long sum = null;
                for (Term term : s.formula(cell).terms()) {
                    Long value = values[s.indexOf(term.ref())];
                    if (value != null) {
                        long signed = term.sign() < 0 ? Math.negateExact(value) : value;
                        sum = sum == null ? signed : Math.addExact(sum, signed);
                    }
                }
                values[cell] = sum;
            }
        }

        /** Bottom-up: each forest figure's own bounds, narrowed to what its parts can add up to. */
        void bounds() {
            for (int i = 0; i < n; i++) {
                if (s.isInput(i) && exact[i] != null) {
                    bound(i);
                }
            }
            for (int k = s.topDown.size() - 1; k >= 0; k--) {
                if (exact[s.topDown.get(k)] != null) {
                    bound(s.topDown.get(k));
                }
            }
        }

        /** Recomputes one figure's bounds from its own rounding and its parts' bounds. */
        private void bound(int cell) {
            long h = Apportion.halfUp(exact[cell], unit);
            low[cell] = pinned[cell] ? h : Apportion.floor(exact[cell], unit);
            high[cell] = pinned[cell] ? h : Apportion.ceil(exact[cell], unit);
            if (s.parts[cell] != null) {
                long sumLow = 0;
                long sumHigh = 0;
                for (int part : s.parts[cell]) {
                    if (exact[part] != null) {
                        sumLow = Math.addExact(sumLow, low[part]);
                        sumHigh = Math.addExact(sumHigh, high[part]);
                    }
                }
                low[cell] = Math.max(low[cell], sumLow);
                high[cell] = Math.min(high[cell], sumHigh);
            }
        }

        /**
         * Pins, rule by rule — equalities first, then ≤, each in template order, because a printed
         * 收入总计 ≠ 支出总计 is a visible error while a ≤ off by one unit rarely is: a rule comparing
         * two single figures that holds in 元 has both print their own half-up rounding — equal stays
         * equal, ≤ stays ≤ (half-up is monotone) — if that leaves every figure of the forest a value
         * within its bounds; else the rule is left alone. A pin narrows bounds only along its parent
         * chain, so it is checked there.
         */
        void pin() {
            pin(0);
            pin(1);
        }

        private void pin(int comparison) {
            for (int[] rule : s.comparisons) {
                if (rule[2] != comparison) {
                    continue;
                }
                Long left = exact[rule[0]];
                Long right = exact[rule[1]];
                if (left == null || right == null || (rule[2] == 1 ? left > right : !left.equals(right))) {
                    continue;
                }
                List<long[]> undo = new ArrayList<>();
                if (!pin(rule[0], undo) || !pin(rule[1], undo)) {
                    for (int k = undo.size() - 1; k >= 0; k--) {
                        long[] saved = undo.get(k);
                        int cell = (int) saved[0];
                        low[cell] = saved[1];
                        high[cell] = saved[2];
                        pinned[cell] = saved[3] == 1;
                    }
                }
            }
        }

        private boolean pin(int cell, List<long[]> undo) {
            for (int c = cell; c >= 0; c = s.parent[c]) {
                undo.add(new long[] {c, low[c], high[c], pinned[c] ? 1 : 0});
                if (c == cell) {
                    pinned[c] = true;
                }
                long oldLow = low[c];
                long oldHigh = high[c];
                bound(c);
                if (low[c] > high[c]) {
                    return false;
                }
                if (c != cell && low[c] == oldLow && high[c] == oldHigh) {
                    return true; // nothing changes further up
                }
            }
            return true;
        }

        /**
         * Roots take their half-up rounding, moved into their bounds if a pin beneath demands; then
         * every split node top-down (parents before parts), so a node's target is known when it is
         * split, and all members of a coupling group are known together.
         */
        void assignTargets() {
            for (int i = 0; i < n; i++) {
                if (s.inForest[i] && s.parent[i] < 0 && exact[i] != null) {
                    target[i] = Math.min(high[i], Math.max(low[i], Apportion.halfUp(exact[i], unit)));
                }
            }
            boolean[] done = new boolean[n];
            for (int node : s.topDown) {
                if (done[node] || target[node] == null) {
                    continue;
                }
                int group = s.groupOf[node];
                int[] members = group >= 0 && ready(s.groups.get(group), done) ? s.groups.get(group) : new int[] {node};
                splitJointly(members);
                for (int member : members) {
                    done[member] = true;
                }
            }
        }

        /** Every member with a figure has its target and none is split yet. */
        private boolean ready(int[] members, boolean[] done) {
            for (int member : members) {
                if (exact[member] != null && (target[member] == null || done[member])) {
                    return false;
                }
            }
            return true;
        }

        /**
         * Hands each member's target to its non-empty parts within their bounds: by the largest
         * remainder for a single node, by {@link JointSplit} for a coupling group (one column each).
         */
        private void splitJointly(int[] members) {
            List<Integer> columns = new ArrayList<>();
            for (int member : members) {
                if (exact[member] != null) {
                    columns.add(member);
                }
            }
            int k = columns.size();
            long[] targets = new long[k];
            long[][] amounts = new long[k][];
            long[][] lows = new long[k][];
            long[][] highs = new long[k][];
            int[][] rows = new int[k][];
            int[][] cells = new int[k][];
            Map<Integer, Integer> rowIds = new HashMap<>();
            for (int j = 0; j < k; j++) {
                int member = columns.get(j);
                targets[j] = target[member];
                cells[j] = Arrays.stream(s.parts[member]).filter(part -> exact[part] != null).toArray();
                amounts[j] = Arrays.stream(cells[j]).mapToLong(part -> exact[part]).toArray();
                lows[j] = Arrays.stream(cells[j]).mapToLong(part -> low[part]).toArray();
                highs[j] = Arrays.stream(cells[j]).mapToLong(part -> high[part]).toArray();
                rows[j] = new int[cells[j].length];
                for (int c = 0; c < cells[j].length; c++) {
                    int row = members.length > 1 ? s.rowOf[cells[j][c]] : -1;
                    rows[j][c] = row < 0 ? -1 : rowIds.computeIfAbsent(row, r -> rowIds.size());
                }
            }
            long[][] shares = JointSplit.split(targets, amounts, lows, highs, rows, rowIds.size(), unit);
            for (int j = 0; j < k; j++) {
                for (int c = 0; c < cells[j].length; c++) {
                    target[cells[j][c]] = shares[j][c];
                }
            }
        }

        Map<CellRef, Money> publish() {
            Long[] published = new Long[n];
            for (int i = 0; i < n; i++) {
                if (s.isInput(i) && target[i] != null) {
                    published[i] = Math.multiplyExact(target[i], unit);
                }
            }
            evaluateComputed(published);
            Map<CellRef, Money> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                CellRef ref = s.cells.get(i).ref();
                boolean missed = s.inForest[i] && target[i] != null
                        && (published[i] == null || published[i] != target[i] * unit);
                if ((published[i] == null) != (exact[i] == null) || missed) {
                    // The splits add up by construction; reaching this is a bug, never a data problem.
                    throw new IllegalStateException("舍位平衡 failed at " + ref + ": target " + target[i]
                            + " units, formula gives " + published[i] + " 分");
                }
                if (published[i] != null) {
                    out.put(ref, Money.ofFen(published[i]));
                }
            }
            return out;
        }
    }
}
