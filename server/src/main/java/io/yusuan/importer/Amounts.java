package io.yusuan.importer;

import io.yusuan.domain.budget.Money;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads printed amounts, including the damage OCR does to them: thousands separators, spaces
 * inside a number ("6810 0200 .00", "5000 0.00"), full-width digits. Converts to exact 元.
 */
final class Amounts {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private Amounts() {
    }

    /** The cell as an amount in 元, or empty when it is not a number (or blank). */
    /** Longer than any amount (15 integer digits, a point, 6 decimals for 万元): not an amount. */
    private static final int MAX_LENGTH = 24;

    static Optional<Money> parse(String cell, long unitFactor) {
        String text = normalize(cell);
        if (text.isEmpty() || text.length() > MAX_LENGTH || !NUMBER.matcher(text).matches()) {
            return Optional.empty();
        }
        BigDecimal yuan = new BigDecimal(text).multiply(BigDecimal.valueOf(unitFactor));
        if (yuan.stripTrailingZeros().scale() > 2) {
            return Optional.empty(); // finer than 分: not an amount of this table
        }
        try {
            return Optional.of(Money.ofFen(yuan.movePointRight(2).longValueExact()));
        } catch (ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }

    static boolean isAmount(String cell) {
        String text = normalize(cell);
        return !text.isEmpty() && text.length() <= MAX_LENGTH && NUMBER.matcher(text).matches();
    }

    private static String normalize(String cell) {
        StringBuilder out = new StringBuilder();
        for (char ch : cell.trim().toCharArray()) {
            if (ch >= '０' && ch <= '９') {
                out.append((char) ('0' + (ch - '０')));
            } else if (ch == '．') {
                out.append('.');
            } else if (ch != ',' && ch != '，' && !Character.isWhitespace(ch)) {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
