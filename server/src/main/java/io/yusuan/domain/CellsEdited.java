package io.yusuan.domain;

import java.util.List;

/**
 * Event: input cells were set. One user edit sets one cell; an import or the demo data sets many
 * in one event. Only user intent is recorded; totals are derived again on replay.
 */
public record CellsEdited(List<CellEdit> edits) implements DocumentEvent {

    public static final String TYPE = "cells_edited";

    public CellsEdited {
        edits = List.copyOf(edits);
    }
}
