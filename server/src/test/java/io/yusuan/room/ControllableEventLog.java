package io.yusuan.room;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.store.EventLog;
import io.yusuan.domain.StateSnapshot;
import io.yusuan.store.memory.InMemoryEventLog;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps the in-memory log to inject what a real database does: slow commits (so commands queue
 * up behind a write) and failed commits.
 */
final class ControllableEventLog implements EventLog {

    final InMemoryEventLog inner = new InMemoryEventLog();
    final AtomicInteger appends = new AtomicInteger();
    final AtomicInteger failNext = new AtomicInteger();
    /** Fails the append with this ordinal (1 = first), 0 for none. */
    volatile int failAppendNumber;
    /** Writes the next append, then reports failure: a connection lost after COMMIT. */
    volatile boolean commitThenFail;
    private final Vertx vertx;
    volatile long delayMillis;

    ControllableEventLog(Vertx vertx) {
        this.vertx = vertx;
    }

    @Override
    public Future<Void> append(long documentId, List<AppliedEvent> events) {
        int number = appends.incrementAndGet();
        Promise<Void> done = Promise.promise();
        Runnable write = () -> {
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || number == failAppendNumber) {
                done.fail(new IllegalStateException("injected: connection lost"));
            } else if (commitThenFail) {
                commitThenFail = false;
                inner.append(documentId, events)
                        .onComplete(r -> done.fail(new IllegalStateException("injected: lost after commit")));
            } else {
                inner.append(documentId, events).onComplete(done);
            }
        };
        if (delayMillis > 0) {
            vertx.setTimer(delayMillis, t -> write.run());
        } else {
            write.run();
        }
        return done.future();
    }

    @Override
    public Future<List<AppliedEvent>> readAfter(long documentId, long afterVersion, int limit) {
        return inner.readAfter(documentId, afterVersion, limit);
    }

    @Override
    public Future<Long> currentVersion(long documentId) {
        return inner.currentVersion(documentId);
    }

    @Override
    public Future<Map<String, ClientOp>> clientOps(long documentId) {
        return inner.clientOps(documentId);
    }

    @Override
    public Future<Void> saveSnapshot(long documentId, StateSnapshot snapshot) {
        return inner.saveSnapshot(documentId, snapshot);
    }

    @Override
    public Future<Optional<StateSnapshot>> latestSnapshot(long documentId) {
        return inner.latestSnapshot(documentId);
    }

    @Override
    public Future<List<AppliedEvent>> cellHistory(long documentId, io.yusuan.domain.budget.CellRef cell, int limit) {
        return inner.cellHistory(documentId, cell, limit);
    }

    @Override
    public Future<List<AppliedEvent>> activity(long documentId, long beforeVersion, int limit) {
        return inner.activity(documentId, beforeVersion, limit);
    }

    @Override
    public Future<Optional<io.yusuan.domain.workflow.VersionApproval>> approvedVersion(long documentId, int number) {
        return inner.approvedVersion(documentId, number);
    }
}
