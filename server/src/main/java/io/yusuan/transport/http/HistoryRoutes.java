package io.yusuan.transport.http;

import static io.yusuan.transport.ws.protocol.WireJson.actor;
import static io.yusuan.transport.ws.protocol.WireJson.yuan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.CellChange;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.TextChange;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.room.RoomRegistry;
import io.yusuan.store.EventLog;
import io.yusuan.transport.ws.protocol.WireJson;

/**
 * The audit trail (留痕), read from the event log, never edited: a cell's history (old value, new
 * value, who, when, the reason when one was required), the document's activity feed, and the 批注.
 */
final class HistoryRoutes {

    private static final int MAX_HISTORY = 500;
    private static final int DEFAULT_ACTIVITY = 50;
    private static final int MAX_ACTIVITY = 200;

    private final RoomRegistry rooms;
    private final EventLog log;
    private final DocumentAccess access;

    HistoryRoutes(RoomRegistry rooms, EventLog log, DocumentAccess access) {
        this.rooms = rooms;
        this.log = log;
        this.access = access;
    }

    void mount(Router router) {
        router.get("/api/documents/:id/history").handler(this::cellHistory);
        router.get("/api/documents/:id/activity").handler(this::activity);
        router.get("/api/documents/:id/comments").handler(this::comments);
    }

    private void cellHistory(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        CellRef cell = new CellRef(param(ctx, "section"), param(ctx, "row"), param(ctx, "column"));
        access.role(ctx, id).compose(role -> log.cellHistory(id, cell, MAX_HISTORY)).onSuccess(events -> {
            JsonArray entries = new JsonArray();
            for (AppliedEvent event : events) {
                JsonObject entry = new JsonObject().put("version", event.version()).put("at", event.at().toString())
                        .put("by", actor(event.by())).put("type", event.type()).put("reason", event.reason());
                event.changes().stream().filter(c -> c.cell().equals(cell)).findFirst().ifPresent(c -> put(entry, c,
                        !event.rows().isEmpty()));
                event.texts().stream().filter(t -> t.cell().equals(cell)).findFirst().ifPresent(t -> put(entry, t,
                        !event.rows().isEmpty()));
                entries.add(entry);
            }
            ctx.json(new JsonObject().put("cell", WireJson.cell(cell)).put("entries", entries));
        }).onFailure(ctx::fail);
    }

    private static void put(JsonObject entry, CellChange change, boolean withRow) {
        entry.put("kind", withRow && change.value() == null ? "removed" : "value")
                .put("old", yuan(change.previous())).put("new", yuan(change.value())).put("rev", change.rev());
    }

    private static void put(JsonObject entry, TextChange change, boolean withRow) {
        entry.put("kind", withRow && change.text() == null ? "removed" : "text")
                .put("old", change.previous()).put("new", change.text()).put("rev", change.rev());
    }

    private void activity(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        long before = longParam(ctx, "before", Long.MAX_VALUE);
        int limit = (int) Math.min(MAX_ACTIVITY, longParam(ctx, "limit", DEFAULT_ACTIVITY));
        access.role(ctx, id).compose(role -> rooms.open(id))
                .compose(room -> room.read(state -> new ChangeLabels(state.layout())))
                .compose(labels -> log.activity(id, before, limit).map(events -> {
                    JsonArray feed = new JsonArray();
                    events.forEach(e -> feed.add(ActivityText.entry(e, labels)));
                    return feed;
                }))
                .onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private void comments(RoutingContext ctx) {
        long id = JsonBodies.pathId(ctx, "id");
        access.role(ctx, id).compose(role -> rooms.open(id)).compose(room -> room.read(state -> {
            JsonArray threads = new JsonArray();
            state.comments().threads().forEach(t -> threads.add(WireJson.thread(t)));
            return threads;
        })).onSuccess(ctx::json).onFailure(ctx::fail);
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.request().getParam(name);
        if (value == null || value.isBlank() || value.length() > 64) {
            throw new ApiException(ErrorCode.BAD_MESSAGE, "缺少参数 " + name + "（section、row、column 指定单元格）");
        }
        return value;
    }

    static long longParam(RoutingContext ctx, String name, long fallback) {
        String value = ctx.request().getParam(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed <= 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.BAD_MESSAGE, "参数 " + name + " 必须是正整数");
        }
    }
}
