package io.yusuan.domain.rules;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.calc.Formula;
import java.util.List;

/**
 * One instance of a rule in one document: {@code key} is unique in the document (rule id, plus the
 * row for per-row rules); {@code cells} are every cell either side reads; {@code roundedInputs} is
 * how many input cells feed the two sides, which bounds the rounding remainder (尾差).
 */
public record Rule(String key, RuleDef def, Formula left, Formula right, List<CellRef> cells, int roundedInputs) {

    public Rule {
        cells = List.copyOf(cells);
    }
}
