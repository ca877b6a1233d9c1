package io.yusuan.transport.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.yusuan.domain.ErrorCode;

/** Strict reading of JSON request bodies: a wrong or missing field is BAD_MESSAGE, never a 500. */
final class JsonBodies {

    private JsonBodies() {
    }

    static JsonObject object(RoutingContext ctx) {
        try {
            JsonObject body = ctx.body().asJsonObject();
            if (body == null) {
                throw new ApiException(ErrorCode.BAD_MESSAGE, "请求体必须是 JSON 对象");
            }
            return body;
        } catch (RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(ErrorCode.BAD_MESSAGE, "请求体必须是 JSON 对象");
        }
    }

    static String string(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (!(value instanceof String text) || text.isBlank() || text.length() > 200) {
            throw new ApiException(ErrorCode.BAD_MESSAGE, "字段 " + field + " 必须是非空字符串");
        }
        return text;
    }

    static int integer(JsonObject body, String field) {
        Object value = body.getValue(field);
        if (!(value instanceof Integer number)) {
            throw new ApiException(ErrorCode.BAD_MESSAGE, "字段 " + field + " 必须是整数");
        }
        return number;
    }

    static long pathId(RoutingContext ctx, String name) {
        try {
            return Long.parseLong(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, "没有这个编号：" + ctx.pathParam(name));
        }
    }
}
