package io.yusuan.domain.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An exact amount of money in 分 (hundredths of a 元). Budgets are published to the 分 in 元 or
 * rounded to 0.01 万元; keeping integer 分 makes every total exact and overflow is checked, never wrapped.
 */
public record Money(long fen) implements Comparable<Money> {

    /** The wire form fixed by the protocol: at most 15 integer digits and 2 decimals, in 元. */
    private static final Pattern WIRE = Pattern.compile("-?\\d{1,15}(\\.\\d{1,2})?");

    public static final Money ZERO = new Money(0);

    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /** Parses the protocol's decimal string in 元; empty when it does not match the wire pattern. */
    public static Optional<Money> parseYuan(String text) {
        if (text == null || !WIRE.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal yuan = new BigDecimal(text);
        return Optional.of(new Money(yuan.movePointRight(2).longValueExact()));
    }

    /** Strict variant for trusted data (templates, demo budgets): throws on anything malformed. */
    public static Money yuan(String text) {
        return parseYuan(text).orElseThrow(() -> new IllegalArgumentException("not an amount in 元: " + text));
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return new Money(Math.negateExact(fen));
    }

    public boolean isNegative() {
        return fen < 0;
    }

    /** The wire form: 元 with exactly two decimals, e.g. "4162500.00". */
    public String toYuanString() {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /** 万元 with the given decimals, rounded half-up: a display choice made after exact summing. */
    public BigDecimal toWanYuan(int decimals) {
        return BigDecimal.valueOf(fen, 6).setScale(decimals, RoundingMode.HALF_UP);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return toYuanString();
    }
}
