package io.yusuan.room;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.Command;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.Rejection;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.workflow.Role;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.store.EventLog;
import io.yusuan.store.EventLog.ClientOp;
import io.yusuan.domain.StateSnapshot;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open document. Every command passes through this room's mailbox and runs on the room's own
 * context, one batch at a time: the next batch starts only after the previous one's append has
 * committed. Commands queued while a write is in flight are decided together against the evolving
 * state and committed in one append; nothing is acknowledged or broadcast before that commit, and
 * a failed commit rolls the state back to the last committed version.
 */
public final class Room {

    private static final Logger LOG = LoggerFactory.getLogger(Room.class);

    private final DocumentInfo info;
    private final Context context;
    private final EventLog log;
    private final RoomEncoder encoder;
    private final RoomSettings settings;
    private final RoomHost host;
    private final Map<String, ClientOp> clientOps;
    private final Map<Long, Role> members;
    private final Subscriptions subscribers = new Subscriptions();
    private final ArrayDeque<RoomTask> mailbox = new ArrayDeque<>();
    private BudgetState state;
    private long lastSnapshotVersion;
    private boolean busy;
    private boolean closed;
    /** An unload check is scheduled; avoids one timer per idle drain. */
    private boolean idleReported;

    Room(DocumentInfo info, BudgetState state, Map<String, ClientOp> clientOps, Map<Long, Role> members,
         long lastSnapshotVersion, Context context, EventLog log, RoomEncoder encoder, RoomSettings settings,
         RoomHost host) {
        this.info = info;
        this.state = state;
        this.clientOps = new HashMap<>(clientOps);
        this.members = new HashMap<>(members);
        this.lastSnapshotVersion = lastSnapshotVersion;
        this.context = context;
        this.log = log;
        this.encoder = encoder;
        this.settings = settings;
        this.host = host;
    }

    public long documentId() {
        return info.id();
    }

    public DocumentInfo info() {
        return info;
    }

    // ---- entry points: callable from any thread; each hops onto the room's context ----

    /** An edit or a row change: decided, committed and broadcast in order with everything else. */
    public void command(Subscriber from, String requestId, Command command) {
        enqueue(new RoomTask.Edit(from, requestId, command));
    }

    public void subscribe(Subscriber subscriber, String requestId, Long since) {
        enqueue(new RoomTask.Subscribe(subscriber, requestId, since));
    }

    /** Runs {@code reader} against the committed state, in order with the commands. */
    @SuppressWarnings("unchecked")
    public <T> Future<T> read(Function<BudgetState, T> reader) {
        Promise<Object> result = callerPromise();
        enqueue(new RoomTask.Read(reader, result));
        return (Future<T>) result.future();
    }

    /**
     * Leaves the document. Goes through the mailbox so that it cannot overtake a subscribe that is
     * still queued or reading its catch-up (which would then register a session that already left).
     */
    public void unsubscribe(Subscriber subscriber) {
        enqueue(new RoomTask.Unsubscribe(subscriber));
    }

    public void focus(Subscriber subscriber, CellRef cell, String section) {
        context.runOnContext(v -> {
            if (subscribers.focus(subscriber.sessionId(), cell, section)) {
                broadcastPresence();
            }
        });
    }

    /**
     * Membership changed through the API: takes effect for the next command. A user who is no
     * longer a member stops receiving the document at once.
     */
    public void setMember(long userId, Role role) {
        context.runOnContext(v -> {
            if (role != null) {
                members.put(userId, role);
                return;
            }
            members.remove(userId);
            List<Subscriber> removed = subscribers.removeUser(userId);
            if (removed.isEmpty()) {
                return;
            }
            Rejection gone = Rejection.of(ErrorCode.FORBIDDEN, "您已不是该预算的成员");
            removed.forEach(s -> s.send(encoder.rejected(null, info.id(), null, gone)));
            broadcastPresence();
            checkIdle();
        });
    }

    /** A promise whose listeners run on the caller's context (an HTTP request's), not the room's. */
    private static <T> Promise<T> callerPromise() {
        Context caller = Vertx.currentContext();
        return caller == null ? Promise.promise() : ((ContextInternal) caller).promise();
    }

    // ---- the mailbox ----

