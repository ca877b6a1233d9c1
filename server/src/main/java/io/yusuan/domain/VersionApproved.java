package io.yusuan.domain;

/**
 * Event: the supervisor approved the whole document as version {@code number}; {@code hash} is the
 * content hash of the document at this event's version (see {@link ContentHash}).
 */
public record VersionApproved(int number, String hash, String comment) implements DocumentEvent {

    public static final String TYPE = "version_approved";
}
