package io.yusuan.transport.ws.protocol;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.comments.Comment;
import io.yusuan.domain.comments.CommentAnchor;
import io.yusuan.domain.comments.CommentThread;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.workflow.ApprovedVersion;
import io.yusuan.domain.workflow.SectionFlow;
import java.time.Instant;

/** The JSON forms the wire shares between frames and the document object (docs/protocol.md). */
public final class WireJson {

    private WireJson() {
    }

    public static JsonObject cell(CellRef ref) {
        return new JsonObject().put("section", ref.section()).put("row", ref.row()).put("column", ref.column());
    }

    public static JsonObject actor(Actor actor) {
        return actor == null ? null : new JsonObject().put("id", actor.id()).put("name", actor.name());
    }

    public static String yuan(Money money) {
        return money == null ? null : money.toYuanString();
    }

    public static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    public static JsonObject anchor(CommentAnchor anchor) {
        return anchor == null ? null : new JsonObject().put("section", anchor.section()).put("row", anchor.row())
                .put("column", anchor.column());
    }

    public static JsonObject check(RuleResult result) {
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

    public static JsonObject flow(SectionFlow flow) {
        return new JsonObject().put("status", flow.status().wireName()).put("label", flow.status().label())
                .put("by", actor(flow.by())).put("at", instant(flow.at())).put("comment", flow.comment())
                .put("reopened", flow.reopened());
    }

    public static JsonObject version(ApprovedVersion version) {
        return new JsonObject().put("number", version.number()).put("version", version.documentVersion())
                .put("approvedBy", actor(version.approvedBy())).put("approvedAt", instant(version.approvedAt()))
                .put("comment", version.comment()).put("hash", version.hash());
    }

    public static JsonObject thread(CommentThread thread) {
        JsonArray comments = new JsonArray();
        for (Comment c : thread.comments()) {
            comments.add(new JsonObject().put("id", c.id()).put("by", actor(c.by())).put("at", instant(c.at()))
                    .put("text", c.text()));
        }
        return new JsonObject().put("id", thread.id()).put("anchor", anchor(thread.anchor())).put("comments", comments)
                .put("resolved", thread.resolved()).put("resolvedBy", actor(thread.resolvedBy()))
                .put("resolvedAt", instant(thread.resolvedAt()));
    }
}