    void enqueue(RoomTask task) {
        context.runOnContext(v -> {
            if (task instanceof RoomTask.Subscribe again) {
                // A re-subscribe (after a gap) must not also receive live versions while its
                // catch-up is pending, or it would see them twice.
                subscribers.remove(again.subscriber().sessionId());
            }
            if (closed && task instanceof RoomTask.Unsubscribe) {
                return;
            }
            if (closed) {
                // Unloaded meanwhile: hand the task to the room that replaces this one.
                host.reopen(info.id()).onSuccess(room -> room.enqueue(task))
                        .onFailure(err -> refuse(task, Rejection.of(ErrorCode.UNAVAILABLE, "文档暂时不可用，请重试")));
                return;
            }
            mailbox.add(task);
            drain();
        });
    }

    private void drain() {
        while (!busy && !closed && !mailbox.isEmpty()) {
            RoomTask next = mailbox.peek();
            if (next instanceof RoomTask.Edit) {
                processEdits();
            } else if (next instanceof RoomTask.Subscribe subscribe) {
                mailbox.poll();
                processSubscribe(subscribe);
            } else if (next instanceof RoomTask.Unsubscribe leave) {
                mailbox.poll();
                if (subscribers.remove(leave.subscriber().sessionId())) {
                    broadcastPresence();
                }
            } else if (next instanceof RoomTask.Read read) {
                mailbox.poll();
                try {
                    read.result().complete(read.reader().apply(state));
                } catch (RuntimeException e) {
                    read.result().fail(e);
                }
            }
        }
        checkIdle();
    }

    private void processEdits() {
        EditBatch batch = new EditBatch(state.version());
        while (mailbox.peek() instanceof RoomTask.Edit task && batch.accepted.size() < settings.maxBatch()) {
            mailbox.poll();
            Runnable reply = batch.decide(task, state, clientOps, role(task.from()), encoder, info.id());
            if (reply == null) {
                continue;
            }
            if (batch.accepted.isEmpty()) {
                reply.run();
            } else {
                batch.defer(task, reply);
            }
        }
        if (batch.accepted.isEmpty()) {
            return;
        }
        busy = true;
        log.append(info.id(), batch.events()).onComplete(result -> context.runOnContext(v -> {
            if (result.succeeded()) {
                committed(batch);
                busy = false;
                drain();
            } else {
                FailedAppend.handle(this, result.cause(), batch);
            }
        }));
    }

    private void committed(EditBatch batch) {
        for (RoomTask.Accepted done : batch.accepted) {
            AppliedEvent event = done.event();
            done.task().from().send(encoder.ack(done.task().requestId(), info.id(), event.version(),
                    event.clientOpId()));
            subscribers.broadcast(encoder.applied(info.id(), event));
        }
        batch.deferredReplies.forEach(Runnable::run);
        if (state.version() / settings.snapshotEvery() > batch.baseVersion / settings.snapshotEvery()) {
            saveSnapshot();
        }
    }

    // ---- what a failed append leaves to do (FailedAppend decides which) ----

    EventLog log() {
        return log;
    }

    Context context() {
        return context;
    }

    RoomHost host() {
        return host;
    }

    RoomEncoder encoder() {
        return encoder;
    }

    /** A speculative batch of cell and text edits never happened: put the state back as it was. */
    void rollbackCells(EditBatch batch) {
        state.rollback(batch.baseVersion, batch.before, batch.textsBefore);
    }

    /** The document as the log holds it replaces the speculative state. */
    void adopt(RoomHost.Loaded loaded) {
        state = loaded.state();
        clientOps.clear();
        clientOps.putAll(loaded.clientOps());
    }

    void forget(String clientOpId) {
        clientOps.remove(clientOpId);
    }

    void broadcast(AppliedEvent event) {
        subscribers.broadcast(encoder.applied(info.id(), event));
    }

    /** The batch is settled: take the next commands. */
    void resume() {
        busy = false;
        drain();
    }

    /** Neither committed nor restorable now: retire this room; the next use loads afresh. */
    void retire(Rejection unavailable) {
        closed = true;
        host.unloaded(this);
        while (!mailbox.isEmpty()) {
            RoomTask task = mailbox.poll();
            host.reopen(info.id()).onSuccess(room -> room.enqueue(task)).onFailure(err -> refuse(task, unavailable));
        }
    }

    void requeue(List<RoomTask.Edit> deferred) {
        for (int i = deferred.size() - 1; i >= 0; i--) {
            mailbox.addFirst(deferred.get(i));
        }
    }

