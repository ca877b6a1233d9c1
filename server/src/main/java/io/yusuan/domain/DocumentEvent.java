package io.yusuan.domain;

/** What the decider can emit: the closed list of things that happen to a document. */
public sealed interface DocumentEvent permits CellsEdited, TextsEdited, RowsChanged, SectionsMarked, WorkflowChanged,
        CommentsChanged, VersionApproved, SectionsReplaced {
}
