package io.yusuan.transport.http;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.yusuan.domain.ErrorCode;
import io.yusuan.auth.AuthUser;
import io.yusuan.domain.budget.Actor;
import io.yusuan.room.Subscriber;
import java.util.UUID;

/**
 * One command sent over HTTP, seen by the room as a short-lived connection: the room answers it
 * exactly as it answers a socket (ack after the commit, or rejected), and that answer becomes the
 * HTTP response. So HTTP and WebSocket share one decider, one lock check and one ordering.
 */
final class HttpCommand implements Subscriber {

    private final AuthUser user;
    private final String id = "http-" + UUID.randomUUID();
    private final Promise<JsonObject> answer = Promise.promise();

    HttpCommand(AuthUser user) {
        this.user = user;
    }

    Future<JsonObject> answer() {
        return answer.future();
    }

    static boolean acknowledged(JsonObject answer) {
        return "ack".equals(answer.getString("type"));
    }

    /** A {@code rejected} answer as the HTTP error of its code: status, {code, message, details}. */
    static void sendRefusal(RoutingContext ctx, JsonObject answer) {
        ErrorCode code = ErrorCode.valueOf(answer.getString("code"));
        JsonObject error = new JsonObject().put("code", code.name()).put("message", answer.getString("message"))
                .put("details", answer.getJsonObject("details"));
        ctx.response().setStatusCode(ErrorResponses.status(code))
                .putHeader("content-type", "application/json; charset=utf-8").end(error.encode());
    }

    @Override
    public String sessionId() {
        return id;
    }

    @Override
    public Actor actor() {
        return user.actor();
    }

    @Override
    public boolean globalAdmin() {
        return user.admin();
    }

    @Override
    public boolean connected() {
        return !answer.future().isComplete();
    }

    /** Only the reply to this command is of interest (a command never subscribes). */
    @Override
    public void send(String frame) {
        JsonObject message = new JsonObject(frame);
        String type = message.getString("type");
        if ("ack".equals(type) || "rejected".equals(type)) {
            answer.tryComplete(message);
        }
    }
}
