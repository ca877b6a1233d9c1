package io.yusuan.domain.publish;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits several columns of one row at once (2-D controlled rounding), so that a derived 合计 across
 * the columns stays within one unit on every child row. Example: 210 基本支出 → 21001, 21011 … and 210
 * 项目支出 → the same 款. Split column by column, a 款 whose 基本 and 项目 both get the extra unit prints a
 * 合计 (基本 + 项目) up to two units off, though each figure is within one.
 *
 * <p>Start: each column by the largest remainder ({@link Apportion#largestRemainder}), so every cell
 * is its exact amount rounded down or up and each column adds up to its target. Then every row whose
 * cells together took more extra units than its exact 合计 allows (or fewer) is repaired by moving one
 * extra unit within a column from one row to another, along a shortest chain of such moves ending at
 * a row (or a cell in no row) that has room: an augmenting path of the underlying flow problem. A
 * move never breaks a column sum or a cell's bound, and never takes a repaired row out of bounds, so
 * each repair reduces the total excess by one. If some choice keeps every row within one unit, a
 * path always exists (the difference from that choice is made of such chains), so the repair finds
 * one; if none does, the row is left as the largest remainder put it.
 */
final class JointSplit {

    private final long unit;
    private final long[][] exact;
    private final int[][] rowOf;
    /** Extra unit taken above the floor, per column and cell. */
    private final boolean[][] extra;
    /** Per row: the cell it has in each column, or -1. */
    private final int[][] cellIn;
    private final int[] taken;
    private final long[] low;
    private final long[] high;
    /** Per column, cells from the largest remainder down (the largest-remainder ranking). */
    private final List<List<Integer>> ranking = new ArrayList<>();

    private JointSplit(long unit, long[][] exact, int[][] rowOf, int rows) {
        this.unit = unit;
        this.exact = exact;
        this.rowOf = rowOf;
        this.extra = new boolean[exact.length][];
        this.cellIn = new int[rows][exact.length];
        this.taken = new int[rows];
        this.low = new long[rows];
        this.high = new long[rows];
        for (int[] cells : cellIn) {
            java.util.Arrays.fill(cells, -1);
        }
    }

    /**
     * {@code targets[j]}: column j's rounded total; {@code exact[j][c]}: its parts (all non-empty);
     * {@code rowOf[j][c]}: the row of that part, 0 ≤ row < {@code rows}, or -1 for a part in no row.
     * Returns the shares, shaped like {@code exact}.
     */
    static long[][] split(long[] targets, long[][] exact, int[][] rowOf, int rows, long unit) {
        long[][] shares = new long[exact.length][];
        for (int j = 0; j < exact.length; j++) {
            shares[j] = Apportion.largestRemainder(targets[j], exact[j], unit);
        }
        JointSplit joint = new JointSplit(unit, exact, rowOf, rows);
        if (!joint.start(shares)) {
            return shares; // a column was off by more than a unit per part: nothing to control
        }
        joint.repair();
        for (int j = 0; j < exact.length; j++) {
            for (int c = 0; c < exact[j].length; c++) {
                shares[j][c] = Math.multiplyExact(Math.floorDiv(exact[j][c], unit) + (joint.extra[j][c] ? 1 : 0), unit);
            }
        }
        return shares;
    }

    private long remainder(int j, int c) {
        return Math.floorMod(exact[j][c], unit);
    }

    private boolean start(long[][] shares) {
        long[] remainders = new long[taken.length];
        for (int j = 0; j < exact.length; j++) {
            extra[j] = new boolean[exact[j].length];
            List<Integer> order = new ArrayList<>();
            for (int c = 0; c < exact[j].length; c++) {
                long above = shares[j][c] - Math.multiplyExact(Math.floorDiv(exact[j][c], unit), unit);
                if (above != 0 && (above != unit || remainder(j, c) == 0)) {
                    return false;
                }
                extra[j][c] = above == unit;
                order.add(c);
                int row = rowOf[j][c];
                if (row >= 0) {
                    cellIn[row][j] = c;
                    taken[row] += extra[j][c] ? 1 : 0;
                    remainders[row] += remainder(j, c);
                }
            }
            int column = j;
            order.sort(Comparator.<Integer>comparingLong(c -> -remainder(column, c))
                    .thenComparingLong(c -> -Math.absExact(exact[column][c])).thenComparingInt(c -> -c));
            ranking.add(order);
        }
        for (int row = 0; row < taken.length; row++) {
            // The row's 合计 is within one unit iff its extra units are its remainders rounded down or up.
            low[row] = remainders[row] / unit;
            high[row] = low[row] + (remainders[row] % unit == 0 ? 0 : 1);
        }
        return true;
    }

    private void repair() {
        for (int row = 0; row < taken.length; row++) {
            while (taken[row] > high[row] && move(row, true)) {
                // one extra unit handed on to a row with room
            }
            while (taken[row] < low[row] && move(row, false)) {
                // one extra unit fetched from a row that can spare it
            }
        }
    }

    /**
     * Breadth-first over rows: from {@code start}, hand an extra unit on ({@code giving}) or fetch
     * one, one column at a time, until a row with room (or a part in no row) is reached; then apply
     * the chain. Candidates are tried in largest-remainder order, so the chain disturbs the ranking
     * as little as it can.
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
                // Giving: my extra unit in column j goes to a cell without one; fetching: the reverse.
                if (mine < 0 || extra[j][mine] != giving || !giving && remainder(j, mine) == 0) {
                    continue;
                }
                List<Integer> candidates = ranking.get(j);
                for (int k = 0; k < candidates.size(); k++) {
                    int other = candidates.get(giving ? k : candidates.size() - 1 - k);
                    if (extra[j][other] == giving || giving && remainder(j, other) == 0) {
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

    /** Moves column j's extra unit between {@code mine} (in {@code row}) and {@code other}. */
    private void apply(int row, int j, int mine, int other, boolean giving) {
        extra[j][mine] = !giving;
        extra[j][other] = giving;
        taken[row] += giving ? -1 : 1;
        int next = rowOf[j][other];
        if (next >= 0) {
            taken[next] += giving ? 1 : -1;
        }
    }
}
