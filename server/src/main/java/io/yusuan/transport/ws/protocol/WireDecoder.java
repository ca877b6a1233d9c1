package io.yusuan.transport.ws.protocol;

import io.vertx.core.json.JsonObject;
import io.yusuan.domain.AddRow;
import io.yusuan.domain.CommentCommand;
import io.yusuan.domain.EditText;
import io.yusuan.domain.WorkflowCommand;
import io.yusuan.domain.comments.CommentAnchor;
import io.yusuan.domain.comments.CommentChange;
import io.yusuan.domain.workflow.WorkflowAction;
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
    /** A 说明 chapter may be long; the frame limit (64 KiB) bounds it too. */
    private static final int MAX_TEXT_LENGTH = 20_000;
    private static final int MAX_REASON_LENGTH = 500;
    private static final int MAX_COMMENT_LENGTH = 500;

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
                    key(json, "section", requestId), optionalKey(json, "code", requestId),
                    optionalString(json, "name", requestId), optionalKey(json, "kind", requestId),
                    optionalKey(json, "parent", requestId), clientOpId(json, requestId)));
            case "editText" -> editText(json, requestId);
            case "workflow" -> workflow(json, requestId);
            case "comment" -> comment(json, requestId);
            case "markEmpty" -> new ClientMessage.Change(requestId, doc(json, requestId), new MarkSectionEmpty(
                    key(json, "section", requestId), bool(json, "empty", requestId), note(json, requestId),
                    clientOpId(json, requestId)));
            case "removeRow" -> new ClientMessage.Change(requestId, doc(json, requestId), new RemoveRow(
                    key(json, "section", requestId), key(json, "row", requestId), clientOpId(json, requestId)));
            case "focus" -> new ClientMessage.Focus(requestId, doc(json, requestId),
                    json.getValue("cell") == null ? null : cell(json, requestId), optionalKey(json, "section", requestId));
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
        return new ClientMessage.Change(requestId, doc, new EditCell(cell, (String) value, baseRev(json, requestId),
                text(json, "reason", MAX_REASON_LENGTH, requestId), clientOpId));
    }

    private static ClientMessage editText(JsonObject json, String requestId) throws DecodeException {
        long doc = doc(json, requestId);
        String clientOpId = clientOpId(json, requestId);
        CellRef cell = cell(json, requestId);
        if (!(json.getValue("text") instanceof String text)) {
            throw new DecodeException(requestId, "text 必须是字符串（清空请传 \"\"）");
        }
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new DecodeException(requestId, "text 超过 " + MAX_TEXT_LENGTH + " 个字符");
        }
        return new ClientMessage.Change(requestId, doc, new EditText(cell, text, baseRev(json, requestId),
                text(json, "reason", MAX_REASON_LENGTH, requestId), clientOpId));
    }

    /** The fixed workflow message: section (null for approve_document), action, comment. */
    private static ClientMessage workflow(JsonObject json, String requestId) throws DecodeException {
        long doc = doc(json, requestId);
        String clientOpId = clientOpId(json, requestId);
        Object action = json.getValue("action");
        WorkflowAction parsed = action instanceof String name ? WorkflowAction.fromWire(name).orElse(null) : null;
        if (parsed == null) {
            throw new DecodeException(requestId, "action 必须是 submit、recall、return、approve、reopen 或 approve_document");
        }
        String section = json.getValue("section") == null ? null : key(json, "section", requestId);
        if (section == null && parsed != WorkflowAction.APPROVE_DOCUMENT) {
            throw new DecodeException(requestId, "section 必须是表的 key（只有 approve_document 不带表）");
        }
        return new ClientMessage.Change(requestId, doc, new WorkflowCommand(section, parsed,
                text(json, "comment", MAX_COMMENT_LENGTH, requestId), clientOpId));
    }

    /** 批注: open (anchor + text), reply (thread + text), resolve / reopen (thread). */
    private static ClientMessage comment(JsonObject json, String requestId) throws DecodeException {
        long doc = doc(json, requestId);
        String clientOpId = clientOpId(json, requestId);
        CommentChange.Kind kind = switch (String.valueOf(json.getValue("action"))) {
            case "open" -> CommentChange.Kind.OPENED;
            case "reply" -> CommentChange.Kind.REPLIED;
            case "resolve" -> CommentChange.Kind.RESOLVED;
            case "reopen" -> CommentChange.Kind.REOPENED;
            default -> throw new DecodeException(requestId, "action 必须是 open、reply、resolve 或 reopen");
        };
        CommentAnchor anchor = null;
        if (kind == CommentChange.Kind.OPENED) {
            if (!(json.getValue("anchor") instanceof JsonObject at)) {
                throw new DecodeException(requestId, "anchor 必须是 {section, row?, column?} 对象");
            }
            String row = optionalKey(at, "row", requestId);
            String column = optionalKey(at, "column", requestId);
            if ((row == null) != (column == null)) {
                throw new DecodeException(requestId, "anchor 要么只有 section，要么同时有 row 和 column");
            }
            anchor = new CommentAnchor(key(at, "section", requestId), row, column);
        }
        String thread = kind == CommentChange.Kind.OPENED ? null : key(json, "thread", requestId);
        return new ClientMessage.Change(requestId, doc, new CommentCommand(kind, anchor, thread,
                text(json, "text", MAX_TEXT_LENGTH, requestId), clientOpId));
    }

    private static int baseRev(JsonObject json, String requestId) throws DecodeException {
        Object baseRev = json.getValue("baseRev");
        if (!(baseRev instanceof Integer || baseRev instanceof Long) || ((Number) baseRev).longValue() < 0
                || ((Number) baseRev).longValue() > Integer.MAX_VALUE) {
            throw new DecodeException(requestId, "baseRev 必须是非负整数");
        }
        return ((Number) baseRev).intValue();
    }

    private static String text(JsonObject json, String field, int max, String requestId) throws DecodeException {
        Object value = json.getValue(field);
        if (value != null && (!(value instanceof String text) || text.length() > max)) {
            throw new DecodeException(requestId, field + " 必须是不超过 " + max + " 个字符的字符串");
        }
        return (String) value;
    }

    private static String optionalKey(JsonObject json, String field, String requestId) throws DecodeException {
        return json.getValue(field) == null ? null : key(json, field, requestId);
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
