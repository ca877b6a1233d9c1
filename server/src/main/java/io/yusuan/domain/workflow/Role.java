package io.yusuan.domain.workflow;

import java.util.Locale;
import java.util.Optional;

/**
 * A user's role on one document. The wire names are the lower-case enum names. 填报人 editors fill
 * in and submit; 审核人 reviewers read and comment; 审批人 supervisors return, approve and reopen;
 * 管理员 admins may do all of it and manage members.
 */
public enum Role {
    EDITOR, REVIEWER, SUPERVISOR, ADMIN;

    public boolean mayEditCells() {
        return this == EDITOR || this == ADMIN;
    }

    public boolean mayManageMembers() {
        return this == ADMIN;
    }

    /** Every member may comment: reviewers ask, editors answer, supervisors explain a return. */
    public boolean mayComment() {
        return true;
    }

    public boolean may(WorkflowAction action) {
        if (this == ADMIN) {
            return true;
        }
        return action.byPreparer() ? this == EDITOR : this == SUPERVISOR;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return switch (this) {
            case EDITOR -> "填报人";
            case REVIEWER -> "审核人";
            case SUPERVISOR -> "审批人";
            case ADMIN -> "管理员";
        };
    }

    public static Optional<Role> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
