package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.TextCell;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.comments.CommentThread;
import io.yusuan.domain.workflow.ApprovedVersion;
import io.yusuan.domain.workflow.SectionFlow;
import java.util.List;
import java.util.Map;

/**
 * What a document holds at a version, apart from what is derived (totals, rule results): its lines
 * (null: still the lines it was created with), 空表 marks, input cells, text cells, review state,
 * approved versions and 批注. Loading = the newest snapshot plus the events after it.
 */
public record StateSnapshot(long version, Map<String, List<CodeRow>> codeRows, Map<String, String> emptySections,
                            Map<CellRef, InputCell> inputs, Map<CellRef, TextCell> texts,
                            Map<String, SectionFlow> workflow, List<ApprovedVersion> versions,
                            List<CommentThread> comments) {

    public StateSnapshot {
        codeRows = codeRows == null ? null : Map.copyOf(codeRows);
        emptySections = emptySections == null ? Map.of() : Map.copyOf(emptySections);
        inputs = Map.copyOf(inputs);
        texts = texts == null ? Map.of() : Map.copyOf(texts);
        workflow = workflow == null ? Map.of() : Map.copyOf(workflow);
        versions = versions == null ? List.of() : List.copyOf(versions);
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    /** A snapshot of a document with only input figures (rows as created, nothing else yet). */
    public StateSnapshot(long version, Map<CellRef, InputCell> inputs) {
        this(version, null, Map.of(), inputs, Map.of(), Map.of(), List.of(), List.of());
    }

    /** The state of a new document: its first lines and nothing else. */
    public static StateSnapshot initial(Map<String, List<CodeRow>> codeRows) {
        return new StateSnapshot(0, codeRows, Map.of(), Map.of(), Map.of(), Map.of(), List.of(), List.of());
    }
}
