package io.yusuan.domain;

import java.util.List;

/** Event: classification lines were added or removed; parents and totals follow by derivation. */
public record RowsChanged(List<RowChange> changes) implements DocumentEvent {

    public static final String TYPE = "rows_changed";

    public RowsChanged {
        changes = List.copyOf(changes);
    }
}
