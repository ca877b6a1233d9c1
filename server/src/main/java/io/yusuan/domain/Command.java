package io.yusuan.domain;

/** What a user can ask of a document; every command carries the client's op id. */
public sealed interface Command permits EditCell, EditText, AddRow, RemoveRow, MarkSectionEmpty, WorkflowCommand,
        CommentCommand, ImportFigures {

    String clientOpId();
}