    void refuse(RoomTask task, Rejection rejection) {
        if (task instanceof RoomTask.Edit edit) {
            edit.from().send(encoder.rejected(edit.requestId(), info.id(), edit.command().clientOpId(), rejection));
        } else if (task instanceof RoomTask.Subscribe subscribe) {
            subscribe.subscriber().send(encoder.rejected(subscribe.requestId(), info.id(), null, rejection));
        } else if (task instanceof RoomTask.Read read) {
            read.result().fail(new RoomUnavailableException(rejection.message()));
        }
    }

    // ---- subscriptions and presence ----

    private void processSubscribe(RoomTask.Subscribe task) {
        Subscriber subscriber = task.subscriber();
        Role role = role(subscriber);
        if (role == null) {
            refuse(task, Rejection.of(ErrorCode.FORBIDDEN, "您不是该预算的成员"));
            return;
        }
        long version = state.version();
        Long since = task.since();
        if (since == null || since > version || version - since > settings.catchupLimit()) {
            subscriber.send(encoder.snapshot(task.requestId(), new DocumentView(info, state, role)));
            register(subscriber);
            return;
        }
        if (since == version) {
            subscriber.send(encoder.catchup(task.requestId(), info.id(), List.of()));
            register(subscriber);
            return;
        }
        // Hold the mailbox while reading: no version may commit between the read and registering.
        busy = true;
        log.readAfter(info.id(), since, (int) (version - since)).onComplete(read -> context.runOnContext(v -> {
            if (read.succeeded() && read.result().size() == version - since) {
                subscriber.send(encoder.catchup(task.requestId(), info.id(), read.result()));
            } else {
                subscriber.send(encoder.snapshot(task.requestId(), new DocumentView(info, state, role)));
            }
            register(subscriber);
            busy = false;
            drain();
        }));
    }

    private void register(Subscriber subscriber) {
        if (!subscriber.connected()) {
            return;
        }
        subscribers.add(subscriber, role(subscriber));
        broadcastPresence();
    }

    private void broadcastPresence() {
        subscribers.broadcast(encoder.presence(info.id(), subscribers.presence()));
    }

    private Role role(Subscriber who) {
        return who.globalAdmin() ? Role.ADMIN : members.get(who.actor().id());
    }

    // ---- snapshots, idleness, shutdown ----

    /** Saves a snapshot of the state now; a failed one is only logged (the log is the truth). */
    private Future<Void> saveSnapshot() {
        StateSnapshot snapshot = state.snapshot();
        Promise<Void> saved = Promise.promise();
        log.saveSnapshot(info.id(), snapshot).onComplete(done -> context.runOnContext(v -> {
            if (done.succeeded()) {
                lastSnapshotVersion = Math.max(lastSnapshotVersion, snapshot.version());
            } else {
                LOG.warn("document {}: snapshot at {} not saved: {}", info.id(), snapshot.version(), done.cause());
            }
            saved.complete();
        }));
        return saved.future();
    }

    private void checkIdle() {
        if (!busy && !closed && !idleReported && mailbox.isEmpty() && subscribers.isEmpty()) {
            idleReported = true;
            host.idle(this);
        }
    }

    /**
     * Unloads the room if it is still idle: marks it closed (later tasks go to a fresh room) and
     * writes a snapshot when the log has moved on since the last one. Completes with false if the
     * room is in use again.
     */
    Future<Boolean> closeIfIdle() {
        Promise<Boolean> result = Promise.promise();
        context.runOnContext(v -> {
            idleReported = false;
            if (busy || closed || !mailbox.isEmpty() || !subscribers.isEmpty()) {
                result.complete(false);
                checkIdle();
                return;
            }
            closed = true;
            host.unloaded(this);
            if (state.version() > lastSnapshotVersion) {
                saveSnapshot().onComplete(done -> result.complete(true));
            } else {
                result.complete(true);
            }
        });
        return result.future();
    }

    /** For server shutdown: refuses queued work, waits for the write in flight, snapshots. */
    Future<Void> shutdown() {
        Promise<Void> result = Promise.promise();
        context.runOnContext(v -> awaitQuiet(result));
        return result.future();
    }

    private void awaitQuiet(Promise<Void> result) {
        if (busy) {
            context.owner().setTimer(20, t -> context.runOnContext(v -> awaitQuiet(result)));
            return;
        }
        closed = true;
        Rejection stopping = Rejection.of(ErrorCode.UNAVAILABLE, "服务器正在关闭");
        while (!mailbox.isEmpty()) {
            refuse(mailbox.poll(), stopping);
        }
        if (state.version() > lastSnapshotVersion) {
            saveSnapshot().onComplete(done -> result.complete());
        } else {
            result.complete();
        }
    }
}
