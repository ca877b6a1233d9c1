package io.yusuan.domain;

import java.util.List;

/**
 * Event: input cells were set. One user edit sets one cell; the demo data sets many in one event.
 * Only user intent is recorded; totals are derived again on replay. {@code reason}: why, when the
 * table had been reopened after approval (null otherwise).
 */
public record CellsEdited(List<CellEdit> edits, String reason) implements DocumentEvent {

    public static final String TYPE = "cells_edited";

    public CellsEdited {
        edits = List.copyOf(edits);
    }

    public CellsEdited(List<CellEdit> edits) {
        this(edits, null);
    }
}
