package io.yusuan.domain.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The two roundings 舍位平衡 is made of, on exact amounts in 分 and a published unit in 分 (10,000 分 =
 * 0.01 万元): rounding one figure on its own, and splitting an already rounded total among its parts.
 */
final class Apportion {

    private Apportion() {
    }

    /**
     * Half-up, ties away from zero: the rounding {@code Money.toWanYuan} prints, so a figure rounded
     * on its own here is exactly the figure a reader gets by rounding the 元 amount themselves.
     */
    static long halfUp(long fen, long unit) {
        long magnitude = Math.absExact(fen);
        long rounded = Math.multiplyExact(Math.addExact(magnitude, unit / 2) / unit, unit);
        return fen < 0 ? -rounded : rounded;
    }

    /**
     * Splits {@code total} (a multiple of {@code unit}) among parts whose exact amounts are
     * {@code exact} (the largest-remainder method): every part starts at its exact amount rounded
     * down to the unit, and the units still missing go one each to the parts with the largest
     * remainder; ties go to the larger amount, then to the later part (the last child, as 舍位平衡
     * traditionally does). The shares add up to {@code total} exactly.
     *
     * <p>Why this bound matters: when {@code total} is within less than one unit of the exact sum,
     * the missing units number at least 0 and at most the count of parts with a non-zero remainder,
     * so every share is its exact amount rounded down or up — less than one unit off — and a part
     * that is already a whole number of units (a 0 in particular) is never changed. Only if
     * {@code total} is further off (which the callers avoid) are units spread evenly first.
     *
     * <p>The result depends only on the amounts and their order, never on how they were collected,
     * so two tables breaking the same figures down the same way print the same shares.
     */
    static long[] largestRemainder(long total, long[] exact, long unit) {
        int n = exact.length;
        if (n == 0) {
            throw new IllegalArgumentException("nothing to split " + total + " among");
        }
        long[] shares = new long[n];
        long missing = Math.floorDiv(total, unit);
        for (int i = 0; i < n; i++) {
            long floor = Math.floorDiv(exact[i], unit);
            shares[i] = Math.multiplyExact(floor, unit);
            missing = Math.subtractExact(missing, floor);
        }
        long everyone = Math.floorDiv(missing, n);
        int extra = (int) Math.floorMod(missing, (long) n);
        if (everyone != 0) {
            for (int i = 0; i < n; i++) {
                shares[i] = Math.addExact(shares[i], Math.multiplyExact(everyone, unit));
            }
        }
        if (extra > 0) {
            List<Integer> order = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer>comparingLong(i -> -Math.floorMod(exact[i], unit))
                    .thenComparingLong(i -> -Math.absExact(exact[i]))
                    .thenComparingInt(i -> -i));
            for (int k = 0; k < extra; k++) {
                int i = order.get(k);
                shares[i] = Math.addExact(shares[i], unit);
            }
        }
        return shares;
    }
}
