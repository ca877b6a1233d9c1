package io.yusuan.store;

import static io.yusuan.store.JsonForms.actor;
import static io.yusuan.store.JsonForms.anchor;
import static io.yusuan.store.JsonForms.array;
import static io.yusuan.store.JsonForms.cell;
import static io.yusuan.store.JsonForms.money;
import static io.yusuan.store.JsonForms.yuan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.CalcChange;
import io.yusuan.domain.CellChange;
import io.yusuan.domain.CellEdit;
import io.yusuan.domain.RowChange;
import io.yusuan.domain.SectionMark;
import io.yusuan.domain.SectionsReplaced;
import io.yusuan.domain.TextChange;
import io.yusuan.domain.TextEdit;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.comments.CommentChange;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import io.yusuan.domain.workflow.ApprovedVersion;
import io.yusuan.domain.workflow.SectionStatus;
import io.yusuan.domain.workflow.VersionApproval;
import io.yusuan.domain.workflow.WorkflowAction;
import io.yusuan.domain.workflow.WorkflowChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The storage form of a version (jsonb). Kept apart from the wire codec so the log's format can
 * stay stable while the protocol grows. Amounts are stored as 元 strings, as on the wire. Fields
 * are written only when an event has them, and read with defaults, so older entries still load.
 */
public final class EventCodec {

    private EventCodec() {
    }

    public static JsonObject payload(AppliedEvent event) {
        JsonObject json = new JsonObject().put("actorName", event.by().name());
        JsonArray changes = new JsonArray();
        for (CellChange change : event.changes()) {
            changes.add(new JsonObject().put("cell", cell(change.cell())).put("value", yuan(change.value()))
                    .put("rev", change.rev()).put("previous", yuan(change.previous())));
        }
        json.put("changes", changes);
        JsonArray calc = new JsonArray();
        for (CalcChange change : event.calc()) {
            calc.add(new JsonObject().put("cell", cell(change.cell())).put("value", yuan(change.value())));
        }
        json.put("calc", calc).put("checks", checks(event.checks()));
        JsonArray rows = new JsonArray();
        event.rows().forEach(r -> rows.add(new JsonObject().put("section", r.section()).put("code", r.code())
                .put("name", r.name()).put("added", r.added()).put("kind", r.kind()).put("parent", r.parent())));
        json.put("rows", rows);
        JsonArray marks = new JsonArray();
        event.marks().forEach(m -> marks.add(new JsonObject().put("section", m.section()).put("empty", m.empty())
                .put("note", m.note())));
        json.put("marks", marks);
        if (!event.texts().isEmpty()) {
            JsonArray texts = new JsonArray();
            event.texts().forEach(t -> texts.add(new JsonObject().put("cell", cell(t.cell())).put("text", t.text())
                    .put("rev", t.rev()).put("previous", t.previous())));
            json.put("texts", texts);
        }
        if (!event.workflow().isEmpty()) {
            JsonArray steps = new JsonArray();
            event.workflow().forEach(w -> steps.add(new JsonObject().put("section", w.section())
                    .put("action", w.action().wireName()).put("from", w.from().name()).put("to", w.to().name())
                    .put("comment", w.comment())));
            json.put("workflow", steps);
        }
        if (!event.comments().isEmpty()) {
            JsonArray notes = new JsonArray();
            event.comments().forEach(c -> notes.add(new JsonObject().put("kind", c.kind().name())
                    .put("thread", c.thread()).put("comment", c.comment()).put("anchor", anchor(c.anchor()))
                    .put("text", c.text())));
            json.put("comments", notes);
        }
        if (event.approval() != null) {
            ApprovedVersion v = event.approval().version();
            json.put("approval", new JsonObject().put("number", v.number()).put("hash", v.hash())
                    .put("comment", v.comment()).put("content", ContentCodec.write(event.approval().content())));
        }
        if (event.replaced() != null) {
            json.put("replaced", replaced(event.replaced()));
        }
        if (event.reason() != null) {
            json.put("reason", event.reason());
        }
        return json;
    }

