package io.yusuan.domain.rules.narrative;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Figures written back into messages the way the text writes them: in its unit, to its digits. */
final class Wording {

    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    private Wording() {
    }

    /** An amount in 元 written like {@code like}: «1127.50万元» for a 2-decimal 万元 quote. */
    static String amount(BigDecimal yuan, Quoted like, int decimals) {
        if (like.isWan()) {
            return yuan.divide(WAN).setScale(decimals, RoundingMode.HALF_UP).toPlainString() + "万元";
        }
        return yuan.setScale(decimals, RoundingMode.HALF_UP).toPlainString() + "元";
    }

    /** The figure of a table, to the 分 (or 0.01 万元) whatever the quote's digits. */
    static String exact(BigDecimal yuan, Quoted like) {
        return amount(yuan, like, 2);
    }

    /** The same amount rounded to the digits the quote was written with. */
    static String asQuoted(BigDecimal yuan, Quoted like) {
        return amount(yuan, like, decimalsOf(like));
    }

    static int decimalsOf(Quoted q) {
        String number = q.text().replaceAll("[^0-9.]", "");
        int dot = number.indexOf('.');
        return dot < 0 ? 0 : number.length() - dot - 1;
    }

    /** A signed change: «增加 24.27万元» / «减少 1.43万元». */
    static String change(BigDecimal signedYuan, Quoted like, int decimals) {
        String word = signedYuan.signum() < 0 ? "减少" : "增加";
        return word + amount(signedYuan.abs(), like, decimals);
    }

    static String percent(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
