package io.yusuan.store;

import io.vertx.core.Future;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.StateSnapshot;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.workflow.VersionApproval;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only log of document versions, plus snapshots. The log is the source of truth: a
 * version exists once its append has committed, and nothing before that is acknowledged.
 */
public interface EventLog {

    /**
     * Appends consecutive versions of one document atomically. Fails with
     * {@link VersionConflictException} when a version already exists (another writer) and with
     * {@link DuplicateClientOpException} when a client op id was already used in this document.
     */
    Future<Void> append(long documentId, List<AppliedEvent> events);

    /** Versions after {@code afterVersion}, ascending, at most {@code limit}. */
    Future<List<AppliedEvent>> readAfter(long documentId, long afterVersion, int limit);

    /** The highest committed version, 0 for a document without events. */
    Future<Long> currentVersion(long documentId);

    /** Every client op id used in the document with the version it produced. */
    Future<Map<String, ClientOp>> clientOps(long documentId);

    Future<Void> saveSnapshot(long documentId, StateSnapshot snapshot);

    Future<Optional<StateSnapshot>> latestSnapshot(long documentId);

    /**
     * The versions that changed one cell (its value or text, or took it away with a row), oldest
     * first: the cell's audit trail (留痕). At most {@code limit}.
     */
    Future<List<AppliedEvent>> cellHistory(long documentId, CellRef cell, int limit);

    /**
     * The versions before {@code beforeVersion}, newest first, at most {@code limit}, without their
     * recomputed cells, rule changes and frozen version content (the activity feed needs none).
     */
    Future<List<AppliedEvent>> activity(long documentId, long beforeVersion, int limit);

    /** Approved version {@code number} with its frozen content, if it exists. */
    Future<Optional<VersionApproval>> approvedVersion(long documentId, int number);

    /** The version and author of an applied client operation, for answering resends. */
    record ClientOp(long version, long actorId) {
    }
}
