package io.yusuan.room;

import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.CellsEdited;
import io.yusuan.domain.TextsEdited;
import io.yusuan.domain.budget.TextCell;
import io.yusuan.domain.Decider;
import io.yusuan.domain.Decision;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.Rejection;
import io.yusuan.domain.workflow.Role;
import io.yusuan.store.EventLog.ClientOp;
import java.time.Instant;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Edits decided together against a room's state and appended in one call. Until the append
 * commits, everything here is speculative: {@code before} remembers each touched input for a
 * rollback, and replies decided on the uncommitted state are held back with their tasks, to be
 * sent after the commit or decided again after a failure.
 */
final class EditBatch {

    final long baseVersion;
    final Map<CellRef, InputCell> before = new HashMap<>();
    final Map<CellRef, TextCell> textsBefore = new HashMap<>();
    final List<RoomTask.Accepted> accepted = new ArrayList<>();
    final List<RoomTask.Edit> deferred = new ArrayList<>();
    final List<Runnable> deferredReplies = new ArrayList<>();
    /** Some command changed rows or marks, not just cells: undo by reloading, not by restoring cells. */
    boolean structural;

    EditBatch(long baseVersion) {
        this.baseVersion = baseVersion;
    }

    void defer(RoomTask.Edit task, Runnable reply) {
        deferred.add(task);
        deferredReplies.add(reply);
    }

    /**
     * Decides one command against the evolving state and, when accepted, applies it speculatively
     * and records it here. Returns the reply for a refusal or a resend, or null when accepted.
     */
    Runnable decide(RoomTask.Edit task, BudgetState state, Map<String, ClientOp> clientOps, Role role,
                    RoomEncoder encoder, long documentId) {
        String opId = task.command().clientOpId();
        ClientOp previous = clientOps.get(opId);
        if (previous != null) {
            return () -> answerResend(task, previous, encoder, documentId);
        }
        Decision decision = Decider.decide(state, task.command(), role, task.from().actor(), Instant.now());
        if (!decision.accepted()) {
            return () -> task.from().send(encoder.rejected(task.requestId(), documentId, opId, decision.rejection()));
        }
        Map<CellRef, InputCell> touched = new HashMap<>();
        Map<CellRef, TextCell> touchedTexts = new HashMap<>();
        if (decision.event() instanceof CellsEdited edits) {
            edits.edits().forEach(edit -> touched.put(edit.cell(), state.input(edit.cell())));
        } else if (decision.event() instanceof TextsEdited texts) {
            texts.edits().forEach(edit -> touchedTexts.put(edit.cell(), state.textCell(edit.cell())));
        } else {
            // Rows, marks, review steps, 批注, versions change more than cells: a failure is undone by reloading.
            structural = true;
        }
        long versionBefore = state.version();
        AppliedEvent event;
        try {
            event = state.apply(decision.event(), task.from().actor(), opId, Instant.now());
        } catch (ArithmeticException | IllegalArgumentException refused) {
            // A total would leave the range of exact amounts, or imported lines cannot form a tree:
            // undo this one edit only (a structural change is applied all-or-nothing).
            if (decision.event() instanceof CellsEdited) {
                state.rollback(versionBefore, touched);
            }
            String why = refused instanceof ArithmeticException ? "金额过大：合计超出可表示的范围"
                    : "导入的行无法组成表：" + refused.getMessage();
            return () -> task.from().send(encoder.rejected(task.requestId(), documentId, opId,
                    Rejection.of(ErrorCode.INVALID_VALUE, why)));
        }
        touched.forEach(before::putIfAbsent);
        touchedTexts.forEach(textsBefore::putIfAbsent);
        clientOps.put(opId, new ClientOp(event.version(), task.from().actor().id()));
        accepted.add(new RoomTask.Accepted(task, event));
        return null;
    }

    /** A resend of an applied op: the original ack to its author; another user's reuse is a conflict. */
    private static void answerResend(RoomTask.Edit task, ClientOp previous, RoomEncoder encoder, long documentId) {
        String opId = task.command().clientOpId();
        if (previous.actorId() == task.from().actor().id()) {
            task.from().send(encoder.ack(task.requestId(), documentId, previous.version(), opId));
        } else {
            task.from().send(encoder.rejected(task.requestId(), documentId, opId, Rejection.of(ErrorCode.CONFLICT,
                    "clientOpId 已被其他用户使用，请换一个")));
        }
    }

    List<AppliedEvent> events() {
        return accepted.stream().map(RoomTask.Accepted::event).toList();
    }
}
