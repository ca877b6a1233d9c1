package io.yusuan.transport.http;

import io.yusuan.domain.ErrorCode;

/** A request refused with a stable error code; turned into JSON by {@link ErrorResponses}. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
