package io.yusuan.transport.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.yusuan.domain.ErrorCode;
import io.yusuan.room.RoomNotFoundException;
import io.yusuan.room.RoomUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place where an error code becomes an HTTP status; never a stack trace to a client. */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {
    }

    public static int status(ErrorCode code) {
        return switch (code) {
            case BAD_MESSAGE -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND, UNKNOWN_CELL -> 404;
            case NOT_EDITABLE, STALE_CELL, INVALID_STATE, CONFLICT, ALREADY_APPLIED -> 409;
            case TOO_LARGE -> 413;
            case INVALID_VALUE, CHECKS_FAILED, INVALID_IMPORT -> 422;
            case SECTION_LOCKED -> 423;
            case RATE_LIMITED -> 429;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    public static void send(RoutingContext ctx, ErrorCode code, String message) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status(code)).putHeader("content-type", "application/json; charset=utf-8")
                .end(new JsonObject().put("code", code.name()).put("message", message).encode());
    }

    /** Router failure handler: maps what failed to a typed JSON error. */
    public static void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof ApiException api) {
            send(ctx, api.code(), api.getMessage());
        } else if (failure instanceof RoomNotFoundException) {
            send(ctx, ErrorCode.NOT_FOUND, "预算不存在");
        } else if (failure instanceof RoomUnavailableException || failure instanceof java.net.ConnectException) {
            send(ctx, ErrorCode.UNAVAILABLE, "服务暂时不可用，请稍后重试");
        } else if (failure instanceof HttpException http && http.getStatusCode() == 413) {
            send(ctx, ErrorCode.TOO_LARGE, "请求体太大");
        } else if (failure instanceof HttpException http && http.getStatusCode() < 500) {
            send(ctx, http.getStatusCode() == 401 ? ErrorCode.UNAUTHENTICATED : ErrorCode.BAD_MESSAGE,
                    "请求无效（HTTP " + http.getStatusCode() + "）");
        } else if (failure == null && ctx.statusCode() == 404) {
            send(ctx, ErrorCode.NOT_FOUND, "没有这个地址");
        } else if (failure == null && ctx.statusCode() < 500) {
            send(ctx, ErrorCode.BAD_MESSAGE, "请求无效（HTTP " + ctx.statusCode() + "）");
        } else {
            LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
            send(ctx, ErrorCode.INTERNAL, "服务器内部错误");
        }
    }
}
