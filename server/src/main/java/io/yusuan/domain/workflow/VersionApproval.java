package io.yusuan.domain.workflow;

import io.yusuan.domain.VersionContent;

/** What an approval version records: the approved version's facts and its frozen content. */
public record VersionApproval(ApprovedVersion version, VersionContent content) {
}
