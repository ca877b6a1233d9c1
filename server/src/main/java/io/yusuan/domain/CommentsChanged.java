package io.yusuan.domain;

import io.yusuan.domain.comments.CommentChange;
import java.util.List;

/** Event: 批注 were opened, answered, resolved or reopened. */
public record CommentsChanged(List<CommentChange> changes) implements DocumentEvent {

    public static final String TYPE = "comments";

    public CommentsChanged {
        changes = List.copyOf(changes);
    }
}
