package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import java.util.Objects;

/**
 * One table figure the 说明 may quote: the cell that holds it, its exact amount in 元 and the table's
 * printed name (for the message: «财政拨款收支总表»).
 */
public record Figure(CellRef cell, Money amount, String table) {

    public Figure {
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(table, "table");
    }
}
