package io.yusuan.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.EditCell;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.workflow.Role;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.templates.TemplateLibrary;
import io.yusuan.transport.ws.protocol.WireEncoder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomTest {

    private static final TemplateLibrary LIBRARY = TemplateLibrary.shipped();
    private static final Actor ALICE = new Actor(1, "编辑一");
    private static final Actor BOB = new Actor(2, "编辑二");
    private static final Actor RITA = new Actor(3, "审核人一");
    private static final List<String> ITEMS = List.of("2101501", "2101502", "2101505", "2101550", "2101599",
            "2080505", "2080506", "2101101");

    private Vertx vertx;
    private ControllableEventLog log;
    private Room room;
    private final AtomicInteger idleCalls = new AtomicInteger();

    @BeforeEach
    void openRoom() {
        vertx = Vertx.vertx();
        log = new ControllableEventLog(vertx);
        List<CodeRow> rows = ITEMS.stream().map(code -> new CodeRow(code, "项 " + code)).toList();
        DocumentInfo info = new DocumentInfo(7, "anhui-dept", "测试预算", "测试单位", 2024, Map.of("gp_exp", rows));
        BudgetState state = BudgetState.replay(LIBRARY.factoryFor(info), info.codeRows(), 0, Map.of(), List.of());
        RoomHost host = new RoomHost() {
            @Override
            public Future<RoomHost.Loaded> reload(DocumentInfo doc) {
                return log.readAfter(doc.id(), 0, Integer.MAX_VALUE).compose(events -> log.clientOps(doc.id())
                        .map(ops -> new RoomHost.Loaded(BudgetState.replay(LIBRARY.factoryFor(doc), doc.codeRows(), 0, Map.of(),
                                events),
                                ops)));
            }

            @Override
            public Future<Room> reopen(long documentId) {
                return Future.failedFuture("not in this test");
            }

            @Override
            public void idle(Room r) {
                idleCalls.incrementAndGet();
            }

            @Override
            public void unloaded(Room r) {
            }
        };
        room = new Room(info, state, Map.of(), Map.of(ALICE.id(), Role.EDITOR, BOB.id(), Role.EDITOR,
                RITA.id(), Role.REVIEWER), 0, ((VertxInternal) vertx).createEventLoopContext(), log,
                new WireEncoder(), new RoomSettings(100, 50, 1000, 60_000), host);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private static CellRef item(String code) {
        return new CellRef("gp_exp", code, "basic");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }

    private RecordingSubscriber subscribed(Actor actor) throws InterruptedException {
        RecordingSubscriber subscriber = new RecordingSubscriber(actor);
        room.subscribe(subscriber, "s", null);
        await(() -> !subscriber.ofType("snapshot").isEmpty());
        return subscriber;
    }

    @Test
    void concurrentSubmitsAreAppliedInOneGaplessOrderSeenAlikeByEveryone() throws Exception {
        RecordingSubscriber watcher = subscribed(RITA);
        log.delayMillis = 2;
        int threads = 4;
        int perThread = 60;
        List<RecordingSubscriber> senders = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            RecordingSubscriber sender = new RecordingSubscriber(t % 2 == 0 ? ALICE : BOB);
            senders.add(sender);
            int thread = t;
            workers.add(new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                // Each thread owns two cells, so no edit is stale and every one must land.
                for (int i = 0; i < perThread; i++) {
                    String code = ITEMS.get(thread * 2 + i % 2);
                    room.command(sender, "r" + i, new EditCell(item(code), (i + 1) + ".00", i / 2, "t" + thread + "-" + i));
                }
            }));
        }
        workers.forEach(Thread::start);
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        int total = threads * perThread;
        await(() -> watcher.ofType("applied").size() == total);

        List<JsonObject> applied = watcher.ofType("applied");
        for (int i = 0; i < total; i++) {
            assertEquals(i + 1, applied.get(i).getLong("version"), "versions are gapless and ordered");
        }
        for (RecordingSubscriber sender : senders) {
            assertEquals(perThread, sender.ofType("ack").size());
            assertTrue(sender.ofType("rejected").isEmpty(), () -> sender.ofType("rejected").toString());
        }
        assertEquals(total, log.inner.readAfter(7, 0, 10_000).result().size());
        assertTrue(log.appends.get() < total, "queued edits were committed in batches: " + log.appends.get());
        String expectedTotal = Money.yuan(String.valueOf(threads * 2 * (perThread - 1 + perThread) / 2)).toYuanString();
        JsonObject last = applied.get(total - 1);
        assertTrue(last.getJsonArray("calc").size() > 0);
        String reported = room.read(state -> state.valueOf(new CellRef("gp_exp", "total", "total")).toYuanString())
                .await(5, TimeUnit.SECONDS);
        assertEquals(expectedTotal, reported);
    }

    @Test
    void aFailedAppendIsNotBroadcastAndLeavesTheStateAsItWas() throws Exception {
        RecordingSubscriber watcher = subscribed(RITA);
        RecordingSubscriber alice = new RecordingSubscriber(ALICE);
        log.failNext.set(1);

        room.command(alice, "r1", new EditCell(item("2101501"), "100.00", 0, "op-1"));
        await(() -> !alice.ofType("rejected").isEmpty());

        assertEquals("UNAVAILABLE", alice.ofType("rejected").get(0).getString("code"));
        assertTrue(alice.ofType("ack").isEmpty());
        assertTrue(watcher.ofType("applied").isEmpty());
        assertEquals(0L, room.read(BudgetState::version).await(5, TimeUnit.SECONDS));
        assertNull(room.read(s -> s.valueOf(new CellRef("gp_exp", "total", "total"))).await(5, TimeUnit.SECONDS));
        assertEquals(0, log.inner.readAfter(7, 0, 10).result().size());

        // The same edit, retried with the same base revision, now lands as version 1.
        room.command(alice, "r2", new EditCell(item("2101501"), "100.00", 0, "op-1"));
        await(() -> !alice.ofType("ack").isEmpty());
        assertEquals(1L, alice.ofType("ack").get(0).getLong("version"));
        await(() -> watcher.ofType("applied").size() == 1);
    }

    @Test
    void editsQueuedBehindAFailedBatchAreDecidedAgainNotAnsweredFromItsState() throws Exception {
        RecordingSubscriber alice = new RecordingSubscriber(ALICE);
        RecordingSubscriber bob = new RecordingSubscriber(BOB);
        log.delayMillis = 50;
        log.failAppendNumber = 2;
        // "warm" goes out alone; "a" and "b" queue behind it and are decided together, "b" as
        // stale against "a"'s uncommitted edit. That batch fails, so "b" must be decided again.
        room.command(alice, "warm", new EditCell(item("2101599"), "1.00", 0, "warm"));
        room.command(alice, "a", new EditCell(item("2101501"), "5.00", 0, "a"));
        room.command(bob, "b", new EditCell(item("2101501"), "6.00", 0, "b"));
        await(() -> !alice.ofType("rejected").isEmpty() && (bob.ofType("ack").size() + bob.ofType("rejected").size()) > 0);
        assertEquals("UNAVAILABLE", alice.ofType("rejected").get(0).getString("code"));
        assertEquals(1, bob.ofType("ack").size(), () -> bob.frames.toString());
        assertTrue(bob.ofType("rejected").isEmpty());
        assertEquals(3, log.appends.get());
        assertEquals("6.00", room.read(s -> s.valueOf(item("2101501")).toYuanString()).await(5, TimeUnit.SECONDS));
    }

    @Test
    void aResentClientOpIsAnsweredWithTheOriginalVersionAndNotAppliedTwice() throws Exception {
        RecordingSubscriber watcher = subscribed(RITA);
        RecordingSubscriber alice = new RecordingSubscriber(ALICE);
        room.command(alice, "r1", new EditCell(item("2101501"), "100.00", 0, "same-op"));
        room.command(alice, "r2", new EditCell(item("2101501"), "100.00", 0, "same-op"));
        await(() -> alice.ofType("ack").size() == 2);

        assertEquals(1L, alice.ofType("ack").get(0).getLong("version"));
        assertEquals(1L, alice.ofType("ack").get(1).getLong("version"));
        assertEquals("r2", alice.ofType("ack").get(1).getString("requestId"));
        Thread.sleep(50);
        assertEquals(1, watcher.ofType("applied").size());
        assertEquals(1, log.inner.readAfter(7, 0, 10).result().size());
    }

    @Test
    void aStaleRevisionIsRejectedWithTheCurrentValue() throws Exception {
        RecordingSubscriber alice = new RecordingSubscriber(ALICE);
        RecordingSubscriber bob = new RecordingSubscriber(BOB);
        room.command(alice, "a", new EditCell(item("2101501"), "100.00", 0, "a"));
        await(() -> alice.ofType("ack").size() == 1);
        room.command(bob, "b", new EditCell(item("2101501"), "200.00", 0, "b"));
        await(() -> bob.ofType("rejected").size() == 1);

        JsonObject rejected = bob.ofType("rejected").get(0);
        assertEquals("STALE_CELL", rejected.getString("code"));
        assertEquals("b", rejected.getString("clientOpId"));
        assertEquals("100.00", rejected.getJsonObject("details").getString("value"));
        assertEquals(1, rejected.getJsonObject("details").getInteger("rev"));
        assertEquals("编辑一", rejected.getJsonObject("details").getJsonObject("by").getString("name"));
    }

    @Test
    void aReviewerMayWatchButNotEdit() throws Exception {
        RecordingSubscriber rita = subscribed(RITA);
        room.command(rita, "r", new EditCell(item("2101501"), "1.00", 0, "x"));
        await(() -> rita.ofType("rejected").size() == 1);
        assertEquals("FORBIDDEN", rita.ofType("rejected").get(0).getString("code"));
        assertEquals("reviewer", rita.ofType("snapshot").get(0).getJsonObject("document").getString("role"));
        RecordingSubscriber stranger = new RecordingSubscriber(new Actor(99, "外人"));
        room.subscribe(stranger, "s", null);
        await(() -> stranger.ofType("rejected").size() == 1);
        assertEquals("FORBIDDEN", stranger.ofType("rejected").get(0).getString("code"));
    }

    @Test
    void aLateSubscriberCatchesUpFromTheLog() throws Exception {
        RecordingSubscriber alice = new RecordingSubscriber(ALICE);
        for (int i = 0; i < 5; i++) {
            room.command(alice, "r" + i, new EditCell(item("2101501"), i + ".00", i, "op" + i));
        }
        await(() -> alice.ofType("ack").size() == 5);

        RecordingSubscriber late = new RecordingSubscriber(BOB);
        room.subscribe(late, "c", 2L);
        await(() -> late.ofType("catchup").size() == 1);
        var events = late.ofType("catchup").get(0).getJsonArray("events");
        assertEquals(3, events.size());
        assertEquals(3L, events.getJsonObject(0).getLong("version"));
        assertEquals(5L, events.getJsonObject(2).getLong("version"));
        assertEquals("4.00", events.getJsonObject(2).getJsonArray("changes").getJsonObject(0).getString("value"));

        RecordingSubscriber ahead = new RecordingSubscriber(BOB);
        room.subscribe(ahead, "c", 99L);
        await(() -> ahead.ofType("snapshot").size() == 1);
        assertEquals(5L, ahead.ofType("snapshot").get(0).getLong("version"));
    }

    @Test
    void presenceFollowsSubscriptionsAndFocus() throws Exception {
        RecordingSubscriber alice = subscribed(ALICE);
        RecordingSubscriber bob = subscribed(BOB);
        room.focus(bob, item("2101501"), null);
        await(() -> alice.ofType("presence").stream().anyMatch(p -> p.getJsonArray("users").stream()
                .anyMatch(u -> ((JsonObject) u).getJsonObject("cell") != null)));
        room.unsubscribe(bob);
        await(() -> {
            List<JsonObject> presence = alice.ofType("presence");
            return presence.get(presence.size() - 1).getJsonArray("users").size() == 1;
        });
        room.unsubscribe(alice);
        await(() -> idleCalls.get() > 0);
    }

    @Test
    void aWriteThatCommittedDespiteAnErrorIsAcknowledgedNotReportedLost() throws Exception {
        RecordingSubscriber watcher = subscribed(RITA);
        RecordingSubscriber alice = new RecordingSubscriber(ALICE);
        log.commitThenFail = true;

        room.command(alice, "r1", new EditCell(item("2101501"), "100.00", 0, "op-1"));
        await(() -> !alice.ofType("ack").isEmpty() || !alice.ofType("rejected").isEmpty());

        assertTrue(alice.ofType("rejected").isEmpty(), () -> alice.frames.toString());
        assertEquals(1L, alice.ofType("ack").get(0).getLong("version"));
        await(() -> watcher.ofType("applied").size() == 1);
        room.command(alice, "r2", new EditCell(item("2101501"), "200.00", 1, "op-2"));
        await(() -> alice.ofType("ack").size() == 2);
        assertEquals(2L, alice.ofType("ack").get(1).getLong("version"));
        room.command(alice, "r3", new EditCell(item("2101501"), "200.00", 1, "op-1"));
        await(() -> alice.ofType("ack").size() == 3);
        assertEquals(1L, alice.ofType("ack").get(2).getLong("version"), "the resend is still recognised");
    }

    @Test
    void aRemovedMemberStopsReceivingTheDocument() throws Exception {
        RecordingSubscriber bob = subscribed(BOB);
        RecordingSubscriber alice = new RecordingSubscriber(ALICE);
        room.setMember(BOB.id(), null);
        await(() -> bob.ofType("rejected").size() == 1);
        assertEquals("FORBIDDEN", bob.ofType("rejected").get(0).getString("code"));
        room.command(alice, "a", new EditCell(item("2101501"), "1.00", 0, "a"));
        await(() -> alice.ofType("ack").size() == 1);
        Thread.sleep(50);
        assertTrue(bob.ofType("applied").isEmpty());
    }

    @Test
    void aSessionThatLeavesWhileItsSubscribeIsQueuedLeavesNoGhost() throws Exception {
        RecordingSubscriber alice = new RecordingSubscriber(ALICE);
        RecordingSubscriber watcher = subscribed(RITA);
        log.delayMillis = 100;
        room.command(alice, "slow", new EditCell(item("2101501"), "1.00", 0, "slow"));
        RecordingSubscriber bob = new RecordingSubscriber(BOB);
        room.subscribe(bob, "s", 0L);
        room.unsubscribe(bob);
        await(() -> alice.ofType("ack").size() == 1);
        room.read(state -> null).await(5, TimeUnit.SECONDS);
        List<JsonObject> presence = watcher.ofType("presence");
        assertEquals(1, presence.get(presence.size() - 1).getJsonArray("users").size(),
                () -> presence.get(presence.size() - 1).encode());
    }

    @Test
    void aResubscribeGetsEachVersionOnce() throws Exception {
        RecordingSubscriber alice = new RecordingSubscriber(ALICE);
        RecordingSubscriber bob = subscribed(BOB);
        log.delayMillis = 50;
        room.command(alice, "a", new EditCell(item("2101501"), "1.00", 0, "a"));
        room.subscribe(bob, "again", 0L);
        await(() -> bob.ofType("catchup").size() == 1 && alice.ofType("ack").size() == 1);
        room.read(state -> null).await(5, TimeUnit.SECONDS);
        long copies = bob.ofType("applied").size() + bob.ofType("catchup").get(0).getJsonArray("events").size();
        assertEquals(1, copies, () -> bob.frames.toString());
    }
}
