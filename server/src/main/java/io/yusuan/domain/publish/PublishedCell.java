package io.yusuan.domain.publish;

import io.yusuan.domain.budget.Money;
import java.math.BigDecimal;

/** A printed cell: nothing, a text, or an amount. Amounts are never doubles. */
public sealed interface PublishedCell {

    PublishedCell BLANK = new Blank();

    static PublishedCell text(String text) {
        return text == null || text.isEmpty() ? BLANK : new Text(text);
    }

    /** An empty cell (not the same as 0, which is printed as 0.00). */
    record Blank() implements PublishedCell {
    }

    record Text(String text) implements PublishedCell {
    }

    /**
     * @param shown the figure printed, in the table's unit with scale 2 (for 万元: after 舍位平衡)
     * @param exact the exact amount in 元 it stands for (the JSON export carries both)
     */
    record Amount(BigDecimal shown, Money exact) implements PublishedCell {
    }
}
