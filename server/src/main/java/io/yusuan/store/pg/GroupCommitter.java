package io.yusuan.store.pg;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import io.yusuan.store.DuplicateClientOpException;
import io.yusuan.store.VersionConflictException;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Group commit for the event log: appends from many rooms that arrive while a write is in flight
 * are written together in one transaction with one batched insert. A lone append goes out at once
 * (no timer, no added latency); under load the batches grow by themselves. If a shared batch
 * fails, each append is retried alone so one room's conflict cannot fail another room's edit.
 */
final class GroupCommitter {

    private final Pool pool;
    private final Context context;
    private final int maxRowsPerBatch;
    private final ArrayDeque<PendingAppend> queue = new ArrayDeque<>();
    private boolean writing;

    GroupCommitter(Pool pool, Context context, int maxRowsPerBatch) {
        this.pool = pool;
        this.context = context;
        this.maxRowsPerBatch = maxRowsPerBatch;
    }

    /** One room's consecutive versions: committed together or not at all. */
    record PendingAppend(long documentId, List<Tuple> rows, Promise<Void> done) {
    }

    Future<Void> submit(long documentId, List<Tuple> rows) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            queue.add(new PendingAppend(documentId, rows, done));
            flush();
        });
        return done.future();
    }

    private void flush() {
        if (writing || queue.isEmpty()) {
            return;
        }
        List<PendingAppend> batch = new ArrayList<>();
        int rows = 0;
        while (!queue.isEmpty() && (batch.isEmpty() || rows + queue.peek().rows().size() <= maxRowsPerBatch)) {
            PendingAppend next = queue.poll();
            batch.add(next);
            rows += next.rows().size();
        }
        writing = true;
        write(batch).onComplete(result -> {
            if (result.succeeded()) {
                batch.forEach(p -> p.done().complete());
                finished();
            } else if (batch.size() == 1) {
                batch.get(0).done().fail(translate(batch.get(0), result.cause()));
                finished();
            } else {
                retryOneByOne(batch, 0);
            }
        });
    }

    private void retryOneByOne(List<PendingAppend> batch, int index) {
        if (index == batch.size()) {
            finished();
            return;
        }
        PendingAppend one = batch.get(index);
        write(List.of(one)).onComplete(result -> {
            if (result.succeeded()) {
                one.done().complete();
            } else {
                one.done().fail(translate(one, result.cause()));
            }
            retryOneByOne(batch, index + 1);
        });
    }

    private void finished() {
        writing = false;
        flush();
    }

    private Future<Void> write(List<PendingAppend> batch) {
        List<Tuple> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.rows()));
        return pool.withTransaction(conn -> conn.preparedQuery(Sql.APPEND_EVENT).executeBatch(all)).mapEmpty();
    }

    private static Throwable translate(PendingAppend append, Throwable cause) {
        if (cause instanceof PgException pg && Sql.UNIQUE_VIOLATION.equals(pg.getSqlState())) {
            Tuple first = append.rows().get(0);
            if (Sql.CLIENT_OP_CONSTRAINT.equals(pg.getConstraint())) {
                return new DuplicateClientOpException(append.documentId(), first.getString(4));
            }
            return new VersionConflictException(append.documentId(), first.getLong(1));
        }
        return cause;
    }
}
