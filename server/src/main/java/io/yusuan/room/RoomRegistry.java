package io.yusuan.room;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.calc.LayoutFactory;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.workflow.Role;
import io.yusuan.store.Catalog;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.store.EventLog;
import io.yusuan.domain.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Keeps the open rooms. Concurrent opens of one document share one load; a room without
 * subscribers is unloaded after a quiet period, once its state is persisted (it always is: the
 * log is written before anything is acknowledged; the unload only adds a snapshot).
 */
public final class RoomRegistry implements RoomHost {

    private final Vertx vertx;
    private final Catalog catalog;
    private final EventLog log;
    private final Function<DocumentInfo, LayoutFactory> layouts;
    private final RoomEncoder encoder;
    private final RoomSettings settings;
    private final ConcurrentHashMap<Long, Future<Room>> rooms = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public RoomRegistry(Vertx vertx, Catalog catalog, EventLog log, Function<DocumentInfo, LayoutFactory> layouts,
                        RoomEncoder encoder, RoomSettings settings) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.log = log;
        this.layouts = layouts;
        this.encoder = encoder;
        this.settings = settings;
    }

    /** The room of a document, loading it if needed; fails with {@link RoomNotFoundException}. */
    public Future<Room> open(long documentId) {
        if (stopping) {
            return Future.failedFuture(new RoomUnavailableException("服务器正在关闭"));
        }
        Future<Room> room = rooms.computeIfAbsent(documentId, this::load);
        room.onFailure(err -> rooms.remove(documentId, room));
        return room;
    }

    /**
     * Runs {@code action} on the document's room if it is loaded or loading (a room still loading
     * must not miss a membership change made meanwhile).
     */
    public void ifOpen(long documentId, java.util.function.Consumer<Room> action) {
        Future<Room> room = rooms.get(documentId);
        if (room != null) {
            room.onSuccess(action::accept);
        }
    }

    public int openRooms() {
        return rooms.size();
    }

    private Future<Room> load(long documentId) {
        return catalog.document(documentId).compose(found -> {
            if (found.isEmpty()) {
                return Future.failedFuture(new RoomNotFoundException(documentId));
            }
            DocumentInfo info = found.get();
            Future<RoomHost.Loaded> loaded = reload(info);
            Future<List<Catalog.Member>> members = catalog.members(documentId);
            Future<Optional<StateSnapshot>> snapshot = log.latestSnapshot(documentId);
            return Future.all(loaded, members, snapshot).map(all -> {
                Map<Long, Role> roles = new HashMap<>();
                members.result().forEach(m -> roles.put(m.userId(), m.role()));
                long snapshotVersion = snapshot.result().map(StateSnapshot::version).orElse(0L);
                return new Room(info, loaded.result().state(), loaded.result().clientOps(), roles, snapshotVersion,
                        ((VertxInternal) vertx).createEventLoopContext(), log, encoder, settings, this);
            });
        });
    }

    /** Newest snapshot plus every later event; totals derived once at the end. */
    @Override
    public Future<RoomHost.Loaded> reload(DocumentInfo info) {
        LayoutFactory layout;
        try {
            layout = layouts.apply(info);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return log.latestSnapshot(info.id()).compose(snapshot -> {
            StateSnapshot base = snapshot.orElse(StateSnapshot.initial(info.codeRows()));
            Future<BudgetState> state = log.readAfter(info.id(), base.version(), Integer.MAX_VALUE)
                    .map(events -> BudgetState.replay(layout, base, info.codeRows(), events));
            Future<Map<String, EventLog.ClientOp>> ops = log.clientOps(info.id());
            return Future.all(state, ops).map(all -> new RoomHost.Loaded(state.result(), ops.result()));
        });
    }

    @Override
    public Future<Room> reopen(long documentId) {
        return open(documentId);
    }

    @Override
    public void idle(Room room) {
        if (stopping) {
            return;
        }
        vertx.setTimer(settings.idleUnloadMillis(), t -> room.closeIfIdle());
    }

    @Override
    public void unloaded(Room room) {
        rooms.computeIfPresent(room.documentId(),
                (id, current) -> current.succeeded() && current.result() == room ? null : current);
    }

    /** Stops taking new rooms, lets each room finish its write in flight and snapshot. */
    public Future<Void> shutdown() {
        stopping = true;
        List<Future<Void>> done = new ArrayList<>();
        rooms.values().forEach(f -> {
            if (f.succeeded()) {
                done.add(f.result().shutdown());
            }
        });
        rooms.clear();
        return Future.join(done).mapEmpty();
    }
}
