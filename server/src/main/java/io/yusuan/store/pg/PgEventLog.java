package io.yusuan.store.pg;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.RowSet;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.workflow.VersionApproval;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.store.EventCodec;
import io.yusuan.store.EventLog;
import io.yusuan.store.SnapshotCodec;
import io.yusuan.domain.StateSnapshot;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The event log in PostgreSQL; appends go through the {@link GroupCommitter}. */
public final class PgEventLog implements EventLog {

    private final Pool pool;
    private final GroupCommitter committer;

    /**
     * @param maxRowsPerBatch most events in one group commit
     * @param maxWritesInFlight group commits running at once (each holds a pool connection)
     */
    public PgEventLog(Pool pool, Context writerContext, int maxRowsPerBatch, int maxWritesInFlight) {
        this.pool = pool;
        this.committer = new GroupCommitter(pool, writerContext, maxRowsPerBatch, maxWritesInFlight);
    }

    @Override
    public Future<Void> append(long documentId, List<AppliedEvent> events) {
        return committer.submit(documentId, rows(documentId, events));
    }

    static List<GroupCommitter.EventRow> rows(long documentId, List<AppliedEvent> events) {
        List<GroupCommitter.EventRow> rows = new ArrayList<>(events.size());
        for (AppliedEvent event : events) {
            rows.add(new GroupCommitter.EventRow(documentId, event.version(), event.type(), event.by().id(),
                    event.clientOpId(), EventCodec.payload(event).encode(),
                    OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC)));
        }
        return rows;
    }

    @Override
    public Future<List<AppliedEvent>> readAfter(long documentId, long afterVersion, int limit) {
        return pool.preparedQuery(Sql.READ_EVENTS_AFTER).execute(Tuple.of(documentId, afterVersion, limit))
                .map(rows -> {
                    List<AppliedEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(EventCodec.event(row.getLong("version"), row.getLong("actor_id"),
                                row.getString("client_op_id"), row.getOffsetDateTime("created_at").toInstant(),
                                (JsonObject) row.getValue("payload")));
                    }
                    return events;
                });
    }

    @Override
    public Future<List<AppliedEvent>> cellHistory(long documentId, CellRef cell, int limit) {
        JsonArray probe = new JsonArray().add(new JsonObject().put("cell", new JsonObject()
                .put("section", cell.section()).put("row", cell.row()).put("column", cell.column())));
        return pool.preparedQuery(Sql.CELL_HISTORY).execute(Tuple.of(documentId, probe, limit)).map(PgEventLog::events);
    }

    @Override
    public Future<List<AppliedEvent>> activity(long documentId, long beforeVersion, int limit) {
        return pool.preparedQuery(Sql.ACTIVITY).execute(Tuple.of(documentId, beforeVersion, limit))
                .map(PgEventLog::events);
    }

    @Override
    public Future<Optional<VersionApproval>> approvedVersion(long documentId, int number) {
        return pool.preparedQuery(Sql.APPROVED_VERSION).execute(Tuple.of(documentId, number))
                .map(rows -> events(rows).stream().map(AppliedEvent::approval).filter(java.util.Objects::nonNull)
                        .findFirst());
    }

    private static List<AppliedEvent> events(RowSet<Row> rows) {
        List<AppliedEvent> events = new ArrayList<>();
        for (Row row : rows) {
            events.add(EventCodec.event(row.getLong("version"), row.getLong("actor_id"), row.getString("client_op_id"),
                    row.getOffsetDateTime("created_at").toInstant(), (JsonObject) row.getValue("payload")));
        }
        return events;
    }

    @Override
    public Future<Long> currentVersion(long documentId) {
        return pool.preparedQuery(Sql.CURRENT_VERSION).execute(Tuple.of(documentId))
                .map(rows -> rows.iterator().next().getLong("version"));
    }

    @Override
    public Future<Map<String, ClientOp>> clientOps(long documentId) {
        return pool.preparedQuery(Sql.CLIENT_OPS).execute(Tuple.of(documentId)).map(rows -> {
            Map<String, ClientOp> ops = new HashMap<>();
            for (Row row : rows) {
                ops.put(row.getString("client_op_id"), new ClientOp(row.getLong("version"), row.getLong("actor_id")));
            }
            return ops;
        });
    }

    @Override
    public Future<Void> saveSnapshot(long documentId, StateSnapshot snapshot) {
        return pool.preparedQuery(Sql.SAVE_SNAPSHOT)
                .execute(Tuple.of(documentId, snapshot.version(), SnapshotCodec.write(snapshot))).mapEmpty();
    }

    @Override
    public Future<Optional<StateSnapshot>> latestSnapshot(long documentId) {
        return pool.preparedQuery(Sql.LATEST_SNAPSHOT).execute(Tuple.of(documentId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(SnapshotCodec.read(row.getLong("version"), (JsonObject) row.getValue("state")));
        });
    }
}
