package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import java.time.Instant;
import java.util.List;

/**
 * One version of a document: the event as applied, with what it changed (stored actions) and what
 * the engine recomputed (calc actions). This is what the log keeps and what every viewer receives.
 */
public record AppliedEvent(long version, Actor by, String clientOpId, Instant at,
                           List<CellChange> changes, List<CalcChange> calc) {

    public AppliedEvent {
        changes = List.copyOf(changes);
        calc = List.copyOf(calc);
    }

    /** The user-intent part alone, as replayed on load. */
    public CellsEdited asEvent() {
        return new CellsEdited(changes.stream().map(c -> new CellEdit(c.cell(), c.value())).toList());
    }
}
