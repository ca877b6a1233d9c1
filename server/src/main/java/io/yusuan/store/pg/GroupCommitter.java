package io.yusuan.store.pg;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import io.yusuan.store.DuplicateClientOpException;
import io.yusuan.store.VersionConflictException;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the event log. Appends from many rooms that arrive while the writers are busy
 * are written together, as one multi-row INSERT (one round trip, one WAL flush). A lone append
 * goes out at once (no timer, no added latency); under load the batches grow by themselves. A few
 * writes may be in flight together, so one slow fsync does not stall every room; a room never has
 * two appends in flight, so one document's versions are never written out of order. If a shared
 * batch fails, each append is retried alone so one room's conflict cannot fail another's edit.
 */
final class GroupCommitter {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);

    private final Pool pool;
    private final Context context;
    private final int maxRowsPerBatch;
    private final int maxInFlight;
    private final ArrayDeque<PendingAppend> queue = new ArrayDeque<>();
    private int inFlight;

    GroupCommitter(Pool pool, Context context, int maxRowsPerBatch, int maxInFlight) {
        this.pool = pool;
        this.context = context;
        this.maxRowsPerBatch = maxRowsPerBatch;
        this.maxInFlight = maxInFlight;
    }

    /** One room's consecutive versions, as column values; committed together or not at all. */
    record EventRow(long documentId, long version, String type, long actorId, String clientOpId, String payload,
                    OffsetDateTime at) {
    }

    private record PendingAppend(long documentId, List<EventRow> rows, Promise<Void> done) {
    }

    Future<Void> submit(long documentId, List<EventRow> rows) {
        Promise<Void> done = Promise.promise();
        context.runOnContext(v -> {
            queue.add(new PendingAppend(documentId, rows, done));
            flush();
        });
        return done.future();
    }

    private void flush() {
        while (inFlight < maxInFlight && !queue.isEmpty()) {
            List<PendingAppend> batch = new ArrayList<>();
            int rows = 0;
            while (!queue.isEmpty() && (batch.isEmpty() || rows + queue.peek().rows().size() <= maxRowsPerBatch)) {
                PendingAppend next = queue.poll();
                batch.add(next);
                rows += next.rows().size();
            }
            inFlight++;
            long started = System.nanoTime();
            int batchRows = rows;
            write(batch).onComplete(result -> context.runOnContext(v -> {
                if (LOG.isDebugEnabled()) {
                    LOG.debug("group commit: {} appends, {} rows in {} µs", batch.size(), batchRows,
                            (System.nanoTime() - started) / 1000);
                }
                if (result.succeeded()) {
                    batch.forEach(p -> p.done().complete());
                    finished();
                } else if (batch.size() == 1) {
                    batch.get(0).done().fail(translate(batch.get(0), result.cause()));
                    finished();
                } else {
                    retryOneByOne(batch, 0);
                }
            }));
        }
    }

    private void retryOneByOne(List<PendingAppend> batch, int index) {
        if (index == batch.size()) {
            finished();
            return;
        }
        PendingAppend one = batch.get(index);
        write(List.of(one)).onComplete(result -> context.runOnContext(v -> {
            if (result.succeeded()) {
                one.done().complete();
            } else {
                one.done().fail(translate(one, result.cause()));
            }
            retryOneByOne(batch, index + 1);
        }));
    }

    private void finished() {
        inFlight--;
        flush();
    }

    private Future<Void> write(List<PendingAppend> batch) {
        List<EventRow> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.rows()));
        return pool.preparedQuery(Sql.APPEND_EVENTS).execute(tuple(all)).mapEmpty();
    }

    /** The parameters of {@link Sql#APPEND_EVENTS}: one array per column. */
    static Tuple tuple(List<EventRow> rows) {
        int n = rows.size();
        Long[] documents = new Long[n];
        Long[] versions = new Long[n];
        String[] types = new String[n];
        Long[] actors = new Long[n];
        String[] ops = new String[n];
        String[] payloads = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        int i = 0;
        for (EventRow row : rows) {
            documents[i] = row.documentId();
            versions[i] = row.version();
            types[i] = row.type();
            actors[i] = row.actorId();
            ops[i] = row.clientOpId();
            payloads[i] = row.payload();
            times[i] = row.at();
            i++;
        }
        return Tuple.of(documents, versions, types, actors, ops, payloads, times);
    }

    private static Throwable translate(PendingAppend append, Throwable cause) {
        if (cause instanceof PgException pg && Sql.UNIQUE_VIOLATION.equals(pg.getSqlState())) {
            EventRow first = append.rows().get(0);
            if (Sql.CLIENT_OP_CONSTRAINT.equals(pg.getConstraint())) {
                return new DuplicateClientOpException(append.documentId(), first.clientOpId());
            }
            return new VersionConflictException(append.documentId(), first.version());
        }
        return cause;
    }
}
