package io.yusuan.transport.http;

import static io.yusuan.transport.ws.protocol.WireJson.actor;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.CellChange;
import io.yusuan.domain.RowChange;
import io.yusuan.domain.comments.CommentChange;
import io.yusuan.domain.workflow.WorkflowChange;

/** One line of the activity feed per version, in Chinese, with the structured facts beside it. */
final class ActivityText {

    private ActivityText() {
    }

    static JsonObject entry(AppliedEvent event, ChangeLabels labels) {
        return new JsonObject().put("version", event.version()).put("at", event.at().toString())
                .put("by", actor(event.by())).put("type", event.type()).put("reason", event.reason())
                .put("summary", summary(event, labels)).put("cells", cells(event, labels));
    }

    private static JsonArray cells(AppliedEvent event, ChangeLabels labels) {
        JsonArray cells = new JsonArray();
        event.changes().stream().limit(20).forEach(c -> cells.add(labels.describe(c.cell())
                .put("old", c.previous() == null ? null : c.previous().toYuanString())
                .put("new", c.value() == null ? null : c.value().toYuanString())));
        event.texts().stream().limit(20).forEach(t -> cells.add(labels.describe(t.cell()).put("text", true)));
        return cells;
    }

    static String summary(AppliedEvent event, ChangeLabels labels) {
        if (event.approval() != null) {
            return "批准第 " + event.approval().version().number() + " 版（" + event.approval().version().hash() + "）";
        }
        if (event.replaced() != null) {
            return "导入了 " + event.replaced().sections().size() + " 张表（" + event.changes().size() + " 个数、"
                    + event.texts().size() + " 段文字）";
        }
        if (!event.workflow().isEmpty()) {
            WorkflowChange step = event.workflow().get(0);
            return action(step) + " " + labels.section(step.section())
                    + (step.comment() == null ? "" : "：" + step.comment());
        }
        if (!event.comments().isEmpty()) {
            CommentChange note = event.comments().get(0);
            return switch (note.kind()) {
                case OPENED -> "批注 " + (note.anchor().onCell() ? labels.cell(note.anchor().cell())
                        : labels.section(note.anchor().section())) + "：" + note.text();
                case REPLIED -> "回复批注：" + note.text();
                case RESOLVED -> "关闭了一条批注";
                case REOPENED -> "重新打开了一条批注";
            };
        }
        if (!event.rows().isEmpty()) {
            RowChange row = event.rows().get(0);
            return (row.added() ? "添加 " : "删除 ") + labels.section(row.section()) + " 的行 " + row.code()
                    + (row.name() == null || row.name().isEmpty() ? "" : " " + row.name());
        }
        if (!event.marks().isEmpty()) {
            var mark = event.marks().get(0);
            return (mark.empty() ? "标记空表 " : "取消空表 ") + labels.section(mark.section());
        }
        if (event.changes().size() == 1) {
            CellChange change = event.changes().get(0);
            return "修改 " + labels.cell(change.cell()) + "：" + text(change.previous()) + " → " + text(change.value());
        }
        if (event.changes().isEmpty() && event.texts().size() == 1) {
            return "修改文字 " + labels.cell(event.texts().get(0).cell());
        }
        return "修改了 " + event.changes().size() + " 个数" + (event.texts().isEmpty() ? "" : "、" + event.texts().size()
                + " 段文字");
    }

    private static String text(io.yusuan.domain.budget.Money money) {
        return money == null ? "（空）" : money.toYuanString() + " 元";
    }

    private static String action(WorkflowChange step) {
        return switch (step.action()) {
            case SUBMIT -> "提交";
            case RECALL -> "撤回";
            case RETURN -> "退回";
            case APPROVE -> "批准";
            case REOPEN -> "重新打开";
            case APPROVE_DOCUMENT -> "批准预算";
        };
    }
}
