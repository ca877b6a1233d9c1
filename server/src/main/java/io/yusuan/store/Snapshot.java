package io.yusuan.store;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import java.util.Map;

/** The input cells of a document at a version; computed cells are derived again on load. */
public record Snapshot(long version, Map<CellRef, InputCell> inputs) {

    public Snapshot {
        inputs = Map.copyOf(inputs);
    }
}
