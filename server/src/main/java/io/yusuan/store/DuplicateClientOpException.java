package io.yusuan.store;

/** An append reused a client op id that the document has already applied. */
public class DuplicateClientOpException extends RuntimeException {

    public DuplicateClientOpException(long documentId, String clientOpId) {
        super("document " + documentId + " already applied client op " + clientOpId);
    }
}
