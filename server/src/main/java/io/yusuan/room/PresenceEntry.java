package io.yusuan.room;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.workflow.Role;

/**
 * A user present on a document: the cell they have focused (null if none), the table they are
 * looking at (a reviewer reading 表3 shows as reviewing it), and their role on the document.
 */
public record PresenceEntry(Actor actor, CellRef cell, String section, Role role) {
}