    public static AppliedEvent event(long version, long actorId, String clientOpId, Instant at, JsonObject payload) {
        Actor by = new Actor(actorId, payload.getString("actorName", ""));
        List<CellChange> changes = new ArrayList<>();
        for (Object item : array(payload, "changes")) {
            JsonObject change = (JsonObject) item;
            changes.add(new CellChange(cell(change.getJsonObject("cell")), money(change.getString("value")),
                    change.getInteger("rev"), money(change.getString("previous")), by));
        }
        List<CalcChange> calc = new ArrayList<>();
        for (Object item : array(payload, "calc")) {
            JsonObject change = (JsonObject) item;
            calc.add(new CalcChange(cell(change.getJsonObject("cell")), money(change.getString("value"))));
        }
        List<RowChange> rows = new ArrayList<>();
        for (Object item : array(payload, "rows")) {
            JsonObject row = (JsonObject) item;
            rows.add(new RowChange(row.getString("section"), row.getString("code"), row.getString("name"),
                    row.getBoolean("added"), row.getString("kind"), row.getString("parent")));
        }
        List<SectionMark> marks = new ArrayList<>();
        for (Object item : array(payload, "marks")) {
            JsonObject mark = (JsonObject) item;
            marks.add(new SectionMark(mark.getString("section"), mark.getBoolean("empty"), mark.getString("note")));
        }
        List<TextChange> texts = new ArrayList<>();
        for (Object item : array(payload, "texts")) {
            JsonObject text = (JsonObject) item;
            texts.add(new TextChange(cell(text.getJsonObject("cell")), text.getString("text"), text.getInteger("rev"),
                    text.getString("previous"), by));
        }
        List<WorkflowChange> steps = new ArrayList<>();
        for (Object item : array(payload, "workflow")) {
            JsonObject step = (JsonObject) item;
            steps.add(new WorkflowChange(step.getString("section"),
                    WorkflowAction.fromWire(step.getString("action")).orElseThrow(),
                    SectionStatus.valueOf(step.getString("from")), SectionStatus.valueOf(step.getString("to")),
                    step.getString("comment")));
        }
        List<CommentChange> notes = new ArrayList<>();
        for (Object item : array(payload, "comments")) {
            JsonObject note = (JsonObject) item;
            notes.add(new CommentChange(CommentChange.Kind.valueOf(note.getString("kind")), note.getString("thread"),
                    note.getString("comment"), anchor(note.getJsonObject("anchor")), note.getString("text")));
        }
        VersionApproval approval = null;
        JsonObject approved = payload.getJsonObject("approval");
        if (approved != null) {
            approval = new VersionApproval(new ApprovedVersion(approved.getInteger("number"), version, by, at,
                    approved.getString("comment"), approved.getString("hash")),
                    // Light reads (activity, history) leave the frozen content out.
                    approved.containsKey("content") ? ContentCodec.read(approved.getJsonObject("content")) : null);
        }
        JsonObject replaced = payload.getJsonObject("replaced");
        return new AppliedEvent(version, by, clientOpId, at, rows, marks, changes, texts, steps, notes, approval,
                replaced == null ? null : replaced(replaced), payload.getString("reason"), calc,
                checks(array(payload, "checks")));
    }

    private static JsonArray checks(List<CheckChange> checks) {
        JsonArray list = new JsonArray();
        for (CheckChange check : checks) {
            RuleResult r = check.result();
            JsonArray cells = new JsonArray();
            r.cells().forEach(c -> cells.add(cell(c)));
            list.add(new JsonObject().put("key", r.key()).put("rule", r.rule()).put("severity", r.severity().name())
                    .put("message", r.message()).put("cells", cells).put("left", yuan(r.left()))
                    .put("right", yuan(r.right())).put("resolved", check.resolved()));
        }
        return list;
    }

    private static List<CheckChange> checks(JsonArray array) {
        List<CheckChange> checks = new ArrayList<>();
        for (Object item : array) {
            JsonObject check = (JsonObject) item;
            List<CellRef> cells = new ArrayList<>();
            for (Object c : array(check, "cells")) {
                cells.add(cell((JsonObject) c));
            }
            checks.add(new CheckChange(new RuleResult(check.getString("key"), check.getString("rule"),
                    Severity.valueOf(check.getString("severity").toUpperCase(Locale.ROOT)), check.getString("message"),
                    cells, money(check.getString("left")), money(check.getString("right"))),
                    check.getBoolean("resolved")));
        }
        return checks;
    }

    private static JsonObject replaced(SectionsReplaced replaced) {
        JsonArray figures = new JsonArray();
        replaced.figures().forEach(f -> figures.add(new JsonObject().put("cell", cell(f.cell()))
                .put("value", yuan(f.value()))));
        JsonArray texts = new JsonArray();
        replaced.texts().forEach(t -> texts.add(new JsonObject().put("cell", cell(t.cell())).put("text", t.text())));
        JsonObject empty = new JsonObject();
        replaced.emptySections().forEach(empty::put);
        return new JsonObject().put("sections", new JsonArray(replaced.sections()))
                .put("rows", CodeRowsJson.write(replaced.rows())).put("figures", figures).put("texts", texts)
                .put("empty", empty);
    }

    private static SectionsReplaced replaced(JsonObject json) {
        List<String> sections = new ArrayList<>();
        array(json, "sections").forEach(s -> sections.add((String) s));
        List<CellEdit> figures = new ArrayList<>();
        for (Object item : array(json, "figures")) {
            JsonObject f = (JsonObject) item;
            figures.add(new CellEdit(cell(f.getJsonObject("cell")), money(f.getString("value"))));
        }
        List<TextEdit> texts = new ArrayList<>();
        for (Object item : array(json, "texts")) {
            JsonObject t = (JsonObject) item;
            texts.add(new TextEdit(cell(t.getJsonObject("cell")), t.getString("text")));
        }
        return new SectionsReplaced(sections, CodeRowsJson.read(json.getJsonObject("rows", new JsonObject())), figures,
                texts, CodeRowsJson.readNotes(json.getJsonObject("empty", new JsonObject())));
    }
}
