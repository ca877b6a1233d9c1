package io.yusuan.domain.comments;

import io.yusuan.domain.budget.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A 批注 thread: where it hangs, its messages in order, and whether (and by whom) it was resolved. */
public record CommentThread(String id, CommentAnchor anchor, List<Comment> comments, boolean resolved,
                            Actor resolvedBy, Instant resolvedAt) {

    public CommentThread {
        comments = List.copyOf(comments);
    }

    public Actor author() {
        return comments.isEmpty() ? null : comments.get(0).by();
    }

    CommentThread with(Comment reply) {
        List<Comment> all = new ArrayList<>(comments);
        all.add(reply);
        return new CommentThread(id, anchor, all, resolved, resolvedBy, resolvedAt);
    }

    CommentThread resolved(boolean value, Actor by, Instant at) {
        return new CommentThread(id, anchor, comments, value, value ? by : null, value ? at : null);
    }
}
