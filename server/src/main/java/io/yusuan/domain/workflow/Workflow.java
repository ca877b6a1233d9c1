package io.yusuan.domain.workflow;

import io.yusuan.domain.budget.Actor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review state of one document: each section's {@link SectionFlow} and the approved versions.
 * Mutable and confined to the document's room, like the rest of its state.
 */
public final class Workflow {

    private final Map<String, SectionFlow> sections = new LinkedHashMap<>();
    private final List<ApprovedVersion> versions = new ArrayList<>();

    public Workflow() {
    }

    public Workflow(Map<String, SectionFlow> sections, List<ApprovedVersion> versions) {
        this.sections.putAll(sections);
        this.versions.addAll(versions);
    }

    public Workflow copy() {
        return new Workflow(sections, versions);
    }

    public SectionFlow flow(String section) {
        return sections.getOrDefault(section, SectionFlow.INITIAL);
    }

    public SectionStatus status(String section) {
        return flow(section).status();
    }

    public boolean locked(String section) {
        return status(section).locked();
    }

    /** Sections that left 草稿 at least once (the others are simply drafts). */
    public Map<String, SectionFlow> sections() {
        return Collections.unmodifiableMap(sections);
    }

    public List<ApprovedVersion> versions() {
        return Collections.unmodifiableList(versions);
    }

    public Optional<ApprovedVersion> version(int number) {
        return versions.stream().filter(v -> v.number() == number).findFirst();
    }

    public int nextVersionNumber() {
        return versions.size() + 1;
    }

    /**
     * The state an action leads to from {@code from}, if the action is allowed there: submit from
     * 草稿 or 已退回; recall, return and approve from 已提交; reopen from 已批准.
     */
    public static Optional<SectionStatus> next(SectionStatus from, WorkflowAction action) {
        return Optional.ofNullable(switch (action) {
            case SUBMIT -> from == SectionStatus.DRAFT || from == SectionStatus.RETURNED ? SectionStatus.SUBMITTED : null;
            case RECALL -> from == SectionStatus.SUBMITTED ? SectionStatus.DRAFT : null;
            case RETURN -> from == SectionStatus.SUBMITTED ? SectionStatus.RETURNED : null;
            case APPROVE -> from == SectionStatus.SUBMITTED ? SectionStatus.APPROVED : null;
            case REOPEN -> from == SectionStatus.APPROVED ? SectionStatus.DRAFT : null;
            case APPROVE_DOCUMENT -> null;
        });
    }

    public void apply(WorkflowChange change, Actor by, Instant at) {
        boolean reopened = change.action() == WorkflowAction.REOPEN
                || (flow(change.section()).reopened() && change.to() != SectionStatus.APPROVED);
        sections.put(change.section(), new SectionFlow(change.to(), by, at, change.comment(), reopened));
    }

    public void addVersion(ApprovedVersion version) {
        versions.add(version);
    }
}
