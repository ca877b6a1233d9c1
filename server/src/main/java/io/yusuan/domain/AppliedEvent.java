package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.rules.CheckChange;
import java.time.Instant;
import java.util.List;

/**
 * One version of a document: the event as applied, with what it changed (stored actions), what
 * the engine recomputed (calc actions) and the rule results that changed. This is what the log
 * keeps and what every viewer receives.
 */
public record AppliedEvent(long version, Actor by, String clientOpId, Instant at, List<RowChange> rows,
                           List<SectionMark> marks, List<CellChange> changes, List<CalcChange> calc,
                           List<CheckChange> checks) {

    public AppliedEvent {
        rows = List.copyOf(rows);
        marks = List.copyOf(marks);
        changes = List.copyOf(changes);
        calc = List.copyOf(calc);
        checks = List.copyOf(checks);
    }

    /** A cell edit's version (no row changes, no rule changes). */
    public AppliedEvent(long version, Actor by, String clientOpId, Instant at, List<CellChange> changes,
                        List<CalcChange> calc) {
        this(version, by, clientOpId, at, List.of(), List.of(), changes, calc, List.of());
    }

    /** The stored event type. */
    public String type() {
        if (!rows.isEmpty()) {
            return RowsChanged.TYPE;
        }
        return marks.isEmpty() ? CellsEdited.TYPE : SectionsMarked.TYPE;
    }
}
