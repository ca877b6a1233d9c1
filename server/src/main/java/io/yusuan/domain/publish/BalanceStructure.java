package io.yusuan.domain.publish;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.Formula;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.calc.Term;
import io.yusuan.domain.rules.Comparison;
import io.yusuan.domain.rules.Rule;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.RowDef;
import io.yusuan.domain.template.SectionKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which published figures are split from which: the forest along which {@link RoundingBalance}
 * hands a rounded total down to its parts. It depends on the layout only (never on the figures), and
 * every list in it is in layout order (section, row, column), so nothing depends on hash order.
 *
 * <p>A <em>split node</em> is a computed cell whose formula is a sum of + terms that it owns: each
 * operand is split from this node and from no other. An operand is either an input or itself a split
 * node, so fixing a node's published value fixes, through the splits, the inputs below it — and the
 * formula then gives that value back exactly. A cell nobody splits from is a <em>root</em>.
 *
 * <p>Aliases: a formula of one + term (a cross-table line such as {@code gp_exp!210.total}, a 小计 of
 * one line), or any cell that is the same combination of inputs as an earlier one ({@link
 * SameFigures}), never splits by itself: it stands for that figure, and a sum over it claims the
 * figure. Formulas with a − term, or the same figure twice, are never split nodes.
 *
 * <p>The forest is grown in rounds; within a pass, cells go bottom-up (formula height, then layout
 * order), so a cell's operands are settled before it:
 * <ol>
 * <li>the vertical sums — a code-tree parent (Σ children), a code tree's 合计 row (Σ 类), a fixed
 *     row's {@code sumRows} — claim their operands: the trees a reader adds up come first;</li>
 * <li>then the other + sums — a column formula such as 合计 = 基本 + 项目, a row formula — may
 *     <em>join</em> figures that are still roots: 合计.基本 and 合计.项目 under 合计.合计, 人员经费 and
 *     公用经费 under the 基本支出表 合计;</li>
 * <li>and again, until nothing changes: a root made by a join is offered to the vertical sums first
 *     (收支总表 本年支出 + 结转下年), then to further joins (支出总计 合计 = 一般公共预算 + 基金 + 国资).</li>
 * </ol>
 * It also lists the rules that compare two single figures of the forest, for the balancer to pin.
 */
final class BalanceStructure {

    /** Where a formula came from, which decides in which pass it may claim its operands. */
    private enum Kind { INPUT, VERTICAL, OTHER_SUM, ALIAS, NOT_A_SUM }

    final DocumentLayout layout;
    /** Every amount cell, in layout order; a cell's index is its position here. */
    final List<CellSpec> cells = new ArrayList<>();
    final Map<CellRef, Integer> index = new HashMap<>();
    /** For a split node: its operands (aliases resolved), in formula order; null for other cells. */
    final int[][] parts;
    /** The split node a cell is split from, or -1 for a root (or a cell outside the forest). */
    final int[] parent;
    /** Inputs and split nodes: the cells whose published value a target can fix. */
    final boolean[] inForest;
    /**
     * The rules comparing two single figures of the forest, in template order: {left, right, 1 for
     * atMost else 0}, aliases resolved. The balancer pins them (see {@link RoundingBalance}).
     */
    final List<int[]> comparisons = new ArrayList<>();
    /** Split nodes, parents before their parts: by formula height downwards, then layout order. */
    final List<Integer> topDown = new ArrayList<>();
    /** A split node's coupling group (see {@link #couple}), or -1. */
    final int[] groupOf;
    /** Each group's member split nodes, one per column, in layout order. */
    final List<int[]> groups = new ArrayList<>();
    /** A part's row in its parent's group: the derived cell it is a column of, or -1. */
    final int[] rowOf;

    private final Kind[] kind;
    private final int[][] operands;
    private final int[] aliasOf;
    private final int[] height;

