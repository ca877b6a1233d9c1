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
public record AppliedEvent(long version, Actor by, String clientOpId, Instant at,
                           List<CellChange> changes, List<CalcChange> calc, List<CheckChange> checks) {

    public AppliedEvent {
        changes = List.copyOf(changes);
        calc = List.copyOf(calc);
        checks = List.copyOf(checks);
    }

    public AppliedEvent(long version, Actor by, String clientOpId, Instant at, List<CellChange> changes,
                        List<CalcChange> calc) {
        this(version, by, clientOpId, at, changes, calc, List.of());
    }

    /** The user-intent part alone, as replayed on load. */
    public CellsEdited asEvent() {
        return new CellsEdited(changes.stream().map(c -> new CellEdit(c.cell(), c.value())).toList());
    }
}
