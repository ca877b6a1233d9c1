package io.yusuan.domain.publish;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The two roundings 舍位平衡 is made of, on exact amounts in 分 and a published unit in 分 (10,000 分 =
 * 0.01 万元): rounding one figure on its own, and splitting an already rounded total among its parts.
 * Rounded values are counted in units here (a figure of 3 units prints 0.03 万元).
 */
final class Apportion {

    private Apportion() {
    }

    /**
     * Half-up, ties away from zero, in units: the rounding {@code Money.toWanYuan} prints, so a
     * figure rounded on its own is exactly what a reader gets by rounding the 元 amount themselves.
     */
    static long halfUp(long fen, long unit) {
        long magnitude = Math.addExact(Math.absExact(fen), unit / 2) / unit;
        return fen < 0 ? -magnitude : magnitude;
    }

    /** The exact amount rounded down to whole units. */
    static long floor(long fen, long unit) {
        return Math.floorDiv(fen, unit);
    }

    /** The exact amount rounded up to whole units. */
    static long ceil(long fen, long unit) {
        return Math.floorDiv(fen, unit) + (Math.floorMod(fen, unit) == 0 ? 0 : 1);
    }

    /**
     * The order in which parts get a unit beyond their lower bound: the largest remainder (the part
     * closest to its next unit), then the larger amount, then the later part — the last child, as
     * 舍位平衡 traditionally does. It depends only on the amounts and their order.
     */
    static Comparator<Integer> ranking(long[] exact, long unit) {
        return Comparator.<Integer>comparingLong(i -> -Math.floorMod(exact[i], unit))
                .thenComparingLong(i -> -Math.absExact(exact[i]))
                .thenComparingInt(i -> -i);
    }

    /**
     * Splits {@code total} units among parts that each must get a value in {@code [low[i], high[i]]}
     * (its exact amount rounded down or up, or a single value where something below fixes it): every
     * part starts at its lower bound and the units still missing go one each to the parts that may
     * take one, in {@link #ranking} order — the largest remainder method. The shares add up to
     * {@code total}; a part whose amount is already whole (a 0 in particular) is never moved.
     *
     * @throws IllegalStateException when {@code total} is outside the parts' combined bounds, which
     *                               the callers' interval bookkeeping rules out
     */
    static long[] largestRemainder(long total, long[] exact, long[] low, long[] high, long unit) {
        int n = exact.length;
        long[] shares = low.clone();
        long missing = total;
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            missing = Math.subtractExact(missing, low[i]);
            if (high[i] > low[i]) {
                open.add(i);
            }
        }
        if (missing < 0 || missing > open.size()) {
            throw new IllegalStateException("cannot split " + total + " units within the parts' bounds");
        }
        open.sort(ranking(exact, unit));
        for (int k = 0; k < missing; k++) {
            shares[open.get(k)]++;
        }
        return shares;
    }
}
