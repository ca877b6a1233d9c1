package io.yusuan.room;

import io.yusuan.domain.BudgetState;
import io.yusuan.domain.workflow.Role;
import io.yusuan.store.Catalog.DocumentInfo;

/**
 * What a viewer is shown of a document: its catalog entry, its live state and the viewer's role.
 * Only valid on the room's context, while the room is not mid-batch (the state is live).
 */
public record DocumentView(DocumentInfo info, BudgetState state, Role role) {
}
