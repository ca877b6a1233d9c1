package io.yusuan.store;

import static io.yusuan.store.JsonForms.actor;
import static io.yusuan.store.JsonForms.anchor;
import static io.yusuan.store.JsonForms.array;
import static io.yusuan.store.JsonForms.cell;
import static io.yusuan.store.JsonForms.instant;
import static io.yusuan.store.JsonForms.money;
import static io.yusuan.store.JsonForms.yuan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.StateSnapshot;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.TextCell;
import io.yusuan.domain.comments.Comment;
import io.yusuan.domain.comments.CommentThread;
import io.yusuan.domain.workflow.ApprovedVersion;
import io.yusuan.domain.workflow.SectionFlow;
import io.yusuan.domain.workflow.SectionStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stored form of a snapshot (jsonb): everything a document holds that is not derived. */
public final class SnapshotCodec {

    private SnapshotCodec() {
    }

    public static JsonObject write(StateSnapshot snapshot) {
        JsonArray inputs = new JsonArray();
        snapshot.inputs().forEach((ref, cell) -> inputs.add(new JsonObject().put("cell", cell(ref))
                .put("value", yuan(cell.value())).put("rev", cell.rev()).put("by", actor(cell.by()))));
        JsonArray texts = new JsonArray();
        snapshot.texts().forEach((ref, cell) -> texts.add(new JsonObject().put("cell", cell(ref))
                .put("text", cell.text()).put("rev", cell.rev()).put("by", actor(cell.by()))));
        JsonObject empty = new JsonObject();
        snapshot.emptySections().forEach(empty::put);
        JsonObject workflow = new JsonObject();
        snapshot.workflow().forEach((section, flow) -> workflow.put(section, new JsonObject()
                .put("status", flow.status().name()).put("by", actor(flow.by())).put("at", instant(flow.at()))
                .put("comment", flow.comment()).put("reopened", flow.reopened())));
        JsonArray versions = new JsonArray();
        snapshot.versions().forEach(v -> versions.add(new JsonObject().put("number", v.number())
                .put("documentVersion", v.documentVersion()).put("by", actor(v.approvedBy()))
                .put("at", instant(v.approvedAt())).put("comment", v.comment()).put("hash", v.hash())));
        JsonArray threads = new JsonArray();
        for (CommentThread thread : snapshot.comments()) {
            JsonArray comments = new JsonArray();
            thread.comments().forEach(c -> comments.add(new JsonObject().put("id", c.id()).put("by", actor(c.by()))
                    .put("at", instant(c.at())).put("text", c.text())));
            threads.add(new JsonObject().put("id", thread.id()).put("anchor", anchor(thread.anchor()))
                    .put("comments", comments).put("resolved", thread.resolved())
                    .put("resolvedBy", actor(thread.resolvedBy())).put("resolvedAt", instant(thread.resolvedAt())));
        }
        JsonObject state = new JsonObject().put("inputs", inputs).put("texts", texts).put("emptySections", empty)
                .put("workflow", workflow).put("versions", versions).put("comments", threads);
        if (snapshot.codeRows() != null) {
            state.put("rows", CodeRowsJson.write(snapshot.codeRows()));
        }
        return state;
    }

    public static StateSnapshot read(long version, JsonObject state) {
        Map<CellRef, InputCell> inputs = new HashMap<>();
        for (Object item : array(state, "inputs")) {
            JsonObject input = (JsonObject) item;
            inputs.put(cell(input.getJsonObject("cell")), new InputCell(money(input.getString("value")),
                    input.getInteger("rev"), actor(input.getJsonObject("by"))));
        }
        Map<CellRef, TextCell> texts = new HashMap<>();
        for (Object item : array(state, "texts")) {
            JsonObject text = (JsonObject) item;
            texts.put(cell(text.getJsonObject("cell")), new TextCell(text.getString("text"), text.getInteger("rev"),
                    actor(text.getJsonObject("by"))));
        }
        Map<String, SectionFlow> workflow = new LinkedHashMap<>();
        state.getJsonObject("workflow", new JsonObject()).forEach(e -> {
            JsonObject flow = (JsonObject) e.getValue();
            workflow.put(e.getKey(), new SectionFlow(SectionStatus.valueOf(flow.getString("status")),
                    actor(flow.getJsonObject("by")), instant(flow.getString("at")), flow.getString("comment"),
                    flow.getBoolean("reopened", false)));
        });
        List<ApprovedVersion> versions = new ArrayList<>();
        for (Object item : array(state, "versions")) {
            JsonObject v = (JsonObject) item;
            versions.add(new ApprovedVersion(v.getInteger("number"), v.getLong("documentVersion"),
                    actor(v.getJsonObject("by")), instant(v.getString("at")), v.getString("comment"), v.getString("hash")));
        }
        List<CommentThread> threads = new ArrayList<>();
        for (Object item : array(state, "comments")) {
            JsonObject t = (JsonObject) item;
            List<Comment> comments = new ArrayList<>();
            for (Object c : array(t, "comments")) {
                JsonObject comment = (JsonObject) c;
                comments.add(new Comment(comment.getString("id"), actor(comment.getJsonObject("by")),
                        instant(comment.getString("at")), comment.getString("text")));
            }
            threads.add(new CommentThread(t.getString("id"), anchor(t.getJsonObject("anchor")), comments,
                    t.getBoolean("resolved", false), actor(t.getJsonObject("resolvedBy")),
                    instant(t.getString("resolvedAt"))));
        }
        JsonObject rows = state.getJsonObject("rows");
        return new StateSnapshot(version, rows == null ? null : CodeRowsJson.read(rows),
                CodeRowsJson.readNotes(state.getJsonObject("emptySections", new JsonObject())), inputs, texts, workflow,
                versions, threads);
    }
}
