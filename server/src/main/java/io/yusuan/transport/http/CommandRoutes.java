package io.yusuan.transport.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.yusuan.domain.ErrorCode;
import io.yusuan.room.RoomRegistry;
import io.yusuan.transport.ws.protocol.ClientMessage;
import io.yusuan.transport.ws.protocol.DecodeException;
import io.yusuan.transport.ws.protocol.WireDecoder;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Changes over HTTP, through the same room mailbox as the WebSocket (docs/protocol.md «Commands
 * over HTTP»): POST /api/documents/{id}/commands takes any change message of the socket protocol
 * (edit, editText, addRow, removeRow, markEmpty, workflow, comment); POST …/workflow is the
 * workflow message without the envelope. 200 {version, clientOpId} after the commit, else the
 * typed error with the status of its code.
 */
final class CommandRoutes {

    private static final long ANSWER_TIMEOUT_SECONDS = 30;

    private final RoomRegistry rooms;
    private final DocumentAccess access;

    CommandRoutes(RoomRegistry rooms, DocumentAccess access) {
        this.rooms = rooms;
        this.access = access;
    }

    void mount(Router router) {
        router.post("/api/documents/:id/commands").handler(ctx -> run(ctx, JsonBodies.object(ctx)));
        router.post("/api/documents/:id/workflow").handler(ctx -> {
            JsonObject body = JsonBodies.object(ctx).copy().put("type", "workflow");
            run(ctx, body);
        });
    }

    private void run(RoutingContext ctx, JsonObject body) {
        long id = JsonBodies.pathId(ctx, "id");
        JsonObject message = body.copy().put("doc", id);
        if (!message.containsKey("clientOpId")) {
            message.put("clientOpId", "http-" + UUID.randomUUID());
        }
        ClientMessage decoded;
        try {
            decoded = WireDecoder.decode(message.encode());
        } catch (DecodeException e) {
            throw new ApiException(ErrorCode.BAD_MESSAGE, e.getMessage());
        }
        if (!(decoded instanceof ClientMessage.Change change)) {
            throw new ApiException(ErrorCode.BAD_MESSAGE, "这里只接受修改类消息（edit、editText、addRow、removeRow、markEmpty、"
                    + "workflow、comment）");
        }
        HttpCommand command = new HttpCommand(AuthRoutes.user(ctx));
        access.role(ctx, id)
                .compose(role -> rooms.open(id))
                .compose(room -> {
                    room.command(command, change.requestId(), change.command());
                    return command.answer().timeout(ANSWER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                })
                .onSuccess(answer -> reply(ctx, answer))
                .onFailure(err -> ctx.fail(err instanceof java.util.concurrent.TimeoutException
                        ? new ApiException(ErrorCode.UNAVAILABLE, "服务器没有及时答复，请查看文档后重试") : err));
    }

    private static void reply(RoutingContext ctx, JsonObject answer) {
        if (!HttpCommand.acknowledged(answer)) {
            HttpCommand.sendRefusal(ctx, answer);
            return;
        }
        ctx.json(new JsonObject().put("version", answer.getLong("version")).put("clientOpId", answer.getString("clientOpId")));
    }
}
