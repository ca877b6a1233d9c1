package io.yusuan.domain.rules.narrative;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A closed interval of exact decimals: what a rounded figure may stand for, and what follows from
 * several of them. Every tolerance in the narrative rules is computed this way rather than guessed.
 */
record Range(BigDecimal lo, BigDecimal hi) {

    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static Range point(BigDecimal value) {
        return new Range(value, value);
    }

    Range plus(Range other) {
        return new Range(lo.add(other.lo), hi.add(other.hi));
    }

    Range minus(Range other) {
        return new Range(lo.subtract(other.hi), hi.subtract(other.lo));
    }

    boolean positive() {
        return lo.signum() > 0;
    }

    /** part ÷ whole × 100, for a non-negative part and a positive whole. */
    static Range percent(Range part, Range whole) {
        BigDecimal low = part.lo.max(BigDecimal.ZERO).multiply(HUNDRED).divide(whole.hi, MC);
        BigDecimal high = part.hi.max(BigDecimal.ZERO).multiply(HUNDRED).divide(whole.lo, MC);
        return new Range(low, high);
    }

    /**
     * part ÷ (part + rest) × 100: the share of a part in a total that includes it. Tighter than
     * {@link #percent} with the total's own range, because part and total move together.
     */
    static Range share(Range part, Range rest) {
        BigDecimal lo = part.lo.max(BigDecimal.ZERO);
        BigDecimal hi = part.hi.max(BigDecimal.ZERO);
        BigDecimal low = lo.signum() == 0 ? BigDecimal.ZERO : lo.multiply(HUNDRED).divide(lo.add(rest.hi), MC);
        BigDecimal high = hi.add(rest.lo).signum() <= 0 ? HUNDRED : hi.multiply(HUNDRED).divide(hi.add(rest.lo.max(BigDecimal.ZERO)), MC);
        return new Range(low, high);
    }

    boolean overlaps(Range other) {
        return lo.compareTo(other.hi) <= 0 && other.lo.compareTo(hi) <= 0;
    }

    /** Whether some value of this range is within {@code slack} of {@code value}. */
    boolean near(BigDecimal value, BigDecimal slack) {
        return lo.subtract(slack).compareTo(value) <= 0 && value.compareTo(hi.add(slack)) <= 0;
    }

    boolean contains(BigDecimal value) {
        return near(value, BigDecimal.ZERO);
    }
}
