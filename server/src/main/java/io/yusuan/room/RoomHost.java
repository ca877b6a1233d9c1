package io.yusuan.room;

import io.vertx.core.Future;
import io.yusuan.domain.BudgetState;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.store.EventLog.ClientOp;
import java.util.Map;

/** What a room needs from whoever keeps it: reloading, reopening after unload, idleness. */
public interface RoomHost {

    /** The document as the log holds it now: state and every client op id. */
    Future<Loaded> reload(DocumentInfo info);

    Future<Room> reopen(long documentId);

    void idle(Room room);

    /** Called on the room's context the moment it stops taking tasks. */
    void unloaded(Room room);

    /** A document freshly read from the log. */
    record Loaded(BudgetState state, Map<String, ClientOp> clientOps) {
    }
}
