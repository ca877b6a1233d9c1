package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.workflow.ApprovedVersion;
import io.yusuan.domain.workflow.VersionApproval;
import io.yusuan.domain.workflow.WorkflowChange;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Versions that change no figure: 空表 marks, review steps, 批注 and approved versions. They move the
 * document's version and what surrounds its figures, and are broadcast like every other version.
 */
final class ReviewChanges {

    private ReviewChanges() {
    }

    static AppliedEvent marks(BudgetState state, SectionsMarked event, Actor by, String clientOpId, Instant at) {
        Set<String> sections = new LinkedHashSet<>();
        for (SectionMark mark : event.marks()) {
            if (mark.empty()) {
                state.emptyNotes.put(mark.section(), mark.note());
            } else {
                state.emptyNotes.remove(mark.section());
            }
            sections.add(mark.section());
        }
        state.version++;
        return new AppliedEvent(state.version, by, clientOpId, at, List.of(), event.marks(), List.of(), List.of(),
                state.checks.recheckEmptiness(state, sections));
    }

    static AppliedEvent workflow(BudgetState state, WorkflowChanged event, Actor by, String clientOpId, Instant at) {
        for (WorkflowChange change : event.changes()) {
            state.workflow.apply(change, by, at);
        }
        state.version++;
        return new AppliedEvent(state.version, by, clientOpId, at, List.of(), List.of(), List.of(), List.of(),
                event.changes(), List.of(), null, null, null, List.of(), List.of());
    }

    static AppliedEvent comments(BudgetState state, CommentsChanged event, Actor by, String clientOpId, Instant at) {
        event.changes().forEach(change -> state.comments.apply(change, by, at));
        state.version++;
        return new AppliedEvent(state.version, by, clientOpId, at, List.of(), List.of(), List.of(), List.of(), List.of(),
                event.changes(), null, null, null, List.of(), List.of());
    }

    /** Version N pins this very version: its content is frozen into the log entry. */
    static AppliedEvent approval(BudgetState state, VersionApproved event, Actor by, String clientOpId, Instant at) {
        state.version++;
        ApprovedVersion approved = new ApprovedVersion(event.number(), state.version, by, at, event.comment(), event.hash());
        state.workflow.addVersion(approved);
        return new AppliedEvent(state.version, by, clientOpId, at, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), new VersionApproval(approved, state.content()), null, null, List.of(), List.of());
    }
}
