package io.yusuan.transport.http;

import static io.yusuan.transport.ws.protocol.WireJson.actor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.VersionContent;
import io.yusuan.domain.VersionDiff;
import io.yusuan.domain.workflow.VersionApproval;
import io.yusuan.room.DocumentView;
import io.yusuan.room.Room;
import io.yusuan.room.RoomRegistry;
import io.yusuan.store.EventLog;
import io.yusuan.templates.TemplateLibrary;
import io.yusuan.transport.ws.protocol.WireEncoder;
import io.yusuan.transport.ws.protocol.WireJson;

/**
 * Approved versions: the list (fixed by the protocol), one version opened read-only from its frozen
 * content, and cell-level diffs between two versions or a version and the current draft.
 */
final class VersionRoutes {

    private final RoomRegistry rooms;
    private final EventLog log;
    private final TemplateLibrary templates;
    private final WireEncoder encoder;
    private final DocumentAccess access;

    VersionRoutes(RoomRegistry rooms, EventLog log, TemplateLibrary templates, WireEncoder encoder,
                  DocumentAccess access) {
        this.rooms = rooms;
        this.log = log;
        this.templates = templates;
        this.encoder = encoder;
        this.access = access;
    }

    void mount(Router router) {
        router.get("/api/documents/:id/versions").handler(this::list);
        router.get("/api/documents/:id/versions/:n").handler(this::open);
        router.get("/api/documents/:id/versions/:n/diff").handler(this::diff);
    }

    private void list(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        access.role(ctx, id).compose(role -> rooms.open(id)).compose(room -> room.read(state -> {
            JsonArray list = new JsonArray();
            state.workflow().versions().forEach(v -> list.add(WireJson.version(v)));
            return list;
        })).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    /** Version n as a read-only document object, built from the content frozen at approval. */
    private void open(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        int number = versionNumber(ctx.pathParam("n"));
        access.role(ctx, id).compose(role -> rooms.open(id).compose(room -> approved(id, number).map(approval -> {
            BudgetState frozen = BudgetState.frozen(templates.factoryFor(room.info()), approval.content(),
                    approval.version().documentVersion());
            return encoder.document(new DocumentView(room.info(), frozen, role, true))
                    .put("version", approval.version().documentVersion())
                    .put("approvedVersion", WireJson.version(approval.version()));
        }))).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    /** ?against=m (another version) or ?against=draft (the document now; the default). */
    private void diff(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        int number = versionNumber(ctx.pathParam("n"));
        String against = ctx.request().getParam("against", "draft");
        access.role(ctx, id).compose(role -> rooms.open(id)).compose(room -> approved(id, number).compose(base -> {
            Future<VersionContent> other = "draft".equals(against)
                    ? room.read(BudgetState::content)
                    : approved(id, versionNumber(against)).map(VersionApproval::content);
            return other.compose(content -> labels(room).map(labels -> {
                boolean later = "draft".equals(against) || versionNumber(against) > number;
                VersionDiff diff = later ? VersionDiff.between(base.content(), content)
                        : VersionDiff.between(content, base.content());
                return json(diff, labels).put("from", later ? number : against).put("to", later ? against : number);
            }));
        })).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private Future<ChangeLabels> labels(Room room) {
        return room.read(state -> new ChangeLabels(state.layout()));
    }

    private Future<VersionApproval> approved(long id, int number) {
        return log.approvedVersion(id, number).compose(found -> found.isPresent() ? Future.succeededFuture(found.get())
                : Future.failedFuture(new ApiException(ErrorCode.NOT_FOUND, "没有第 " + number + " 版")));
    }

    private static JsonObject json(VersionDiff diff, ChangeLabels labels) {
        JsonArray cells = new JsonArray();
        for (VersionDiff.CellDifference d : diff.cells()) {
            JsonObject cell = labels.describe(d.cell()).put("by", actor(d.by()));
            if (d.textBefore() != null || d.textAfter() != null) {
                cell.put("kind", "text").put("before", d.textBefore()).put("after", d.textAfter());
            } else {
                cell.put("kind", "amount").put("before", WireJson.yuan(d.before())).put("after", WireJson.yuan(d.after()));
            }
            cells.add(cell);
        }
        JsonArray rows = new JsonArray();
        diff.rows().forEach(r -> rows.add(new JsonObject().put("section", r.section()).put("table", labels.section(r.section()))
                .put("code", r.code()).put("name", r.name()).put("change", r.added() ? "added" : "removed")));
        JsonArray empty = new JsonArray();
        diff.emptyChanged().forEach(s -> empty.add(new JsonObject().put("section", s).put("table", labels.section(s))));
        return new JsonObject().put("cells", cells).put("rows", rows).put("emptyChanged", empty);
    }

    static int versionNumber(String text) {
        try {
            int n = Integer.parseInt(text);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "没有这个版本：" + text);
        }
    }
}
