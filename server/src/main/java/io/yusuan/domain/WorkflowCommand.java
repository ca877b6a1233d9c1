package io.yusuan.domain;

import io.yusuan.domain.workflow.WorkflowAction;

/**
 * Command: a review step on a section (submit, recall, return, approve, reopen) or on the whole
 * document (approve_document: section null). {@code comment}: the 批注 of a return, the reason of a
 * reopen, the note acknowledging warnings on submit, the approval comment.
 */
public record WorkflowCommand(String section, WorkflowAction action, String comment, String clientOpId)
        implements Command {
}
