package io.yusuan.domain.calc;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.template.ColumnDef;

/** One cell of a document: an input when {@code formula} is null, otherwise computed. */
public record CellSpec(CellRef ref, ColumnDef column, Formula formula) {

    public boolean isInput() {
        return formula == null;
    }
}
