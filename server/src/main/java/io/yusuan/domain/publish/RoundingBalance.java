package io.yusuan.domain.publish;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.Term;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * input goes is decided top-down along the split forest ({@link BalanceStructure}): a root is its
 * exact value rounded half-up; a split node hands its rounded value to its parts by the largest
 * remainder ({@link Apportion#largestRemainder}), parents before parts, down to the inputs. Sibling
 * nodes whose parts make up the rows of a derived 合计 (210 基本 and 210 项目 → the 款 of 210) are split
 * together ({@link JointSplit}) so that those 合计 stay within a unit too. A join's pinned part keeps
 * its own rounding and the other parts share the rest.
 *
 * <h2>Guaranteed, exactly</h2>
 * <ul>
 * <li>Every computed cell equals its formula evaluated on the published figures.</li>
 * <li>Empty stays empty (empty ≠ 0); an exact 0 prints 0.00; every figure is a whole unit.</li>
 * <li>Every figure of the forest — every input, every sum whose parts are all in the forest (类, 款,
 *     合计 rows, the lines of fixed tables, joins) — is less than one unit (0.01 万元) off its exact
 *     value, and one that is already a whole unit prints exactly.</li>
 * <li>Every root is its exact value rounded half-up (what {@code Money.toWanYuan(2)} prints), and so
 *     is a pinned part of a join that is a root (unless it has the opposite sign of the join and
 *     ties): the grand totals, the tops of the fixed tables, inputs in no sum. Two such figures that
 *     are equal in 元 print equal, and half-up is monotone so an {@code atMost} that holds in 元 holds
 *     in print: X04 (一般公共预算支出表 基本支出 合计 = 基本支出表 合计, a join of 人员经费 and 公用经费) and,
 *     in anhui-dept, R01 (收入总计 = 支出总计, whose 一般公共预算 side is the same inputs as the
 *     一般公共预算支出表 合计 合计).</li>
 * <li>The result depends only on the layout and the figures: lists are walked in layout order and
 *     ties go to the larger remainder, then the larger amount, then the later row.</li>
 * </ul>
 *
 * <h2>Not guaranteed</h2>
 * <ul>
 * <li>Derived cells outside the forest are off by at most the sum of their operands' errors. A row
 *     合计 across a code tree's columns (合计 = 基本 + 项目, 部门支出总表's five columns) is coupled and
 *     within one unit whenever the joint split finds a way (always, in the tests); uncoupled are a
 *     合计 over a derived column (河北 部门收入总表 合计 = 小计 + 上年结转) and cross-table lines adding
 *     another table's figure to a copied one (财政拨款收支总表 per 类: 一般公共预算 + 基金 + 国资): less than
 *     two units.</li>
 * <li>Identities between independently typed figures that are not both rounded alone: X07's 2080505
 *     = 30108 deep inside two trees, a side that is a sum of roots (陕西 X04: 人员经费 合计 + 公用经费 合计),
 *     R01 where the 收支总表 adds lines of its own to copied totals (河北 人行 line): they can print a
 *     unit apart per rounded figure. Figures already unequal in 元 stay unequal.</li>
 * </ul>
 *
 * <p>Cost: linear in the cells plus a sort per split node; milliseconds for thousands of cells.
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
        if (unitFen <= 0) {
            throw new IllegalArgumentException("unit must be positive: " + unitFen);
        }
        BalanceStructure structure = BalanceStructure.of(layout);
        Run run = new Run(structure, unitFen);
        run.exactValues(exactValue);
        run.assignTargets();
        return run.publish();
    }

    /** One balancing: exact values, targets, published values, all indexed like the structure. */
    private static final class Run {

        private final BalanceStructure s;
        private final long unit;
        private final int n;
        private final Long[] exact;
        private final Long[] target;
        private final Long[] published;

        Run(BalanceStructure structure, long unit) {
            this.s = structure;
            this.unit = unit;
            this.n = structure.cells.size();
            this.exact = new Long[n];
            this.target = new Long[n];
            this.published = new Long[n];
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

        /**
         * Roots first, then every split node top-down (parents before parts), so a node's target
         * is known when it is split, and all members of a coupling group are known together.
         */
        void assignTargets() {
            for (int i = 0; i < n; i++) {
                if (s.inForest[i] && s.parent[i] < 0 && exact[i] != null) {
                    target[i] = Apportion.halfUp(exact[i], unit);
                }
            }
            boolean[] done = new boolean[n];
            for (int node : s.topDown) {
                if (done[node] || target[node] == null) {
                    continue;
                }
                int group = s.groupOf[node];
                if (group >= 0 && ready(s.groups.get(group), done)) {
                    splitJointly(s.groups.get(group));
                    for (int member : s.groups.get(group)) {
                        done[member] = true;
                    }
                } else {
                    split(node, target[node]);
                    done[node] = true;
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
         * Hands a split node's target to its non-empty parts by the largest remainder. A join's
         * pinned parts keep their own rounding and the others share the rest — unless that rest is
         * a whole unit or more away from their exact sum (the join was itself split from above, or
         * only pinned parts have figures): then a pinned part would push another a unit off, and
         * all parts share the target.
         */
        private void split(int node, long value) {
            List<Integer> pinnedParts = new ArrayList<>();
            List<Integer> free = new ArrayList<>();
            for (int part : s.parts[node]) {
                if (exact[part] != null) {
                    (s.respectsPins[node] && s.pinned[part] ? pinnedParts : free).add(part);
                }
            }
            long rest = value;
            long freeExact = 0;
            for (int part : pinnedParts) {
                rest = Math.subtractExact(rest, Apportion.halfUp(exact[part], unit));
            }
            for (int part : free) {
                freeExact = Math.addExact(freeExact, exact[part]);
            }
            if (free.isEmpty() || Math.abs(Math.subtractExact(rest, freeExact)) >= unit) {
                free = new ArrayList<>();
                for (int part : s.parts[node]) {
                    if (exact[part] != null) {
                        free.add(part);
                    }
                }
                pinnedParts = List.of();
                rest = value;
            }
            if (free.isEmpty()) {
                return; // cannot happen: a node with a figure has a part with one
            }
            for (int part : pinnedParts) {
                target[part] = Apportion.halfUp(exact[part], unit);
            }
            long[] amounts = new long[free.size()];
            for (int k = 0; k < amounts.length; k++) {
                amounts[k] = exact[free.get(k)];
            }
            long[] shares = Apportion.largestRemainder(rest, amounts, unit);
            for (int k = 0; k < amounts.length; k++) {
                target[free.get(k)] = shares[k];
            }
        }

        /** The members of a coupling group, one column each, split at once by {@link JointSplit}. */
        private void splitJointly(int[] members) {
            List<Integer> columns = new ArrayList<>();
            for (int member : members) {
                if (exact[member] != null) {
                    columns.add(member);
                }
            }
            long[] targets = new long[columns.size()];
            long[][] amounts = new long[columns.size()][];
            int[][] rows = new int[columns.size()][];
            int[][] cells = new int[columns.size()][];
            Map<Integer, Integer> rowIds = new HashMap<>();
            for (int j = 0; j < columns.size(); j++) {
                int member = columns.get(j);
                targets[j] = target[member];
                cells[j] = Arrays.stream(s.parts[member]).filter(part -> exact[part] != null).toArray();
                amounts[j] = new long[cells[j].length];
                rows[j] = new int[cells[j].length];
                for (int c = 0; c < cells[j].length; c++) {
                    amounts[j][c] = exact[cells[j][c]];
                    int row = s.rowOf[cells[j][c]];
                    rows[j][c] = row < 0 ? -1 : rowIds.computeIfAbsent(row, r -> rowIds.size());
                }
            }
            long[][] shares = JointSplit.split(targets, amounts, rows, rowIds.size(), unit);
            for (int j = 0; j < columns.size(); j++) {
                for (int c = 0; c < cells[j].length; c++) {
                    target[cells[j][c]] = shares[j][c];
                }
            }
        }

        Map<CellRef, Money> publish() {
            for (int i = 0; i < n; i++) {
                if (s.isInput(i)) {
                    published[i] = target[i];
                }
            }
            evaluateComputed(published);
            Map<CellRef, Money> out = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                CellRef ref = s.cells.get(i).ref();
                if ((published[i] == null) != (exact[i] == null)
                        || s.inForest[i] && target[i] != null && !target[i].equals(published[i])) {
                    // The splits add up by construction; reaching this is a bug, never a data problem.
                    throw new IllegalStateException("舍位平衡 failed at " + ref + ": target " + target[i]
                            + ", formula gives " + published[i]);
                }
                if (published[i] != null) {
                    out.put(ref, Money.ofFen(published[i]));
                }
            }
            return out;
        }
    }
}
