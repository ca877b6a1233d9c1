package io.yusuan.domain.rules;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import java.util.List;

/**
 * A rule that does not hold: its key and id, the severity it has now (INFO when the difference is
 * only 尾差), the Chinese message, the cells involved and the two sides' amounts (null = empty).
 */
public record RuleResult(String key, String rule, Severity severity, String message, List<CellRef> cells,
                         Money left, Money right) {

    public RuleResult {
        cells = List.copyOf(cells);
    }

    public Money difference() {
        Money l = left == null ? Money.ZERO : left;
        Money r = right == null ? Money.ZERO : right;
        return l.minus(r);
    }
}
