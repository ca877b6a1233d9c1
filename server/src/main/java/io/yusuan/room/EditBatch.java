package io.yusuan.room;

import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits decided together against a room's state and appended in one call. Until the append
 * commits, everything here is speculative: {@code before} remembers each touched input for a
 * rollback, and replies decided on the uncommitted state are held back with their tasks, to be
 * sent after the commit or decided again after a failure.
 */
final class EditBatch {

    final long baseVersion;
    final Map<CellRef, InputCell> before = new HashMap<>();
    final List<RoomTask.Accepted> accepted = new ArrayList<>();
    final List<RoomTask.Edit> deferred = new ArrayList<>();
    final List<Runnable> deferredReplies = new ArrayList<>();
    /** Some command changed rows (the layout): undo by reloading, not by restoring cells. */
    boolean structural;

    EditBatch(long baseVersion) {
        this.baseVersion = baseVersion;
    }

    void defer(RoomTask.Edit task, Runnable reply) {
        deferred.add(task);
        deferredReplies.add(reply);
    }

    List<AppliedEvent> events() {
        return accepted.stream().map(RoomTask.Accepted::event).toList();
    }
}
