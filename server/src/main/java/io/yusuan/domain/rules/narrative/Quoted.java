package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.budget.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount as the text writes it: its value in 元, the rounding its written precision allows
 * (half a unit of its last digit: «1127.50 万元» ± 50 元, «26 万元» ± 5000 元, «9.9 万元» ± 500 元)
 * and the text itself, for messages.
 */
record Quoted(BigDecimal yuan, BigDecimal half, String text) {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);
    private static final BigDecimal YI = BigDecimal.valueOf(100_000_000);
    private static final BigDecimal HALF = new BigDecimal("0.5");

    /** «持平», «无增减变化»: a change of exactly nothing. */
    static final Quoted FLAT = new Quoted(BigDecimal.ZERO, BigDecimal.ZERO, "0元");

    static Quoted parse(String number, String unit) {
        BigDecimal written = new BigDecimal(number);
        BigDecimal factor = switch (unit) {
            case "万元" -> WAN;
            case "亿元" -> YI;
            default -> BigDecimal.ONE;
        };
        BigDecimal half = HALF.movePointLeft(Math.max(written.scale(), 0)).multiply(factor);
        return new Quoted(written.multiply(factor), half.stripTrailingZeros(), number + unit);
    }

    /** A figure of the tables, exact. */
    static Quoted exact(Money money) {
        return new Quoted(BigDecimal.valueOf(money.fen(), 2), BigDecimal.ZERO, money.toYuanString() + "元");
    }

    boolean isWan() {
        return text.endsWith("万元") || text.endsWith("亿元");
    }

    Range range() {
        return new Range(yuan.subtract(half), yuan.add(half));
    }

    boolean isZero() {
        return yuan.signum() == 0;
    }

    /** The amount in 分 (a quote finer than 1 分 is rounded to it: only messages see the difference). */
    Money money() {
        return Money.ofFen(yuan.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
