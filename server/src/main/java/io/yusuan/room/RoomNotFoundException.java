package io.yusuan.room;

/** A room was asked for a document that does not exist. */
public class RoomNotFoundException extends RuntimeException {

    public RoomNotFoundException(long documentId) {
        super("no document " + documentId);
    }
}
