package io.yusuan.domain.workflow;

import java.util.Locale;

/**
 * Where a section (table) stands in review: 草稿 → 已提交 → 已批准, or → 已退回 (with a reason) → 草稿
 * again. Submitted and approved sections are locked: nothing in them may change.
 */
public enum SectionStatus {
    DRAFT("草稿"), SUBMITTED("已提交"), APPROVED("已批准"), RETURNED("已退回");

    private final String label;

    SectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A submitted section is being reviewed and an approved one is final: both refuse changes. */
    public boolean locked() {
        return this == SUBMITTED || this == APPROVED;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
