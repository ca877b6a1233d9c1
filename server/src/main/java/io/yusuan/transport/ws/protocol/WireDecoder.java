package io.yusuan.transport.ws.protocol;

import io.vertx.core.json.JsonObject;
import io.yusuan.domain.AddRow;
import io.yusuan.domain.EditCell;
import io.yusuan.domain.MarkSectionEmpty;
import io.yusuan.domain.RemoveRow;
import io.yusuan.domain.budget.CellRef;

/**
 * Strict decoding of client frames: one JSON object with a known {@code type}, every required field
 * present with the right JSON type. Unknown extra fields are ignored so that clients may send
 * fields of later protocol versions. Anything else is a {@link DecodeException} and never reaches
 * a room.
 */
public final class WireDecoder {

    private static final int MAX_ID_LENGTH = 128;
    private static final int MAX_KEY_LENGTH = 64;

    private WireDecoder() {
    }

    public static ClientMessage decode(String frame) throws DecodeException {
        JsonObject json;
        try {
            json = new JsonObject(frame);
        } catch (RuntimeException e) {
            throw new DecodeException(null, "不是 JSON 对象");
        }
        String requestId = optionalString(json, "requestId", null);
        Object type = json.getValue("type");
        if (!(type instanceof String name)) {
            throw new DecodeException(requestId, "缺少 type 字段");
        }
        return switch (name) {
            case "subscribe" -> new ClientMessage.Subscribe(requestId, doc(json, requestId),
                    optionalVersion(json, requestId));
            case "unsubscribe" -> new ClientMessage.Unsubscribe(requestId, doc(json, requestId));
            case "edit" -> edit(json, requestId);
            case "addRow" -> new ClientMessage.Change(requestId, doc(json, requestId), new AddRow(
                    key(json, "section", requestId), key(json, "code", requestId),
                    optionalString(json, "name", requestId), clientOpId(json, requestId)));
            case "markEmpty" -> new ClientMessage.Change(requestId, doc(json, requestId), new MarkSectionEmpty(
                    key(json, "section", requestId), bool(json, "empty", requestId), note(json, requestId),
                    clientOpId(json, requestId)));
            case "removeRow" -> new ClientMessage.Change(requestId, doc(json, requestId), new RemoveRow(
                    key(json, "section", requestId), key(json, "row", requestId), clientOpId(json, requestId)));
            case "focus" -> new ClientMessage.Focus(requestId, doc(json, requestId),
                    json.getValue("cell") == null ? null : cell(json, requestId));
            default -> throw new DecodeException(requestId, "未知的消息类型：" + truncate(name));
        };
    }

    private static ClientMessage edit(JsonObject json, String requestId) throws DecodeException {
        long doc = doc(json, requestId);
        String clientOpId = clientOpId(json, requestId);
        CellRef cell = cell(json, requestId);
        if (!json.containsKey("value")) {
            throw new DecodeException(requestId, "缺少 value 字段（清空请传 null）");
        }
        Object value = json.getValue("value");
        if (value != null && !(value instanceof String)) {
            throw new DecodeException(requestId, "value 必须是十进制字符串或 null");
        }
        Object baseRev = json.getValue("baseRev");
        if (!(baseRev instanceof Integer || baseRev instanceof Long) || ((Number) baseRev).longValue() < 0
                || ((Number) baseRev).longValue() > Integer.MAX_VALUE) {
            throw new DecodeException(requestId, "baseRev 必须是非负整数");
        }
        return new ClientMessage.Change(requestId, doc,
                new EditCell(cell, (String) value, ((Number) baseRev).intValue(), clientOpId));
    }

    /** A 空表 note: up to 200 characters (the decider checks it is not blank when marking). */
    private static String note(JsonObject json, String requestId) throws DecodeException {
        Object value = json.getValue("note");
        if (value != null && (!(value instanceof String text) || text.length() > 200)) {
            throw new DecodeException(requestId, "note 必须是不超过 200 个字符的字符串");
        }
        return (String) value;
    }

    private static boolean bool(JsonObject json, String field, String requestId) throws DecodeException {
        if (!(json.getValue(field) instanceof Boolean value)) {
            throw new DecodeException(requestId, field + " 必须是 true 或 false");
        }
        return value;
    }

    private static String clientOpId(JsonObject json, String requestId) throws DecodeException {
        String clientOpId = optionalString(json, "clientOpId", requestId);
        if (clientOpId == null || clientOpId.isEmpty() || clientOpId.length() > MAX_ID_LENGTH) {
            throw new DecodeException(requestId, "clientOpId 必须是 1–128 个字符的字符串");
        }
        return clientOpId;
    }

    private static long doc(JsonObject json, String requestId) throws DecodeException {
        Object doc = json.getValue("doc");
        if (!(doc instanceof Integer || doc instanceof Long) || ((Number) doc).longValue() <= 0) {
            throw new DecodeException(requestId, "doc 必须是正整数");
        }
        return ((Number) doc).longValue();
    }

    private static Long optionalVersion(JsonObject json, String requestId) throws DecodeException {
        Object since = json.getValue("since");
        if (since == null) {
            return null;
        }
        if (!(since instanceof Integer || since instanceof Long) || ((Number) since).longValue() < 0) {
            throw new DecodeException(requestId, "since 必须是 null 或非负整数");
        }
        return ((Number) since).longValue();
    }

    private static CellRef cell(JsonObject json, String requestId) throws DecodeException {
        Object cell = json.getValue("cell");
        if (!(cell instanceof JsonObject ref)) {
            throw new DecodeException(requestId, "cell 必须是 {section,row,column} 对象");
        }
        return new CellRef(key(ref, "section", requestId), key(ref, "row", requestId), key(ref, "column", requestId));
    }

    private static String key(JsonObject ref, String field, String requestId) throws DecodeException {
        Object value = ref.getValue(field);
        if (!(value instanceof String text) || text.isEmpty() || text.length() > MAX_KEY_LENGTH) {
            throw new DecodeException(requestId, field + " 必须是 1–64 个字符的字符串");
        }
        return text;
    }

    private static String optionalString(JsonObject json, String field, String requestId) throws DecodeException {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.length() > MAX_ID_LENGTH) {
            throw new DecodeException(requestId, field + " 必须是不超过 128 个字符的字符串");
        }
        return text;
    }

    private static String truncate(String text) {
        return text.length() > 32 ? text.substring(0, 32) + "…" : text;
    }
}
