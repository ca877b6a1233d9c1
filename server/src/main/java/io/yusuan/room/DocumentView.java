package io.yusuan.room;

import io.yusuan.domain.BudgetState;
import io.yusuan.domain.workflow.Role;
import io.yusuan.store.Catalog.DocumentInfo;

/**
 * What a viewer is shown of a document: its catalog entry, its state and the viewer's role. A live
 * view is only valid on the room's context, while the room is not mid-batch; a read-only view (an
 * approved version opened from the list) shows a state of its own.
 */
public record DocumentView(DocumentInfo info, BudgetState state, Role role, boolean readOnly) {

    public DocumentView(DocumentInfo info, BudgetState state, Role role) {
        this(info, state, role, false);
    }
}
