package io.yusuan.domain;

/** The decider's answer: exactly one of {@code event} and {@code rejection} is set. */
public record Decision(DocumentEvent event, Rejection rejection) {

    public static Decision accept(DocumentEvent event) {
        return new Decision(event, null);
    }

    public static Decision reject(Rejection rejection) {
        return new Decision(null, rejection);
    }

    public boolean accepted() {
        return event != null;
    }
}
