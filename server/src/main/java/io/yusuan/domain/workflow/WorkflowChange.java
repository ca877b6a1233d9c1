package io.yusuan.domain.workflow;

/** One section moved from one state to another by an action, with its comment (may be null). */
public record WorkflowChange(String section, WorkflowAction action, SectionStatus from, SectionStatus to,
                             String comment) {
}
