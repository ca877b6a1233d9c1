package io.yusuan.domain;

import java.util.Map;

/**
 * A refused command, as a value: the decider returns it instead of throwing. {@code details}
 * holds plain values (strings, numbers, {@link io.yusuan.domain.budget.Money}, actors) that the
 * transport turns into JSON.
 */
public record Rejection(ErrorCode code, String message, Map<String, Object> details) {

    public Rejection {
        // Values may be null (an empty cell's value), which Map.copyOf refuses.
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(details));
    }

    public static Rejection of(ErrorCode code, String message) {
        return new Rejection(code, message, Map.of());
    }
}
