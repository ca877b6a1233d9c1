package io.yusuan.domain;

import io.yusuan.domain.workflow.WorkflowChange;
import java.util.List;

/** Event: sections moved in review (submitted, recalled, returned, approved, reopened). */
public record WorkflowChanged(List<WorkflowChange> changes) implements DocumentEvent {

    public static final String TYPE = "workflow";

    public WorkflowChanged {
        changes = List.copyOf(changes);
    }
}
