package io.yusuan.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.CalcChange;
import io.yusuan.domain.CellChange;
import io.yusuan.domain.StateSnapshot;
import io.yusuan.domain.budget.TextCell;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.comments.Comment;
import io.yusuan.domain.comments.CommentAnchor;
import io.yusuan.domain.comments.CommentThread;
import io.yusuan.domain.workflow.ApprovedVersion;
import io.yusuan.domain.workflow.SectionFlow;
import io.yusuan.domain.workflow.SectionStatus;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.Money;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventLog} adapter must do. Each adapter's test extends this and provides a
 * fresh log plus a document id that the log accepts events for.
 */
public abstract class EventLogContract {

    protected static final Actor ALICE = new Actor(1, "编辑一");
    private static final CellRef CELL = new CellRef("gp_exp", "2101501", "basic");

    protected abstract EventLog log();

    protected abstract long newDocument();

    protected static <T> T await(Future<T> future) throws Exception {
        return future.await(20, TimeUnit.SECONDS);
    }

    protected static AppliedEvent event(long version, String clientOpId, String value) {
        Money money = value == null ? null : Money.yuan(value);
        return new AppliedEvent(version, ALICE, clientOpId, Instant.parse("2024-02-01T08:00:00Z").plusSeconds(version),
                List.of(new CellChange(CELL, money, (int) version, null, ALICE)),
                List.of(new CalcChange(new CellRef("gp_exp", "total", "total"), money)));
    }

    @Test
    void appendedEventsReadBackIdenticallyInVersionOrder() throws Exception {
        long doc = newDocument();
        await(log().append(doc, List.of(event(1, "a", "1.00"), event(2, "b", "2.50"))));
        await(log().append(doc, List.of(event(3, "c", null))));

        List<AppliedEvent> read = await(log().readAfter(doc, 0, 100));
        assertEquals(List.of(event(1, "a", "1.00"), event(2, "b", "2.50"), event(3, "c", null)), read);
        assertEquals(List.of(event(3, "c", null)), await(log().readAfter(doc, 2, 100)));
        assertEquals(2, await(log().readAfter(doc, 0, 2)).size());
        assertEquals(3L, await(log().currentVersion(doc)));
        assertEquals(0L, await(log().currentVersion(newDocument())));
    }

    @Test
    void aTakenVersionIsAConflictAndNothingOfTheBatchIsWritten() throws Exception {
        long doc = newDocument();
        await(log().append(doc, List.of(event(1, "a", "1.00"))));

        Throwable failure = failureOf(log().append(doc, List.of(event(2, "b", "2.00"), event(1, "c", "3.00"))));

        assertInstanceOf(VersionConflictException.class, failure);
        assertEquals(List.of(event(1, "a", "1.00")), await(log().readAfter(doc, 0, 10)),
                "the failed batch left nothing behind");
    }

    protected static Throwable failureOf(Future<?> future) {
        try {
            future.await(20, TimeUnit.SECONDS);
        } catch (Exception expected) {
            // the cause is read from the future below
        }
        assertTrue(future.failed(), "expected the operation to fail");
        return future.cause();
    }

    @Test
    void aReusedClientOpIdIsADuplicate() throws Exception {
        long doc = newDocument();
        await(log().append(doc, List.of(event(1, "same", "1.00"))));
        assertInstanceOf(DuplicateClientOpException.class,
                failureOf(log().append(doc, List.of(event(2, "same", "2.00")))));
        assertEquals(Map.of("same", new EventLog.ClientOp(1, ALICE.id())), await(log().clientOps(doc)));
        // Ids are per document: another document may use the same one.
        await(log().append(newDocument(), List.of(event(1, "same", "1.00"))));
    }

    @Test
    void theNewestSnapshotWins() throws Exception {
        long doc = newDocument();
        assertTrue(await(log().latestSnapshot(doc)).isEmpty());
        await(log().append(doc, List.of(event(1, "a", "1.00"), event(2, "b", "2.00"))));
        await(log().saveSnapshot(doc, new StateSnapshot(1, Map.of(CELL, new InputCell(Money.yuan("1.00"), 1, ALICE)))));
        Instant at = Instant.parse("2024-02-01T08:00:00Z");
        CellRef text = new CellRef("narrative", "duties", "text");
        StateSnapshot newest = new StateSnapshot(2,
                Map.of("projects", List.of(new CodeRow("r1", "", null, "project"), new CodeRow("r2", "", "r1", "item"))),
                Map.of("gf_exp", "本部门无政府性基金预算拨款"),
                Map.of(CELL, new InputCell(Money.yuan("2.00"), 2, ALICE),
                        new CellRef("fin_summary", "carry_gf", "amount"), new InputCell(null, 3, null)),
                Map.of(text, new TextCell("主要职责：……", 1, ALICE)),
                Map.of("gp_exp", new SectionFlow(SectionStatus.APPROVED, ALICE, at, "同意", false)),
                List.of(new ApprovedVersion(1, 2, ALICE, at, "第一版", "sha256:00ff")),
                List.of(new CommentThread("t2", new CommentAnchor("gp_exp", "2101501", "basic"),
                        List.of(new Comment("c2", ALICE, at, "请核对")), true, ALICE, at)));
        await(log().saveSnapshot(doc, newest));
        assertEquals(newest, await(log().latestSnapshot(doc)).orElseThrow());
    }

    @Test
    void concurrentAppendsToManyDocumentsAllLand() throws Exception {
        List<Long> docs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            docs.add(newDocument());
        }
        List<Future<Void>> writes = new ArrayList<>();
        for (int version = 1; version <= 25; version++) {
            for (long doc : docs) {
                writes.add(log().append(doc, List.of(event(version, "op-" + version, version + ".00"))));
            }
        }
        await(Future.all(writes));
        for (long doc : docs) {
            List<AppliedEvent> events = await(log().readAfter(doc, 0, 100));
            assertEquals(25, events.size());
            assertEquals(Instant.parse("2024-02-01T08:00:25Z"), events.get(24).at().truncatedTo(ChronoUnit.SECONDS));
        }
    }
}
