package io.yusuan.room;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.CellEdit;
import io.yusuan.domain.Decider;
import io.yusuan.domain.Decision;
import io.yusuan.domain.EditCell;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.Rejection;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.workflow.Role;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.store.EventLog;
import io.yusuan.store.EventLog.ClientOp;
import io.yusuan.store.Snapshot;
import io.yusuan.store.VersionConflictException;
import io.yusuan.store.DuplicateClientOpException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
    private final Map<String, Subscription> subscribers = new LinkedHashMap<>();
    private final ArrayDeque<Task> mailbox = new ArrayDeque<>();
    private BudgetState state;
    private long lastSnapshotVersion;
    private boolean busy;
    private boolean closed;
    /** An unload check is scheduled; avoids one timer per idle drain. */
    private boolean idleReported;

    /** What the room needs from whoever keeps it: reloading, reopening after unload, idleness. */
    public interface RoomHost {
        Future<BudgetState> reload(DocumentInfo info);

        Future<Room> reopen(long documentId);

        void idle(Room room);

        /** Called on the room's context the moment it stops taking tasks. */
        void unloaded(Room room);
    }

    private sealed interface Task permits EditTask, SubscribeTask, ReadTask {
    }

    private record EditTask(Subscriber from, String requestId, EditCell command) implements Task {
    }

    private record SubscribeTask(Subscriber subscriber, String requestId, Long since) implements Task {
    }

    private record ReadTask(Function<BudgetState, ?> reader, Promise<Object> result) implements Task {
    }

    private record Accepted(EditTask task, AppliedEvent event) {
    }

    private static final class Subscription {
        final Subscriber subscriber;
        CellRef focus;

        Subscription(Subscriber subscriber) {
            this.subscriber = subscriber;
        }
    }

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

    public void edit(Subscriber from, String requestId, EditCell command) {
        enqueue(new EditTask(from, requestId, command));
    }

    public void subscribe(Subscriber subscriber, String requestId, Long since) {
        enqueue(new SubscribeTask(subscriber, requestId, since));
    }

    /** Runs {@code reader} against the committed state, in order with the commands. */
    @SuppressWarnings("unchecked")
    public <T> Future<T> read(Function<BudgetState, T> reader) {
        Promise<Object> result = Promise.promise();
        enqueue(new ReadTask(reader, result));
        return (Future<T>) result.future();
    }

    public void unsubscribe(Subscriber subscriber) {
        context.runOnContext(v -> {
            if (subscribers.remove(subscriber.sessionId()) != null) {
                broadcastPresence();
                checkIdle();
            }
        });
    }

    public void focus(Subscriber subscriber, CellRef cell) {
        context.runOnContext(v -> {
            Subscription subscription = subscribers.get(subscriber.sessionId());
            if (subscription != null) {
                subscription.focus = cell;
                broadcastPresence();
            }
        });
    }

    /** Membership changed through the API: takes effect for the next command. */
    public void setMember(long userId, Role role) {
        context.runOnContext(v -> {
            if (role == null) {
                members.remove(userId);
            } else {
                members.put(userId, role);
            }
        });
    }

    /** The viewer's role, for callers outside the room (HTTP); null when not a member. */
    public Future<Role> roleOf(Subscriber who) {
        Promise<Role> role = Promise.promise();
        context.runOnContext(v -> role.complete(role(who)));
        return role.future();
    }

    // ---- the mailbox ----

    private void enqueue(Task task) {
        context.runOnContext(v -> {
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
            Task next = mailbox.peek();
            if (next instanceof EditTask) {
                processEdits();
            } else if (next instanceof SubscribeTask subscribe) {
                mailbox.poll();
                processSubscribe(subscribe);
            } else if (next instanceof ReadTask read) {
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
        long baseVersion = state.version();
        Map<CellRef, InputCell> before = new HashMap<>();
        List<Accepted> accepted = new ArrayList<>();
        // Replies that hold only if the batch commits (they were decided on uncommitted state);
        // their tasks are decided again if it does not.
        List<EditTask> deferred = new ArrayList<>();
        List<Runnable> deferredReplies = new ArrayList<>();
        while (mailbox.peek() instanceof EditTask task && accepted.size() < settings.maxBatch()) {
            mailbox.poll();
            Runnable reply = decideOne(task, before, accepted);
            if (reply == null) {
                continue;
            }
            if (accepted.isEmpty()) {
                reply.run();
            } else {
                deferred.add(task);
                deferredReplies.add(reply);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        busy = true;
        List<AppliedEvent> events = accepted.stream().map(Accepted::event).toList();
        log.append(info.id(), events).onComplete(result -> context.runOnContext(v -> {
            if (result.succeeded()) {
                committed(accepted, deferredReplies, baseVersion);
                busy = false;
                drain();
            } else {
                failed(result.cause(), accepted, deferred, before, baseVersion);
            }
        }));
    }

    /** Decides one edit; returns the reply to send for a refusal or a resend, null if accepted. */
    private Runnable decideOne(EditTask task, Map<CellRef, InputCell> before, List<Accepted> accepted) {
        String opId = task.command().clientOpId();
        ClientOp previous = clientOps.get(opId);
        if (previous != null) {
            return () -> answerResend(task, previous);
        }
        Decision decision = Decider.decide(state, task.command(), role(task.from()));
        if (!decision.accepted()) {
            return () -> task.from().send(encoder.rejected(task.requestId(), info.id(), opId, decision.rejection()));
        }
        Map<CellRef, InputCell> touched = new HashMap<>();
        for (CellEdit edit : decision.event().edits()) {
            touched.put(edit.cell(), state.input(edit.cell()));
        }
        long versionBefore = state.version();
        AppliedEvent event;
        try {
            event = state.apply(decision.event(), task.from().actor(), opId, Instant.now());
        } catch (ArithmeticException overflow) {
            // A total would leave the range of exact amounts: undo this one edit only.
            state.rollback(versionBefore, touched);
            return () -> task.from().send(encoder.rejected(task.requestId(), info.id(), opId,
                    Rejection.of(ErrorCode.INVALID_VALUE, "金额过大：合计超出可表示的范围")));
        }
        touched.forEach(before::putIfAbsent);
        clientOps.put(opId, new ClientOp(event.version(), task.from().actor().id()));
        accepted.add(new Accepted(task, event));
        return null;
    }

    private void answerResend(EditTask task, ClientOp previous) {
        String opId = task.command().clientOpId();
        if (previous.actorId() == task.from().actor().id()) {
            task.from().send(encoder.ack(task.requestId(), info.id(), previous.version(), opId));
        } else {
            task.from().send(encoder.rejected(task.requestId(), info.id(), opId, Rejection.of(ErrorCode.BAD_MESSAGE,
                    "clientOpId 已被其他用户使用，请换一个")));
        }
    }

    private void committed(List<Accepted> accepted, List<Runnable> deferredReplies, long baseVersion) {
        for (Accepted done : accepted) {
            AppliedEvent event = done.event();
            done.task().from().send(encoder.ack(done.task().requestId(), info.id(), event.version(),
                    event.clientOpId()));
            String frame = encoder.applied(info.id(), event);
            subscribers.values().forEach(s -> s.subscriber.send(frame));
        }
        deferredReplies.forEach(Runnable::run);
        if (state.version() / settings.snapshotEvery() > baseVersion / settings.snapshotEvery()) {
            saveSnapshot();
        }
    }

    private void failed(Throwable cause, List<Accepted> accepted, List<EditTask> deferred,
                        Map<CellRef, InputCell> before, long baseVersion) {
        LOG.warn("document {}: append of versions {}..{} failed: {}", info.id(), baseVersion + 1, state.version(),
                cause.toString());
        Rejection unavailable = Rejection.of(ErrorCode.UNAVAILABLE, "保存失败，修改未生效，请重试");
        for (Accepted lost : accepted) {
            clientOps.remove(lost.event().clientOpId());
            refuse(lost.task(), unavailable);
        }
        for (int i = deferred.size() - 1; i >= 0; i--) {
            mailbox.addFirst(deferred.get(i));
        }
        if (cause instanceof VersionConflictException || cause instanceof DuplicateClientOpException) {
            // The log holds something this room did not write: rebuild from the log.
            host.reload(info).onComplete(reloaded -> context.runOnContext(v -> {
                if (reloaded.succeeded()) {
                    state = reloaded.result();
                } else {
                    state.rollback(baseVersion, before);
                }
                busy = false;
                drain();
            }));
            return;
        }
        state.rollback(baseVersion, before);
        busy = false;
        drain();
    }

    private void refuse(Task task, Rejection rejection) {
        if (task instanceof EditTask edit) {
            edit.from().send(encoder.rejected(edit.requestId(), info.id(), edit.command().clientOpId(), rejection));
        } else if (task instanceof SubscribeTask subscribe) {
            subscribe.subscriber().send(encoder.rejected(subscribe.requestId(), info.id(), null, rejection));
        } else if (task instanceof ReadTask read) {
            read.result().fail(rejection.message());
        }
    }

    // ---- subscriptions and presence ----

    private void processSubscribe(SubscribeTask task) {
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
        subscribers.computeIfAbsent(subscriber.sessionId(), id -> new Subscription(subscriber));
        broadcastPresence();
    }

    private void broadcastPresence() {
        Map<Long, PresenceEntry> byUser = new LinkedHashMap<>();
        for (Subscription s : subscribers.values()) {
            PresenceEntry known = byUser.get(s.subscriber.actor().id());
            if (known == null || known.cell() == null) {
                byUser.put(s.subscriber.actor().id(), new PresenceEntry(s.subscriber.actor(), s.focus));
            }
        }
        String frame = encoder.presence(info.id(), List.copyOf(byUser.values()));
        subscribers.values().forEach(s -> s.subscriber.send(frame));
    }

    private Role role(Subscriber who) {
        return who.globalAdmin() ? Role.ADMIN : members.get(who.actor().id());
    }

    // ---- snapshots, idleness, shutdown ----

    private void saveSnapshot() {
        Snapshot snapshot = new Snapshot(state.version(), state.inputs());
        log.saveSnapshot(info.id(), snapshot).onComplete(done -> context.runOnContext(v -> {
            if (done.succeeded()) {
                lastSnapshotVersion = Math.max(lastSnapshotVersion, snapshot.version());
            } else {
                LOG.warn("document {}: snapshot at {} not saved: {}", info.id(), snapshot.version(), done.cause());
            }
        }));
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
                log.saveSnapshot(info.id(), new Snapshot(state.version(), state.inputs()))
                        .onComplete(done -> result.complete(true));
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
            log.saveSnapshot(info.id(), new Snapshot(state.version(), state.inputs()))
                    .onComplete(done -> result.complete());
        } else {
            result.complete();
        }
    }
}
