package io.yusuan.export;

import java.math.BigDecimal;

/**
 * Text forms of a printed figure. The figures arrive in the table's unit, already rounded and balanced;
 * nothing here rounds (a DecimalFormat would silently round a figure with more decimals), it only
 * inserts the thousands separators the published tables use.
 */
final class Figures {

    private Figures() {
    }

    /** "1773.19": what CSV and JSON carry. */
    static String plain(BigDecimal shown) {
        return shown.toPlainString();
    }

    /** "1,773.19": as printed in the PDF. */
    static String grouped(BigDecimal shown) {
        String plain = shown.toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String integer = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        StringBuilder out = new StringBuilder(plain.length() + integer.length() / 3);
        if (negative) {
            out.append('-');
        }
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                out.append(',');
            }
            out.append(integer.charAt(i));
        }
        return out.append(fraction).toString();
    }
}
