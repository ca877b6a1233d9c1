package io.yusuan.domain;

import java.util.List;

/**
 * Event: lines were added or removed; parents and totals follow by derivation. A free row is added
 * with its first texts (its label), in the same version.
 */
public record RowsChanged(List<RowChange> changes, List<TextEdit> texts) implements DocumentEvent {

    public static final String TYPE = "rows_changed";

    public RowsChanged {
        changes = List.copyOf(changes);
        texts = List.copyOf(texts);
    }

    public RowsChanged(List<RowChange> changes) {
        this(changes, List.of());
    }
}
