package io.yusuan.room;

/** The room cannot take the request now (server stopping, document being unloaded): retry. */
public class RoomUnavailableException extends RuntimeException {

    public RoomUnavailableException(String message) {
        super(message);
    }
}
