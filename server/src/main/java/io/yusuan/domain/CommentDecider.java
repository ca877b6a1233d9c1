package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.comments.CommentAnchor;
import io.yusuan.domain.comments.CommentChange;
import io.yusuan.domain.comments.CommentThread;
import io.yusuan.domain.workflow.Role;
import java.util.List;
import java.util.Optional;

/**
 * Decides 批注. Every member may open a thread and reply (a reviewer's job is to comment, also on a
 * locked table); a thread is resolved or reopened by its author, an editor who acted on it, a
 * supervisor or an admin. Ids come from the version that adds them, so they are stable on replay.
 */
final class CommentDecider {

    private static final int MAX_TEXT = 2_000;

    private CommentDecider() {
    }

    static Decision decide(BudgetState state, CommentCommand command, Role role, Actor actor) {
        if (role == null || !role.mayComment()) {
            return Decision.reject(Rejection.of(ErrorCode.FORBIDDEN, "您不是该预算的成员"));
        }
        String id = String.valueOf(state.version() + 1);
        return switch (command.kind()) {
            case OPENED -> open(state, command, id);
            case REPLIED -> reply(state, command, id);
            case RESOLVED, REOPENED -> resolve(state, command, role, actor);
        };
    }

    private static Decision open(BudgetState state, CommentCommand command, String id) {
        CommentAnchor anchor = command.anchor();
        if (anchor == null || state.layout().section(anchor.section()).isEmpty()
                || (anchor.onCell() && state.layout().cell(anchor.cell()).isEmpty())) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "批注的位置不存在"));
        }
        Optional<String> text = text(command);
        if (text.isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, "批注内容不能为空，且不超过 2000 字"));
        }
        return Decision.accept(new CommentsChanged(List.of(new CommentChange(CommentChange.Kind.OPENED, "t" + id,
                "c" + id, anchor, text.get()))));
    }

    private static Decision reply(BudgetState state, CommentCommand command, String id) {
        if (thread(state, command).isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.NOT_FOUND, "没有这条批注"));
        }
        Optional<String> text = text(command);
        if (text.isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, "回复内容不能为空，且不超过 2000 字"));
        }
        return Decision.accept(new CommentsChanged(List.of(new CommentChange(CommentChange.Kind.REPLIED,
                command.thread(), "c" + id, null, text.get()))));
    }

    private static Decision resolve(BudgetState state, CommentCommand command, Role role, Actor actor) {
        Optional<CommentThread> thread = thread(state, command);
        if (thread.isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.NOT_FOUND, "没有这条批注"));
        }
        boolean author = actor != null && thread.get().author() != null && thread.get().author().id() == actor.id();
        if (!author && role == Role.REVIEWER) {
            return Decision.reject(Rejection.of(ErrorCode.FORBIDDEN, "审核人只能关闭自己提出的批注"));
        }
        boolean resolving = command.kind() == CommentChange.Kind.RESOLVED;
        if (thread.get().resolved() == resolving) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_STATE, resolving ? "该批注已解决" : "该批注未解决"));
        }
        return Decision.accept(new CommentsChanged(List.of(new CommentChange(command.kind(), command.thread(), null,
                null, null))));
    }

    private static Optional<CommentThread> thread(BudgetState state, CommentCommand command) {
        return command.thread() == null ? Optional.empty() : state.comments().thread(command.thread());
    }

    private static Optional<String> text(CommentCommand command) {
        String text = command.text() == null ? "" : command.text().strip();
        return text.isEmpty() || text.length() > MAX_TEXT ? Optional.empty() : Optional.of(text);
    }
}
