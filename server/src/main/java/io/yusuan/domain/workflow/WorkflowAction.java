package io.yusuan.domain.workflow;

import java.util.Optional;

/** What a workflow message asks for; the wire names are fixed by the protocol. */
public enum WorkflowAction {
    SUBMIT("submit"), RECALL("recall"), RETURN("return"), APPROVE("approve"), REOPEN("reopen"),
    APPROVE_DOCUMENT("approve_document");

    private final String wireName;

    WorkflowAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WorkflowAction> fromWire(String name) {
        for (WorkflowAction action : values()) {
            if (action.wireName.equals(name)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** Preparers submit and recall; supervisors decide. */
    public boolean byPreparer() {
        return this == SUBMIT || this == RECALL;
    }
}
