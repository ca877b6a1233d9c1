package io.yusuan.domain;

/**
 * The stable error codes shared by HTTP and WebSocket. Clients switch on these names; never rename
 * one (docs/protocol.md lists them with their meaning and HTTP status).
 */
public enum ErrorCode {
    BAD_MESSAGE,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    UNKNOWN_CELL,
    NOT_EDITABLE,
    INVALID_VALUE,
    STALE_CELL,
    SECTION_LOCKED,
    INVALID_STATE,
    CHECKS_FAILED,
    ALREADY_APPLIED,
    INVALID_IMPORT,
    RATE_LIMITED,
    TOO_LARGE,
    CONFLICT,
    UNAVAILABLE,
    INTERNAL
}
