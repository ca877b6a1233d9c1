package io.yusuan.transport.ws.protocol;

/** A frame that is not a well-formed known message; answered with an {@code error} frame. */
public class DecodeException extends Exception {

    private final String requestId;

    public DecodeException(String requestId, String message) {
        super(message);
        this.requestId = requestId;
    }

    public String requestId() {
        return requestId;
    }
}
