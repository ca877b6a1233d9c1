package io.yusuan.domain.publish;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits several columns of one row at once (2-D controlled rounding), so that a derived 合计 across
 * the columns stays within one unit on every child row. Example: 210 基本支出 → 21001, 21011 … and 210
 * 项目支出 → the same 款. Split column by column, a 款 whose 基本 and 项目 both get the extra unit prints a
 * 合计 (基本 + 项目) up to two units off, though each figure is within one.
 *
 * <p>Start: each column by the largest remainder ({@link Apportion#largestRemainder}), so every cell
 * is within its bounds (its exact amount rounded down or up, or the one value a pin beneath fixes)
 * and each column adds up to its target. Then every row whose cells took more units above their
 * floors than its exact 合计 allows (or fewer) is repaired by moving one unit within a column from one
 * row to another, along a shortest chain of such moves that ends at a row (or a part in no row) with
 * room: an augmenting path of the underlying flow problem. A move keeps every column sum and every
 * cell's bounds (fixed cells never move) and never takes a row out of bounds, so each repair lowers
 * the total excess by one. If some choice keeps every row within one unit, a chain always exists (the
 * difference from that choice is made of such chains) and the repair finds it; if none does, the row
 * is left as the largest remainder put it.
 */
final class JointSplit {

    private final long unit;
    private final long[][] exact;
    private final int[][] rowOf;
    /** The cell may take or give a unit: its bounds are its floor and ceiling, not a single value. */
    private final boolean[][] movable;
    /** The cell is at its upper bound (movable cells only). */
    private final boolean[][] up;
    /** Per row: the cell it has in each column, or -1. */
    private final int[][] cellIn;
    /** Per row: units taken above the floors of its cells; allowed between low and high. */
    private final int[] taken;
    private final long[] low;
    private final long[] high;
    /** Per column, cells in {@link Apportion#ranking} order. */
    private final List<List<Integer>> ranking = new ArrayList<>();

    private JointSplit(long unit, long[][] exact, int[][] rowOf, int rows) {
        this.unit = unit;
        this.exact = exact;
        this.rowOf = rowOf;
        this.movable = new boolean[exact.length][];
        this.up = new boolean[exact.length][];
        this.cellIn = new int[rows][exact.length];
        this.taken = new int[rows];
        this.low = new long[rows];
        this.high = new long[rows];
        for (int[] cells : cellIn) {
            java.util.Arrays.fill(cells, -1);
        }
    }

    /**
     * {@code targets[j]}: column j's total in units; {@code exact[j][c]}: its parts in 分 (all
     * non-empty), each to get a value in {@code [low[j][c], high[j][c]]} units; {@code rowOf[j][c]}:
     * the part's row, 0 ≤ row < {@code rows}, or -1 for a part in no row. Returns the shares in
     * units, shaped like {@code exact}.
     */
    static long[][] split(long[] targets, long[][] exact, long[][] low, long[][] high, int[][] rowOf, int rows,
                          long unit) {
        long[][] shares = new long[exact.length][];
        JointSplit joint = new JointSplit(unit, exact, rowOf, rows);
        long[] remainders = new long[rows];
        for (int j = 0; j < exact.length; j++) {
            shares[j] = Apportion.largestRemainder(targets[j], exact[j], low[j], high[j], unit);
            joint.movable[j] = new boolean[exact[j].length];
            joint.up[j] = new boolean[exact[j].length];
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < exact[j].length; c++) {
                joint.movable[j][c] = high[j][c] > low[j][c];
                joint.up[j][c] = shares[j][c] == high[j][c];
                order.add(c);
                int row = rowOf[j][c];
                if (row >= 0) {
                    joint.cellIn[row][j] = c;
                    joint.taken[row] += (int) (shares[j][c] - Apportion.floor(exact[j][c], unit));
                    remainders[row] += Math.floorMod(exact[j][c], unit);
                }
            }
            order.sort(Apportion.ranking(exact[j], unit));
            joint.ranking.add(order);
        }
        for (int row = 0; row < rows; row++) {
            // The row's 合计 is within one unit iff the units it took are its remainders rounded down or up.
            joint.low[row] = remainders[row] / unit;
            joint.high[row] = joint.low[row] + (remainders[row] % unit == 0 ? 0 : 1);
        }
        joint.repair();
        for (int j = 0; j < exact.length; j++) {
            for (int c = 0; c < exact[j].length; c++) {
                if (joint.movable[j][c]) {
                    shares[j][c] = joint.up[j][c] ? high[j][c] : low[j][c];
                }
            }
        }
        return shares;
    }

    private void repair() {
        for (int row = 0; row < taken.length; row++) {
            while (taken[row] > high[row] && move(row, true)) {
                // one unit handed on to a row with room
            }
            while (taken[row] < low[row] && move(row, false)) {
                // one unit fetched from a row that can spare it
            }
        }
    }

    /**
     * Breadth-first over rows: from {@code start}, hand a unit on ({@code giving}) or fetch one, one
     * column at a time, until a row with room (or a part in no row) is reached; then apply the
     * chain. Candidates are tried in ranking order (giving: to the largest remainder first;
     * fetching: from the smallest), so the chain disturbs the largest-remainder choice least.
     */
    private boolean move(int start, boolean giving) {
        int rows = taken.length;
        int[] fromRow = new int[rows];
        int[] viaColumn = new int[rows];
        int[] viaCell = new int[rows];
        boolean[] seen = new boolean[rows];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        seen[start] = true;
        while (!queue.isEmpty()) {
            int row = queue.poll();
            for (int j = 0; j < exact.length; j++) {
                int mine = cellIn[row][j];
                // Giving: my unit in column j goes to a cell at its floor; fetching: the reverse.
                if (mine < 0 || !movable[j][mine] || up[j][mine] != giving) {
                    continue;
                }
                List<Integer> candidates = ranking.get(j);
                for (int k = 0; k < candidates.size(); k++) {
                    int other = candidates.get(giving ? k : candidates.size() - 1 - k);
                    if (!movable[j][other] || up[j][other] == giving) {
                        continue;
                    }
                    int next = rowOf[j][other];
                    if (next >= 0 && seen[next]) {
                        continue;
                    }
                    if (next < 0 || (giving ? taken[next] < high[next] : taken[next] > low[next])) {
                        apply(row, j, mine, other, giving);
                        for (int r = row; r != start; r = fromRow[r]) {
                            apply(fromRow[r], viaColumn[r], cellIn[fromRow[r]][viaColumn[r]], viaCell[r], giving);
                        }
                        return true;
                    }
                    seen[next] = true;
                    fromRow[next] = row;
                    viaColumn[next] = j;
                    viaCell[next] = other;
                    queue.add(next);
                }
            }
        }
        return false;
    }

    /** Moves column j's unit between {@code mine} (in {@code row}) and {@code other}. */
    private void apply(int row, int j, int mine, int other, boolean giving) {
        up[j][mine] = !giving;
        up[j][other] = giving;
        taken[row] += giving ? -1 : 1;
        int next = rowOf[j][other];
        if (next >= 0) {
            taken[next] += giving ? 1 : -1;
        }
    }
}
