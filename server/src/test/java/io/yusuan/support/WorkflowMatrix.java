package io.yusuan.support;

import io.yusuan.domain.workflow.Role;
import io.yusuan.domain.workflow.SectionStatus;
import io.yusuan.domain.workflow.WorkflowAction;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may do which review step in which state, cell by cell: state × action → the answer for
 * editor, reviewer, supervisor and admin ("ok" = accepted, else the error code). The domain test
 * and the server test (over HTTP and WebSocket) both assert every cell of it.
 */
public final class WorkflowMatrix {

    public static final List<Role> ROLES = List.of(Role.EDITOR, Role.REVIEWER, Role.SUPERVISOR, Role.ADMIN);

    private static final List<String> TABLE = List.of(
            "draft     submit  ok            FORBIDDEN     FORBIDDEN     ok",
            "draft     recall  INVALID_STATE FORBIDDEN     FORBIDDEN     INVALID_STATE",
            "draft     return  FORBIDDEN     FORBIDDEN     INVALID_STATE INVALID_STATE",
            "draft     approve FORBIDDEN     FORBIDDEN     INVALID_STATE INVALID_STATE",
            "draft     reopen  FORBIDDEN     FORBIDDEN     INVALID_STATE INVALID_STATE",
            "submitted submit  INVALID_STATE FORBIDDEN     FORBIDDEN     INVALID_STATE",
            "submitted recall  ok            FORBIDDEN     FORBIDDEN     ok",
            "submitted return  FORBIDDEN     FORBIDDEN     ok            ok",
            "submitted approve FORBIDDEN     FORBIDDEN     ok            ok",
            "submitted reopen  FORBIDDEN     FORBIDDEN     INVALID_STATE INVALID_STATE",
            "approved  submit  INVALID_STATE FORBIDDEN     FORBIDDEN     INVALID_STATE",
            "approved  recall  INVALID_STATE FORBIDDEN     FORBIDDEN     INVALID_STATE",
            "approved  return  FORBIDDEN     FORBIDDEN     INVALID_STATE INVALID_STATE",
            "approved  approve FORBIDDEN     FORBIDDEN     INVALID_STATE INVALID_STATE",
            "approved  reopen  FORBIDDEN     FORBIDDEN     ok            ok",
            "returned  submit  ok            FORBIDDEN     FORBIDDEN     ok",
            "returned  recall  INVALID_STATE FORBIDDEN     FORBIDDEN     INVALID_STATE",
            "returned  return  FORBIDDEN     FORBIDDEN     INVALID_STATE INVALID_STATE",
            "returned  approve FORBIDDEN     FORBIDDEN     INVALID_STATE INVALID_STATE",
            "returned  reopen  FORBIDDEN     FORBIDDEN     INVALID_STATE INVALID_STATE");

    /** One cell: in {@code state}, {@code role} asking for {@code action} gets {@code expected}. */
    public record Cell(SectionStatus state, WorkflowAction action, Role role, String expected) {
        @Override
        public String toString() {
            return state.wireName() + " " + action.wireName() + " by " + role.wireName();
        }
    }

    private WorkflowMatrix() {
    }

    public static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (String line : TABLE) {
            String[] parts = line.trim().split("\\s+");
            SectionStatus state = SectionStatus.valueOf(parts[0].toUpperCase(java.util.Locale.ROOT));
            WorkflowAction action = WorkflowAction.fromWire(parts[1]).orElseThrow();
            for (int r = 0; r < ROLES.size(); r++) {
                cells.add(new Cell(state, action, ROLES.get(r), parts[2 + r]));
            }
        }
        return cells;
    }
}
