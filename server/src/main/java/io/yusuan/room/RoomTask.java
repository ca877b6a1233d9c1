package io.yusuan.room;

import io.vertx.core.Promise;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.Command;
import java.util.function.Function;

/** What waits in a room's mailbox: everything that must be ordered against the edits. */
sealed interface RoomTask permits RoomTask.Edit, RoomTask.Subscribe, RoomTask.Unsubscribe, RoomTask.Read {

    record Edit(Subscriber from, String requestId, Command command) implements RoomTask {
    }

    record Subscribe(Subscriber subscriber, String requestId, Long since) implements RoomTask {
    }

    record Unsubscribe(Subscriber subscriber) implements RoomTask {
    }

    record Read(Function<BudgetState, ?> reader, Promise<Object> result) implements RoomTask {
    }

    /** An edit the decider accepted, with the version it produced (not yet committed). */
    record Accepted(Edit task, AppliedEvent event) {
    }
}
