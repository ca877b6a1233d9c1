package io.yusuan.domain;

import io.yusuan.domain.comments.CommentAnchor;
import io.yusuan.domain.comments.CommentChange;

/**
 * Command about 批注: open a thread on a section or cell ({@code anchor}, {@code text}), reply to
 * {@code thread}, resolve it or reopen it.
 */
public record CommentCommand(CommentChange.Kind kind, CommentAnchor anchor, String thread, String text,
                             String clientOpId) implements Command {
}
