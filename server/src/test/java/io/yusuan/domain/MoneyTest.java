package io.yusuan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.budget.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesTheWireFormExactly() {
        assertEquals(416250000L, Money.yuan("4162500.00").fen());
        assertEquals(500L, Money.yuan("5").fen());
        assertEquals(-1L, Money.yuan("-0.01").fen());
        assertEquals(10L, Money.yuan("0.1").fen());
        assertEquals("999999999999999.99", Money.yuan("999999999999999.99").toYuanString());
    }

    @Test
    void refusesAnythingOffThePattern() {
        for (String bad : new String[]{"", "1.234", "1e5", "abc", "1,000", " 5", "5 ", "+5", ".5", "1234567890123456",
                "NaN", "0x10", "１２"}) {
            assertTrue(Money.parseYuan(bad).isEmpty(), bad);
        }
    }

    @Test
    void sumsAreExactWhereDoublesAreNot() {
        Money sum = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Money.yuan("0.10"));
        }
        assertEquals("1.00", sum.toYuanString());
    }

    @Test
    void overflowIsDetectedNotWrapped() {
        Money huge = Money.ofFen(Long.MAX_VALUE - 1);
        assertThrows(ArithmeticException.class, () -> huge.plus(Money.yuan("1")));
    }

    @Test
    void wanYuanIsRoundedHalfUpForDisplayOnly() {
        assertEquals(new BigDecimal("1773.19"), Money.yuan("17731900.00").toWanYuan(2));
        assertEquals(new BigDecimal("0.01"), Money.yuan("50.00").toWanYuan(2));
        assertEquals(new BigDecimal("0.00"), Money.yuan("49.99").toWanYuan(2));
    }
}
