package io.yusuan.room;

import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.Rejection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A room's append failed — or its outcome is unknown (a connection lost after COMMIT), or another
 * writer took the versions. The log decides: if it moved past the batch's base version, the room
 * adopts what it holds (acknowledges its operations that are in it, broadcasts its versions); if
 * not, the batch is rolled back and its senders told it did not happen. Either way no sender hears
 * «not saved» for a saved edit, and no stored version goes unbroadcast.
 */
final class FailedAppend {

    private static final Logger LOG = LoggerFactory.getLogger(FailedAppend.class);
    private static final Rejection UNAVAILABLE = Rejection.of(ErrorCode.UNAVAILABLE, "保存失败，修改未生效，请重试");

    private FailedAppend() {
    }

    static void handle(Room room, Throwable cause, EditBatch batch) {
        LOG.warn("document {}: append after version {} failed: {}", room.documentId(), batch.baseVersion,
                cause.toString());
        room.log().readAfter(room.documentId(), batch.baseVersion, Integer.MAX_VALUE)
                .onComplete(read -> room.context().runOnContext(v -> {
                    if (read.succeeded() && !read.result().isEmpty()) {
                        adoptLog(room, read.result(), batch);
                    } else {
                        rollBack(room, batch);
                    }
                }));
    }

    private static void rollBack(Room room, EditBatch batch) {
        for (RoomTask.Accepted lost : batch.accepted) {
            room.forget(lost.event().clientOpId());
            room.refuse(lost.task(), UNAVAILABLE);
        }
        room.requeue(batch.deferred);
        if (!batch.structural) {
            room.rollbackCells(batch);
            room.resume();
            return;
        }
        // Rows, marks, review steps and versions are undone by reading the document again.
        room.host().reload(room.info()).onComplete(reloaded -> room.context().runOnContext(v -> {
            if (reloaded.succeeded()) {
                room.adopt(reloaded.result());
                room.resume();
            } else {
                room.retire(UNAVAILABLE);
            }
        }));
    }

    private static void adoptLog(Room room, List<AppliedEvent> committed, EditBatch batch) {
        room.host().reload(room.info()).onComplete(reloaded -> room.context().runOnContext(v -> {
            if (reloaded.failed()) {
                rollBack(room, batch);
                return;
            }
            room.adopt(reloaded.result());
            Map<String, AppliedEvent> byOp = new HashMap<>();
            for (AppliedEvent event : committed) {
                if (event.clientOpId() != null) {
                    byOp.put(event.clientOpId(), event);
                }
                room.broadcast(event);
            }
            for (RoomTask.Accepted mine : batch.accepted) {
                AppliedEvent stored = byOp.get(mine.event().clientOpId());
                if (stored != null && stored.by().id() == mine.task().from().actor().id()) {
                    mine.task().from().send(room.encoder().ack(mine.task().requestId(), room.documentId(),
                            stored.version(), stored.clientOpId()));
                } else {
                    room.refuse(mine.task(), UNAVAILABLE);
                }
            }
            room.requeue(batch.deferred);
            room.resume();
        }));
    }
}
