package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.TextCell;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.comments.CommentBook;
import io.yusuan.domain.comments.CommentChange;
import io.yusuan.domain.workflow.Workflow;
import io.yusuan.domain.workflow.WorkflowChange;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds logged versions onto a snapshot without deriving anything: lines, inputs, texts, 空表 marks,
 * review state and 批注. Totals and rule results are derived once at the end, so loading a long
 * history costs one recompute, not one per version.
 */
final class StateFold {

    final Map<String, List<CodeRow>> rows;
    final Map<CellRef, InputCell> inputs;
    final Map<CellRef, TextCell> texts;
    final Map<String, String> empty;
    final Workflow workflow;
    final CommentBook comments;
    long version;
    Instant lastChange;

    StateFold(StateSnapshot base, Map<String, List<CodeRow>> initialRows) {
        rows = CodeRows.copy(base.codeRows() != null ? base.codeRows() : initialRows);
        inputs = new HashMap<>(base.inputs());
        texts = new HashMap<>(base.texts());
        empty = new LinkedHashMap<>(base.emptySections());
        workflow = new Workflow(base.workflow(), base.versions());
        comments = new CommentBook(base.comments());
        version = base.version();
    }

    void apply(AppliedEvent event) {
        if (event.version() != version + 1) {
            throw new IllegalStateException("log gap: expected version " + (version + 1) + ", got " + event.version());
        }
        version = event.version();
        lastChange = event.at();
        event.marks().forEach(mark -> {
            if (mark.empty()) {
                empty.put(mark.section(), mark.note());
            } else {
                empty.remove(mark.section());
            }
        });
        for (WorkflowChange change : event.workflow()) {
            workflow.apply(change, event.by(), event.at());
        }
        if (event.approval() != null) {
            workflow.addVersion(event.approval().version());
        }
        for (CommentChange change : event.comments()) {
            comments.apply(change, event.by(), event.at());
        }
        if (event.replaced() != null) {
            replace(event.replaced(), event);
            return;
        }
        if (!event.rows().isEmpty()) {
            // A row event's cell changes record the figures that left with a removed row, or with a
            // line that became a parent (its figures now derive from its children): drop those cells.
            event.rows().forEach(change -> CodeRows.apply(rows, change));
            event.changes().forEach(change -> inputs.remove(change.cell()));
            event.texts().forEach(change -> setText(change.cell(), change.text(), event));
            return;
        }
        for (CellChange change : event.changes()) {
            InputCell before = inputs.getOrDefault(change.cell(), InputCell.NEVER_SET);
            int rev = Objects.equals(before.value(), change.value()) ? before.rev() : before.rev() + 1;
            inputs.put(change.cell(), new InputCell(change.value(), rev, event.by()));
        }
        event.texts().forEach(change -> setText(change.cell(), change.text(), event));
    }

    private void setText(CellRef cell, String text, AppliedEvent event) {
        if (text == null) {
            texts.remove(cell);
            return;
        }
        TextCell before = texts.getOrDefault(cell, TextCell.NEVER_SET);
        int rev = Objects.equals(before.text(), text) ? before.rev() : before.rev() + 1;
        texts.put(cell, new TextCell(text, rev, event.by()));
    }

    /**
     * An import replaced whole tables: their lines and marks are what it says; their cells are what
     * the version recorded (each change with the revision it gave the cell).
     */
    private void replace(SectionsReplaced replaced, AppliedEvent event) {
        for (String section : replaced.sections()) {
            empty.remove(section);
            if (replaced.rows().containsKey(section)) {
                rows.put(section, new java.util.ArrayList<>(replaced.rows().get(section)));
            }
        }
        empty.putAll(replaced.emptySections());
        for (CellChange change : event.changes()) {
            inputs.put(change.cell(), new InputCell(change.value(), change.rev(), event.by()));
        }
        for (TextChange change : event.texts()) {
            texts.put(change.cell(), new TextCell(change.text(), change.rev(), event.by()));
        }
    }
}
