package io.yusuan.store;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.classification.CodeRow;
import java.util.List;
import java.util.Map;

/**
 * A document's classification rows and input cells at a version (rows null: the document's
 * initial rows); computed cells and rule results are derived again on load.
 */
public record Snapshot(long version, Map<String, List<CodeRow>> codeRows, Map<String, String> emptySections,
                       Map<CellRef, InputCell> inputs) {

    public Snapshot {
        codeRows = codeRows == null ? null : Map.copyOf(codeRows);
        emptySections = emptySections == null ? Map.of() : Map.copyOf(emptySections);
        inputs = Map.copyOf(inputs);
    }

    /** A snapshot of a document whose rows are still those it was created with. */
    public Snapshot(long version, Map<CellRef, InputCell> inputs) {
        this(version, null, Map.of(), inputs);
    }
}
