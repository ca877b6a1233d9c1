package io.yusuan.transport.ws.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.CalcChange;
import io.yusuan.domain.CellChange;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.Rejection;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.room.DocumentView;
import io.yusuan.room.PresenceEntry;
import io.yusuan.room.RoomEncoder;
import io.yusuan.store.Catalog.DocumentInfo;
import java.util.List;
import java.util.Map;

/**
 * Server → client messages of the wire contract (docs/protocol.md). Amounts always travel as 元
 * strings with two decimals, or null for an empty cell.
 */
public final class WireEncoder implements RoomEncoder {

    @Override
    public String applied(long documentId, AppliedEvent event) {
        return appliedJson(documentId, event).encode();
    }

    @Override
    public String ack(String requestId, long documentId, long version, String clientOpId) {
        return message("ack", requestId).put("doc", documentId).put("version", version)
                .put("clientOpId", clientOpId).encode();
    }

    @Override
    public String rejected(String requestId, long documentId, String clientOpId, Rejection rejection) {
        return message("rejected", requestId).put("doc", documentId).put("clientOpId", clientOpId)
                .put("code", rejection.code().name()).put("message", rejection.message())
                .put("details", details(rejection.details())).encode();
    }

    @Override
    public String snapshot(String requestId, DocumentView view) {
        return message("snapshot", requestId).put("doc", view.info().id()).put("version", view.state().version())
                .put("document", document(view)).encode();
    }

    @Override
    public String catchup(String requestId, long documentId, List<AppliedEvent> events) {
        JsonArray applied = new JsonArray();
        events.forEach(e -> applied.add(appliedJson(documentId, e)));
        return message("catchup", requestId).put("doc", documentId).put("events", applied).encode();
    }

    @Override
    public String presence(long documentId, List<PresenceEntry> users) {
        JsonArray list = new JsonArray();
        for (PresenceEntry user : users) {
            list.add(new JsonObject().put("id", user.actor().id()).put("name", user.actor().name())
                    .put("cell", user.cell() == null ? null : cell(user.cell())).put("section", user.section())
                    .put("role", user.role() == null ? null : user.role().wireName()));
        }
        return new JsonObject().put("type", "presence").put("doc", documentId).put("users", list).encode();
    }

    /** A frame-level error: the frame could not be decoded as a known message. */
    public String error(String requestId, ErrorCode code, String text) {
        JsonObject error = new JsonObject().put("type", "error");
        if (requestId != null) {
            error.put("requestId", requestId);
        }
        return error.put("code", code.name()).put("message", text).encode();
    }

    /** The document object carried by {@code snapshot} and returned by GET /api/documents/{id}. */
    public JsonObject document(DocumentView view) {
        return DocumentJson.document(view);
    }

    /** The list entry of a document (GET /api/documents). */
    public static JsonObject summary(DocumentInfo info) {
        return new JsonObject().put("id", info.id()).put("title", info.title()).put("unit", info.unit())
                .put("year", info.year()).put("template", info.templateId());
    }

    private static JsonObject appliedJson(long documentId, AppliedEvent event) {
        JsonArray changes = new JsonArray();
        for (CellChange change : event.changes()) {
            changes.add(new JsonObject().put("cell", cell(change.cell())).put("value", yuan(change.value()))
                    .put("rev", change.rev()).put("by", actor(change.by())));
        }
        JsonArray calc = new JsonArray();
        for (CalcChange change : event.calc()) {
            calc.add(new JsonObject().put("cell", cell(change.cell())).put("value", yuan(change.value())));
        }
        JsonObject applied = new JsonObject().put("type", "applied").put("doc", documentId)
                .put("version", event.version()).put("by", actor(event.by())).put("clientOpId", event.clientOpId())
                .put("at", event.at().toString());
        if (!event.marks().isEmpty()) {
            JsonArray marks = new JsonArray();
            event.marks().forEach(m -> marks.add(new JsonObject().put("section", m.section()).put("empty", m.empty())
                    .put("note", m.note())));
            applied.put("sections", marks);
        }
        if (!event.rows().isEmpty()) {
            JsonArray rows = new JsonArray();
            event.rows().forEach(r -> rows.add(new JsonObject().put("section", r.section()).put("code", r.code())
                    .put("name", r.name()).put("change", r.added() ? "added" : "removed").put("kind", r.kind())
                    .put("parent", r.parent())));
            applied.put("rows", rows);
        }
        if (!event.texts().isEmpty()) {
            JsonArray texts = new JsonArray();
            event.texts().forEach(t -> texts.add(new JsonObject().put("cell", cell(t.cell())).put("text", t.text())
                    .put("rev", t.rev()).put("by", actor(t.by()))));
            applied.put("texts", texts);
        }
        if (!event.workflow().isEmpty()) {
            JsonArray steps = new JsonArray();
            event.workflow().forEach(w -> steps.add(new JsonObject().put("section", w.section())
                    .put("action", w.action().wireName()).put("from", w.from().wireName()).put("to", w.to().wireName())
                    .put("comment", w.comment())));
            applied.put("workflow", steps);
        }
        if (!event.comments().isEmpty()) {
            JsonArray notes = new JsonArray();
            event.comments().forEach(c -> notes.add(new JsonObject().put("action", c.kind().wireName())
                    .put("thread", c.thread()).put("comment", c.comment()).put("anchor", WireJson.anchor(c.anchor()))
                    .put("text", c.text())));
            applied.put("comments", notes);
        }
        if (event.approval() != null) {
            applied.put("approvedVersion", WireJson.version(event.approval().version()));
        }
        if (event.replaced() != null) {
            applied.put("replaced", new JsonArray(event.replaced().sections()));
        }
        if (event.reason() != null) {
            applied.put("reason", event.reason());
        }
        return applied
                .put("changes", changes).put("calc", calc).put("checks", checkChanges(event));
    }

    /** The current rule results (snapshot, GET …/checks). */
    public static JsonArray checks(BudgetState state) {
        JsonArray list = new JsonArray();
        state.violations().forEach(r -> list.add(WireJson.check(r)));
        return list;
    }

    private static JsonArray checkChanges(AppliedEvent event) {
        JsonArray list = new JsonArray();
        for (CheckChange change : event.checks()) {
            list.add(WireJson.check(change.result()).put("status", change.resolved() ? "resolved" : "violated"));
        }
        return list;
    }

    private static JsonObject message(String type, String requestId) {
        return new JsonObject().put("type", type).put("requestId", requestId);
    }

    private static JsonObject details(Map<String, Object> details) {
        JsonObject json = new JsonObject();
        details.forEach((key, value) -> json.put(key, plain(value)));
        return json;
    }

    private static Object plain(Object value) {
        if (value instanceof Money money) {
            return money.toYuanString();
        }
        if (value instanceof Actor actor) {
            return actor(actor);
        }
        if (value instanceof CellRef ref) {
            return cell(ref);
        }
        return value;
    }

    static JsonObject cell(CellRef ref) {
        return WireJson.cell(ref);
    }

    private static JsonObject actor(Actor actor) {
        return WireJson.actor(actor);
    }

    private static String yuan(Money money) {
        return WireJson.yuan(money);
    }
}
