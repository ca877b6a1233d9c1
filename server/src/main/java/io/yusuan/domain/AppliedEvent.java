package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.comments.CommentChange;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.workflow.VersionApproval;
import io.yusuan.domain.workflow.WorkflowChange;
import java.time.Instant;
import java.util.List;

/**
 * One version of a document: the event as applied, with what it changed (stored actions: cells,
 * texts, rows, 空表 marks, review steps, 批注, an approved version), what the engine recomputed
 * (calc actions) and the rule results that changed. This is what the log keeps and what every
 * viewer receives.
 *
 * @param reason   why a reopened table was changed (null when none was needed)
 * @param replaced the tables an import replaced wholesale (null for every other kind of version)
 */
public record AppliedEvent(long version, Actor by, String clientOpId, Instant at, List<RowChange> rows,
                           List<SectionMark> marks, List<CellChange> changes, List<TextChange> texts,
                           List<WorkflowChange> workflow, List<CommentChange> comments, VersionApproval approval,
                           SectionsReplaced replaced, String reason, List<CalcChange> calc,
                           List<CheckChange> checks) {

    public AppliedEvent {
        rows = List.copyOf(rows);
        marks = List.copyOf(marks);
        changes = List.copyOf(changes);
        texts = List.copyOf(texts);
        workflow = List.copyOf(workflow);
        comments = List.copyOf(comments);
        calc = List.copyOf(calc);
        checks = List.copyOf(checks);
    }

    public AppliedEvent(long version, Actor by, String clientOpId, Instant at, List<RowChange> rows,
                        List<SectionMark> marks, List<CellChange> changes, List<CalcChange> calc,
                        List<CheckChange> checks) {
        this(version, by, clientOpId, at, rows, marks, changes, List.of(), List.of(), List.of(), null, null, null,
                calc, checks);
    }

    /** A cell edit's version (no row changes, no rule changes). */
    public AppliedEvent(long version, Actor by, String clientOpId, Instant at, List<CellChange> changes,
                        List<CalcChange> calc) {
        this(version, by, clientOpId, at, List.of(), List.of(), changes, calc, List.of());
    }

    /** The stored event type. */
    public String type() {
        if (replaced != null) {
            return SectionsReplaced.TYPE;
        }
        if (approval != null) {
            return VersionApproved.TYPE;
        }
        if (!workflow.isEmpty()) {
            return WorkflowChanged.TYPE;
        }
        if (!comments.isEmpty()) {
            return CommentsChanged.TYPE;
        }
        if (!rows.isEmpty()) {
            return RowsChanged.TYPE;
        }
        if (!marks.isEmpty()) {
            return SectionsMarked.TYPE;
        }
        return !texts.isEmpty() && changes.isEmpty() ? TextsEdited.TYPE : CellsEdited.TYPE;
    }

    /** Whether the document's shape changed (rows, 空表 marks, an import): clients re-read it. */
    public boolean restructures() {
        return !rows.isEmpty() || !marks.isEmpty() || replaced != null;
    }
}
