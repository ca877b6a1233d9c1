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
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.SectionKind;
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
                    .put("cell", user.cell() == null ? null : cell(user.cell())));
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
        DocumentInfo info = view.info();
        BudgetState state = view.state();
        JsonArray sections = new JsonArray();
        for (SectionLayout section : state.layout().sections()) {
            sections.add(section(section, state));
        }
        return summary(info).put("version", state.version())
                .put("role", view.role() == null ? null : view.role().wireName())
                .put("templateTitle", state.layout().template().title())
                .put("displayUnit", state.layout().template().displayUnit())
                .put("sections", sections)
                .put("checks", checks(state))
                .put("workflow", new JsonObject());
    }

    /** The list entry of a document (GET /api/documents). */
    public static JsonObject summary(DocumentInfo info) {
        return new JsonObject().put("id", info.id()).put("title", info.title()).put("unit", info.unit())
                .put("year", info.year()).put("template", info.templateId());
    }

    private JsonObject section(SectionLayout section, BudgetState state) {
        JsonArray columns = new JsonArray();
        for (ColumnDef column : section.def().columns()) {
            columns.add(new JsonObject().put("key", column.key()).put("title", column.title())
                    .put("header", new JsonArray(column.header())).put("kind", column.kind().name().toLowerCase())
                    .put("computed", column.computedEverywhere()));
        }
        JsonArray rows = new JsonArray();
        for (RowLayout row : section.rows()) {
            JsonObject cells = new JsonObject();
            for (String column : row.columns()) {
                CellRef ref = new CellRef(section.key(), row.key(), column);
                state.layout().cell(ref).ifPresent(spec -> cells.put(column, cellJson(spec, state)));
            }
            rows.add(new JsonObject().put("key", row.key()).put("code", row.code()).put("label", row.label())
                    .put("level", row.level()).put("group", row.group()).put("total", row.totalRow())
                    .put("cells", cells));
        }
        return new JsonObject().put("key", section.key()).put("number", section.def().number())
                .put("title", section.def().title())
                .put("kind", section.def().kind() == SectionKind.CODE_TREE ? "codeTree" : "fixed")
                .put("codeSystem", section.def().codeSystem() == null ? null
                        : section.def().codeSystem().name().toLowerCase())
                .put("rowHeader", new JsonArray(section.def().rowHeader()))
                .put("empty", state.emptySections().containsKey(section.key())
                        ? new JsonObject().put("note", state.emptySections().get(section.key())) : null)
                .put("columns", columns).put("rows", rows);
    }

    private static JsonObject cellJson(CellSpec spec, BudgetState state) {
        if (!spec.isInput()) {
            return new JsonObject().put("value", yuan(state.valueOf(spec.ref()))).put("rev", 0)
                    .put("editable", false);
        }
        InputCell input = state.input(spec.ref());
        JsonObject json = new JsonObject().put("value", yuan(input.value())).put("rev", input.rev())
                .put("editable", true);
        if (input.by() != null) {
            json.put("by", actor(input.by()));
        }
        return json;
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
                    .put("name", r.name()).put("change", r.added() ? "added" : "removed")));
            applied.put("rows", rows);
        }
        return applied
                .put("changes", changes).put("calc", calc).put("checks", checkChanges(event));
    }

    /** The current rule results (snapshot, GET …/checks). */
    public static JsonArray checks(BudgetState state) {
        JsonArray list = new JsonArray();
        state.violations().forEach(r -> list.add(check(r)));
        return list;
    }

    private static JsonArray checkChanges(AppliedEvent event) {
        JsonArray list = new JsonArray();
        for (CheckChange change : event.checks()) {
            list.add(check(change.result()).put("status", change.resolved() ? "resolved" : "violated"));
        }
        return list;
    }

    private static JsonObject check(RuleResult result) {
        JsonArray cells = new JsonArray();
        result.cells().forEach(c -> cells.add(cell(c)));
        JsonObject details = new JsonObject();
        if (result.left() != null || result.right() != null) {
            details.put("left", yuan(result.left())).put("right", yuan(result.right()))
                    .put("difference", result.difference().toYuanString());
        }
        return new JsonObject().put("key", result.key()).put("rule", result.rule())
                .put("severity", result.severity().wireName()).put("message", result.message())
                .put("cells", cells).put("details", details);
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
        return new JsonObject().put("section", ref.section()).put("row", ref.row()).put("column", ref.column());
    }

    private static JsonObject actor(Actor actor) {
        return actor == null ? null : new JsonObject().put("id", actor.id()).put("name", actor.name());
    }

    private static String yuan(Money money) {
        return money == null ? null : money.toYuanString();
    }
}