    private BalanceStructure(DocumentLayout layout) {
        this.layout = layout;
        for (SectionLayout section : layout.sections()) {
            for (RowLayout row : section.rows()) {
                for (String column : row.columns()) {
                    CellRef ref = new CellRef(section.key(), row.key(), column);
                    layout.cell(ref).filter(s -> s.column().kind() == ColumnKind.AMOUNT).ifPresent(spec -> {
                        index.put(ref, cells.size());
                        cells.add(spec);
                    });
                }
            }
        }
        int n = cells.size();
        kind = new Kind[n];
        operands = new int[n][];
        aliasOf = new int[n];
        height = new int[n];
        parts = new int[n][];
        parent = new int[n];
        inForest = new boolean[n];
        groupOf = new int[n];
        rowOf = new int[n];
        Arrays.fill(parent, -1);
        Arrays.fill(groupOf, -1);
        Arrays.fill(rowOf, -1);
    }

    static BalanceStructure of(DocumentLayout layout) {
        BalanceStructure s = new BalanceStructure(layout);
        List<Integer> order = s.bottomUp();
        s.classify(order);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int cell : order) {
                if (!s.inForest[cell] && s.kind[cell] == Kind.VERTICAL) {
                    changed |= s.claim(cell, s.inForest);
                }
            }
            // A join may use only figures that were in the forest before the joins started, so a
            // root a join creates goes to the vertical sums of the next round first.
            boolean[] settled = s.inForest.clone();
            for (int cell : order) {
                if (!s.inForest[cell] && s.kind[cell] == Kind.OTHER_SUM) {
                    changed |= s.claim(cell, settled);
                }
            }
        }
        for (int cell : order) {
            if (s.parts[cell] != null) {
                s.topDown.add(cell);
            }
        }
        s.topDown.sort(Comparator.<Integer>comparingInt(i -> -s.height[i]).thenComparingInt(i -> i));
        s.couple();
        s.compare();
        return s;
    }

    /**
     * Couplings: a derived + sum outside the forest whose parts are in it, each split from a
     * different node — a row's 合计 = 基本 + 项目, whose 基本 comes from the parent row's 基本 and whose
     * 项目 from the parent row's 项目. Those parent nodes form a group that {@link JointSplit} splits
     * at once, keeping such 合计 within one unit too. A node belongs to one group, a part to one row.
     */
    private void couple() {
        // A table's own row 合计 (its parts in the same row) first, then lines across tables.
        for (boolean sameRow : new boolean[] {true, false}) {
            for (int d = 0; d < cells.size(); d++) {
                if (!inForest[d] && (kind[d] == Kind.VERTICAL || kind[d] == Kind.OTHER_SUM)
                        && sameRow == partsInItsRow(d)) {
                    couple(d);
                }
            }
        }
    }

    private boolean partsInItsRow(int cell) {
        CellRef ref = cells.get(cell).ref();
        for (int operand : operands[cell]) {
            CellRef part = cells.get(operand).ref();
            if (!part.section().equals(ref.section()) || !part.row().equals(ref.row())) {
                return false;
            }
        }
        return true;
    }

    private void couple(int d) {
        int[] members = new int[operands[d].length];
        int[] columns = new int[members.length];
        boolean coupled = members.length >= 2;
        for (int t = 0; t < members.length && coupled; t++) {
            columns[t] = resolve(operands[d][t]);
            members[t] = parent[columns[t]];
            coupled = inForest[columns[t]] && members[t] >= 0 && rowOf[columns[t]] < 0;
        }
        if (!coupled) {
            return;
        }
        int[] sorted = members.clone();
        Arrays.sort(sorted);
        int group = groupOf[sorted[0]];
        boolean fresh = true;
        for (int t = 0; t < sorted.length; t++) {
            coupled &= t == 0 || sorted[t] != sorted[t - 1];
            fresh &= groupOf[sorted[t]] < 0;
        }
        if (!coupled || !fresh && (group < 0 || !Arrays.equals(groups.get(group), sorted))) {
            return;
        }
        if (fresh) {
            group = groups.size();
            groups.add(sorted);
            for (int member : sorted) {
                groupOf[member] = group;
            }
        }
        for (int column : columns) {
            rowOf[column] = d;
        }
    }

    int indexOf(CellRef ref) {
        Integer i = index.get(ref);
        if (i == null) {
            throw new IllegalStateException("formula operand " + ref + " is not an amount cell of the layout");
        }
        return i;
    }

    /** The cell an alias stands for (itself for any other cell). */
    int resolve(int cell) {
        int c = cell;
        while (kind[c] == Kind.ALIAS) {
            c = aliasOf[c];
        }
        return c;
    }

    boolean isInput(int cell) {
        return kind[cell] == Kind.INPUT;
    }

    Formula formula(int cell) {
        return cells.get(cell).formula();
    }

    /**
     * Sorts the cells into kinds, bottom-up so that an operand's kind is known first. A cell that is
     * the same combination of inputs as an earlier input or sum ({@link SameFigures}) is an alias of
     * it, so the two never compete for the same parts and a sum over either claims the one figure.
     */
    private void classify(List<Integer> bottomUp) {
        SameFigures same = new SameFigures(cells, operands);
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).isInput()) {
                kind[i] = Kind.INPUT;
                inForest[i] = true;
                same.addInput(i);
            }
        }
        for (int i : bottomUp) {
            List<Term> terms = cells.get(i).formula().terms();
            boolean positive = !terms.isEmpty() && terms.stream().allMatch(t -> t.sign() > 0);
            Set<Integer> parts = new HashSet<>();
            for (int operand : operands[i]) {
                positive &= parts.add(resolve(operand));
            }
            int earlier = same.findEarlier(i);
            if (earlier >= 0) {
                kind[i] = Kind.ALIAS;
                aliasOf[i] = earlier;
            } else if (!positive) {
                kind[i] = Kind.NOT_A_SUM;
            } else {
                kind[i] = isVerticalSum(cells.get(i)) ? Kind.VERTICAL : Kind.OTHER_SUM;
                same.register(i);
            }
        }
    }

    /**
     * LayoutBuilder's precedence: a fixed row's {@code formulas} entry, then the column's formula,
     * else the vertical sum ({@code sumRows} or the code-tree children).
     */
    private boolean isVerticalSum(CellSpec spec) {
        if (spec.column().computedEverywhere()) {
            return false;
        }
        SectionLayout section = layout.section(spec.ref().section()).orElseThrow();
        if (section.def().kind() == SectionKind.FIXED) {
            for (RowDef row : section.def().rows()) {
                if (row.key().equals(spec.ref().row())) {
                    return !row.formulas().containsKey(spec.ref().column());
                }
            }
        }
        return true;
    }

    private void compare() {
        for (Rule rule : layout.rules().all()) {
            Integer left = single(rule.left());
            Integer right = single(rule.right());
            if (left != null && right != null && !left.equals(right) && inForest[left] && inForest[right]) {
                comparisons.add(new int[] {left, right, rule.def().comparison() == Comparison.AT_MOST ? 1 : 0});
            }
        }
    }

    /** The figure a side of a rule is, when it is one cell with a + sign. */
    private Integer single(Formula side) {
        if (side.terms().size() != 1 || side.terms().get(0).sign() < 0) {
            return null;
        }
        Integer cell = index.get(side.terms().get(0).ref());
        return cell == null ? null : resolve(cell);
    }

    /** Computed cells, operands before the cells they feed: by formula height, then layout order. */
    private List<Integer> bottomUp() {
        for (CellRef ref : layout.graph().computeOrder()) {
            Integer cell = index.get(ref);
            if (cell == null) {
                continue;
            }
            List<Term> terms = cells.get(cell).formula().terms();
            operands[cell] = new int[terms.size()];
            for (int t = 0; t < terms.size(); t++) {
                operands[cell][t] = indexOf(terms.get(t).ref());
            }
            int h = 0;
            for (int operand : operands[cell]) {
                h = Math.max(h, height[operand]);
            }
            height[cell] = h + 1;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isInput()) {
                order.add(i);
            }
        }
        order.sort(Comparator.<Integer>comparingInt(i -> height[i]).thenComparingInt(i -> i));
        return order;
    }

    /**
     * Makes {@code cell} a split node if every operand is a figure of the forest ({@code available})
     * that nobody has claimed yet.
     */
    private boolean claim(int cell, boolean[] available) {
        int[] resolved = new int[operands[cell].length];
        for (int t = 0; t < resolved.length; t++) {
            int part = resolve(operands[cell][t]);
            if (!available[part] || parent[part] >= 0) {
                return false;
            }
            resolved[t] = part;
        }
        for (int part : resolved) {
            parent[part] = cell;
        }
        parts[cell] = resolved;
        inForest[cell] = true;
        return true;
    }
}
