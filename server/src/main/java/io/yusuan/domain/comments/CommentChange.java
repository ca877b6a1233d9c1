package io.yusuan.domain.comments;

/**
 * What one version did to the comments: opened a thread (its first message), replied, resolved or
 * reopened it. {@code anchor} is set when a thread is opened; {@code text} for new messages.
 */
public record CommentChange(Kind kind, String thread, String comment, CommentAnchor anchor, String text) {

    public enum Kind {
        OPENED("open"), REPLIED("reply"), RESOLVED("resolve"), REOPENED("reopen");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** As the comment message names it: open, reply, resolve, reopen. */
        public String wireName() {
            return wireName;
        }
    }
}
