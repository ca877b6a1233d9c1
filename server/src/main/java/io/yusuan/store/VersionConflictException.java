package io.yusuan.store;

/** An append found its version already taken: someone else wrote to the document. */
public class VersionConflictException extends RuntimeException {

    public VersionConflictException(long documentId, long version) {
        super("document " + documentId + " already has version " + version);
    }
}
