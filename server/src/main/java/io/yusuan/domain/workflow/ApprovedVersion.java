package io.yusuan.domain.workflow;

import io.yusuan.domain.budget.Actor;
import java.time.Instant;

/**
 * Approved version N of a document: pinned to the document version at which the supervisor
 * approved it, with approver, time, comment and the hash of its content. Immutable: the log is
 * append-only, so the content at {@code documentVersion} can never change.
 */
public record ApprovedVersion(int number, long documentVersion, Actor approvedBy, Instant approvedAt, String comment,
                              String hash) {
}
