package io.yusuan.store.memory;

import io.vertx.core.Future;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.store.DuplicateClientOpException;
import io.yusuan.store.EventLog;
import io.yusuan.domain.StateSnapshot;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.workflow.VersionApproval;
import io.yusuan.store.VersionConflictException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An event log in memory, with the same contract as the PostgreSQL one (the storage contract
 * suite runs against both). For tests and benchmarks of the room alone; nothing here is durable.
 */
public final class InMemoryEventLog implements EventLog {

    private final Map<Long, TreeMap<Long, AppliedEvent>> events = new HashMap<>();
    private final Map<Long, TreeMap<Long, StateSnapshot>> snapshots = new HashMap<>();

    @Override
    public synchronized Future<Void> append(long documentId, List<AppliedEvent> batch) {
        TreeMap<Long, AppliedEvent> log = events.computeIfAbsent(documentId, d -> new TreeMap<>());
        Map<String, Long> usedOps = new HashMap<>();
        log.values().forEach(e -> {
            if (e.clientOpId() != null) {
                usedOps.put(e.clientOpId(), e.version());
            }
        });
        for (AppliedEvent event : batch) {
            if (log.containsKey(event.version())) {
                return Future.failedFuture(new VersionConflictException(documentId, event.version()));
            }
            if (event.clientOpId() != null && usedOps.put(event.clientOpId(), event.version()) != null) {
                return Future.failedFuture(new DuplicateClientOpException(documentId, event.clientOpId()));
            }
        }
        batch.forEach(e -> log.put(e.version(), e));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<List<AppliedEvent>> readAfter(long documentId, long afterVersion, int limit) {
        List<AppliedEvent> result = new ArrayList<>();
        for (AppliedEvent event : events.getOrDefault(documentId, new TreeMap<>()).tailMap(afterVersion, false)
                .values()) {
            if (result.size() == limit) {
                break;
            }
            result.add(event);
        }
        return Future.succeededFuture(result);
    }

    @Override
    public synchronized Future<Long> currentVersion(long documentId) {
        TreeMap<Long, AppliedEvent> log = events.get(documentId);
        return Future.succeededFuture(log == null || log.isEmpty() ? 0L : log.lastKey());
    }

    @Override
    public synchronized Future<Map<String, ClientOp>> clientOps(long documentId) {
        Map<String, ClientOp> ops = new HashMap<>();
        events.getOrDefault(documentId, new TreeMap<>()).values().forEach(e -> {
            if (e.clientOpId() != null) {
                ops.put(e.clientOpId(), new ClientOp(e.version(), e.by().id()));
            }
        });
        return Future.succeededFuture(ops);
    }

    @Override
    public synchronized Future<Void> saveSnapshot(long documentId, StateSnapshot snapshot) {
        snapshots.computeIfAbsent(documentId, d -> new TreeMap<>()).putIfAbsent(snapshot.version(), snapshot);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Optional<StateSnapshot>> latestSnapshot(long documentId) {
        TreeMap<Long, StateSnapshot> all = snapshots.get(documentId);
        return Future.succeededFuture(all == null || all.isEmpty() ? Optional.empty()
                : Optional.of(all.lastEntry().getValue()));
    }

    @Override
    public synchronized Future<List<AppliedEvent>> cellHistory(long documentId, CellRef cell, int limit) {
        List<AppliedEvent> result = new ArrayList<>();
        for (AppliedEvent event : events.getOrDefault(documentId, new TreeMap<>()).values()) {
            boolean touches = event.changes().stream().anyMatch(c -> c.cell().equals(cell))
                    || event.texts().stream().anyMatch(t -> t.cell().equals(cell));
            if (touches && result.size() < limit) {
                result.add(event);
            }
        }
        return Future.succeededFuture(result);
    }

    @Override
    public synchronized Future<List<AppliedEvent>> activity(long documentId, long beforeVersion, int limit) {
        List<AppliedEvent> result = new ArrayList<>();
        for (AppliedEvent event : events.getOrDefault(documentId, new TreeMap<>()).headMap(beforeVersion, false)
                .descendingMap().values()) {
            if (result.size() == limit) {
                break;
            }
            result.add(event);
        }
        return Future.succeededFuture(result);
    }

    @Override
    public synchronized Future<Optional<VersionApproval>> approvedVersion(long documentId, int number) {
        return Future.succeededFuture(events.getOrDefault(documentId, new TreeMap<>()).values().stream()
                .map(AppliedEvent::approval).filter(a -> a != null && a.version().number() == number).findFirst());
    }
}
