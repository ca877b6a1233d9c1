package io.yusuan.room;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;

/** A user present on a document and the cell they have focused (null if none). */
public record PresenceEntry(Actor actor, CellRef cell) {
}
