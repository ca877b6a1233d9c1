package io.yusuan.domain.rules.narrative;

import java.math.BigDecimal;

/** A percentage as written: «4.33%» is 4.33 with a last digit worth 0.01. */
record Percent(BigDecimal value, BigDecimal unit, String text) {

    static Percent parse(String number) {
        BigDecimal value = new BigDecimal(number);
        return new Percent(value, BigDecimal.ONE.movePointLeft(Math.max(value.scale(), 0)), number + "%");
    }

    int decimals() {
        return Math.max(value.scale(), 0);
    }

    BigDecimal half() {
        return unit.divide(BigDecimal.valueOf(2));
    }
}
