package io.yusuan.domain.workflow;

import io.yusuan.domain.budget.Actor;
import java.time.Instant;

/**
 * A section's review state and its last step: who moved it, when, and the comment (the 批注 of a
 * return, the reason of a reopen, the note acknowledging warnings on submit). {@code reopened}
 * stays true after a supervisor reopened an approved section until it is approved again: changes
 * to it then need a reason, for the audit trail.
 */
public record SectionFlow(SectionStatus status, Actor by, Instant at, String comment, boolean reopened) {

    public static final SectionFlow INITIAL = new SectionFlow(SectionStatus.DRAFT, null, null, null, false);
}
