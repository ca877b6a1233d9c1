package io.yusuan.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.CalcChange;
import io.yusuan.domain.CellChange;
import io.yusuan.domain.RowChange;
import io.yusuan.domain.SectionMark;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage form of events and snapshots (jsonb). Kept apart from the wire codec so the log's
 * format can stay stable while the protocol grows. Amounts are stored as 元 strings, as on the wire.
 */
public final class EventCodec {

    private EventCodec() {
    }

    public static JsonObject payload(AppliedEvent event) {
        JsonArray changes = new JsonArray();
        for (CellChange change : event.changes()) {
            changes.add(new JsonObject().put("cell", cell(change.cell()))
                    .put("value", yuan(change.value())).put("rev", change.rev())
                    .put("previous", yuan(change.previous())));
        }
        JsonArray calc = new JsonArray();
        for (CalcChange change : event.calc()) {
            calc.add(new JsonObject().put("cell", cell(change.cell())).put("value", yuan(change.value())));
        }
        JsonArray checks = new JsonArray();
        for (CheckChange check : event.checks()) {
            RuleResult r = check.result();
            JsonArray cells = new JsonArray();
            r.cells().forEach(c -> cells.add(cell(c)));
            checks.add(new JsonObject().put("key", r.key()).put("rule", r.rule()).put("severity", r.severity().name())
                    .put("message", r.message()).put("cells", cells).put("left", yuan(r.left()))
                    .put("right", yuan(r.right())).put("resolved", check.resolved()));
        }
        JsonArray rows = new JsonArray();
        event.rows().forEach(r -> rows.add(new JsonObject().put("section", r.section()).put("code", r.code())
                .put("name", r.name()).put("added", r.added())));
        JsonArray marks = new JsonArray();
        event.marks().forEach(m -> marks.add(new JsonObject().put("section", m.section()).put("empty", m.empty())
                .put("note", m.note())));
        return new JsonObject().put("actorName", event.by().name()).put("rows", rows).put("marks", marks)
                .put("changes", changes).put("calc", calc).put("checks", checks);
    }

    private static List<CheckChange> checks(JsonArray array) {
        List<CheckChange> checks = new ArrayList<>();
        for (Object item : array) {
            JsonObject check = (JsonObject) item;
            List<CellRef> cells = new ArrayList<>();
            for (Object c : check.getJsonArray("cells", new JsonArray())) {
                cells.add(cell((JsonObject) c));
            }
            checks.add(new CheckChange(new RuleResult(check.getString("key"), check.getString("rule"),
                    Severity.valueOf(check.getString("severity")), check.getString("message"), cells,
                    money(check.getString("left")), money(check.getString("right"))), check.getBoolean("resolved")));
        }
        return checks;
    }

    public static AppliedEvent event(long version, long actorId, String clientOpId, Instant at, JsonObject payload) {
        Actor by = new Actor(actorId, payload.getString("actorName", ""));
        List<CellChange> changes = new ArrayList<>();
        for (Object item : payload.getJsonArray("changes", new JsonArray())) {
            JsonObject change = (JsonObject) item;
            changes.add(new CellChange(cell(change.getJsonObject("cell")), money(change.getString("value")),
                    change.getInteger("rev"), money(change.getString("previous")), by));
        }
        List<CalcChange> calc = new ArrayList<>();
        for (Object item : payload.getJsonArray("calc", new JsonArray())) {
            JsonObject change = (JsonObject) item;
            calc.add(new CalcChange(cell(change.getJsonObject("cell")), money(change.getString("value"))));
        }
        List<RowChange> rows = new ArrayList<>();
        for (Object item : payload.getJsonArray("rows", new JsonArray())) {
            JsonObject row = (JsonObject) item;
            rows.add(new RowChange(row.getString("section"), row.getString("code"), row.getString("name"),
                    row.getBoolean("added")));
        }
        List<SectionMark> marks = new ArrayList<>();
        for (Object item : payload.getJsonArray("marks", new JsonArray())) {
            JsonObject mark = (JsonObject) item;
            marks.add(new SectionMark(mark.getString("section"), mark.getBoolean("empty"), mark.getString("note")));
        }
        return new AppliedEvent(version, by, clientOpId, at, rows, marks, changes, calc,
                checks(payload.getJsonArray("checks", new JsonArray())));
    }

    public static JsonObject snapshotState(Snapshot snapshot) {
        JsonArray inputs = new JsonArray();
        snapshot.inputs().forEach((ref, cell) -> {
            JsonObject item = new JsonObject().put("cell", cell(ref)).put("value", yuan(cell.value()))
                    .put("rev", cell.rev());
            if (cell.by() != null) {
                item.put("by", new JsonObject().put("id", cell.by().id()).put("name", cell.by().name()));
            }
            inputs.add(item);
        });
        JsonObject state = new JsonObject().put("inputs", inputs);
        if (snapshot.emptySections() != null) {
            JsonObject empty = new JsonObject();
            snapshot.emptySections().forEach(empty::put);
            state.put("emptySections", empty);
        }
        if (snapshot.codeRows() != null) {
            state.put("rows", CodeRowsJson.write(snapshot.codeRows()));
        }
        return state;
    }

    public static Snapshot snapshot(long version, JsonObject state) {
        Map<CellRef, InputCell> inputs = new HashMap<>();
        for (Object item : state.getJsonArray("inputs", new JsonArray())) {
            JsonObject input = (JsonObject) item;
            JsonObject by = input.getJsonObject("by");
            inputs.put(cell(input.getJsonObject("cell")), new InputCell(money(input.getString("value")),
                    input.getInteger("rev"), by == null ? null : new Actor(by.getLong("id"), by.getString("name"))));
        }
        JsonObject rows = state.getJsonObject("rows");
        return new Snapshot(version, rows == null ? null : CodeRowsJson.read(rows),
                CodeRowsJson.readNotes(state.getJsonObject("emptySections", new JsonObject())), inputs);
    }

    private static JsonObject cell(CellRef ref) {
        return new JsonObject().put("section", ref.section()).put("row", ref.row()).put("column", ref.column());
    }

    private static CellRef cell(JsonObject json) {
        return new CellRef(json.getString("section"), json.getString("row"), json.getString("column"));
    }

    private static String yuan(Money money) {
        return money == null ? null : money.toYuanString();
    }

    /**
     * Stored amounts may exceed the wire's 15 integer digits (a total of large inputs), so they are
     * read exactly but without the wire limit.
     */
    private static Money money(String yuan) {
        return yuan == null ? null : Money.ofFen(new java.math.BigDecimal(yuan).movePointRight(2).longValueExact());
    }
}
