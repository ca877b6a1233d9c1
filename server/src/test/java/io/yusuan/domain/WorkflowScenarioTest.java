package io.yusuan.domain;

import static io.yusuan.domain.Scenario.ALICE;
import static io.yusuan.domain.Scenario.BOB;
import static io.yusuan.domain.Scenario.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.workflow.Role;
import io.yusuan.domain.workflow.SectionStatus;
import io.yusuan.domain.workflow.WorkflowAction;
import io.yusuan.support.WorkflowMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Review by section: who may do what in which state, locks, checks on submit, versions. */
class WorkflowScenarioTest {

    private static final Actor SUPERVISOR = new Actor(3, "审批人一");
    private static final Actor REVIEWER = new Actor(4, "审核人一");
    private static int op;

    private static WorkflowCommand step(String section, WorkflowAction action, String comment) {
        return new WorkflowCommand(section, action, comment, "w" + (++op));
    }

    /** Drives a section of a fresh budget into a state, as an admin would. */
    private static Scenario inState(SectionStatus status) {
        Scenario s = Scenario.small();
        if (status != SectionStatus.DRAFT) {
            s.when(ALICE, step("gp_exp", WorkflowAction.SUBMIT, "已核对"), Role.ADMIN);
        }
        if (status == SectionStatus.APPROVED) {
            s.when(SUPERVISOR, step("gp_exp", WorkflowAction.APPROVE, null), Role.ADMIN);
        }
        if (status == SectionStatus.RETURNED) {
            s.when(SUPERVISOR, step("gp_exp", WorkflowAction.RETURN, "请补充说明"), Role.ADMIN);
        }
        return s;
    }

    @Test
    void roleTimesActionTimesStateCellByCell() {
        List<String> wrong = new ArrayList<>();
        for (WorkflowMatrix.Cell cell : WorkflowMatrix.cells()) {
            Decision decision = inState(cell.state()).decide(step("gp_exp", cell.action(), "理由"), cell.role());
            String got = decision.accepted() ? "ok" : decision.rejection().code().name();
            if (!got.equals(cell.expected())) {
                wrong.add(cell + ": expected " + cell.expected() + ", got " + got);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(80, WorkflowMatrix.cells().size());
    }

    @Test
    void returnsAndReopensNeedAReasonAndApprovalDocumentNeedsEveryTable() {
        Scenario s = inState(SectionStatus.SUBMITTED);
        assertEquals(ErrorCode.INVALID_VALUE, s.decide(step("gp_exp", WorkflowAction.RETURN, " "), Role.SUPERVISOR)
                .rejection().code());
        Scenario approved = inState(SectionStatus.APPROVED);
        assertEquals(ErrorCode.INVALID_VALUE, approved.decide(step("gp_exp", WorkflowAction.REOPEN, null),
                Role.SUPERVISOR).rejection().code());
        Decision early = approved.decide(step(null, WorkflowAction.APPROVE_DOCUMENT, null), Role.SUPERVISOR);
        assertEquals(ErrorCode.INVALID_STATE, early.rejection().code());
        assertTrue(((List<?>) early.rejection().details().get("sections")).contains("basic_exp"));
        assertEquals(ErrorCode.FORBIDDEN, approved.decide(step(null, WorkflowAction.APPROVE_DOCUMENT, null),
                Role.EDITOR).rejection().code());
    }

    @Test
    void submittedAndApprovedTablesAreLockedAlsoAgainstEditsThatFlowIntoThem() {
        Scenario s = Scenario.small().given(ALICE, cell("gp_exp", "2101501", "basic"), "100.00")
                .given(ALICE, cell("basic_exp", "30101", "personnel"), "100.00");
        s.when(ALICE, step("fin_summary", WorkflowAction.SUBMIT, "已核对"), Role.EDITOR);
        // gp_exp is a draft, but its figures flow into the submitted 财政拨款收支总表.
        Decision edit = s.decide(new EditCell(cell("gp_exp", "2101501", "basic"), "120.00", 1, "e1"), Role.EDITOR);
        assertEquals(ErrorCode.SECTION_LOCKED, edit.rejection().code());
        assertEquals("fin_summary", edit.rejection().details().get("section"));
        assertEquals(ErrorCode.SECTION_LOCKED, s.decide(new AddRow("gp_exp", "2101599", null, "a1"), Role.EDITOR)
                .rejection().code(), "a new line would change the locked table's lines");
        // basic_exp does not flow into fin_summary: still open.
        assertTrue(s.decide(new EditCell(cell("basic_exp", "30101", "personnel"), "90.00", 1, "e2"), Role.EDITOR)
                .accepted());
        assertEquals(ErrorCode.SECTION_LOCKED, s.decide(new EditCell(cell("fin_summary", "carry_gpb", "amount"), "1",
                0, "e3"), Role.EDITOR).rejection().code());
        assertEquals(ErrorCode.SECTION_LOCKED, s.decide(new MarkSectionEmpty("fin_summary", true, "无", "m"),
                Role.EDITOR).rejection().code());
        s.when(ALICE, step("fin_summary", WorkflowAction.RECALL, null), Role.EDITOR);
        assertTrue(s.decide(new EditCell(cell("gp_exp", "2101501", "basic"), "120.00", 1, "e4"), Role.EDITOR)
                .accepted(), "recalled: open again");
    }

    @Test
    void errorsRefuseASubmitAndWarningsNeedANote() {
        // A difference far beyond the 尾差 of a 万元 template: an error.
        Scenario s = Scenario.small().given(ALICE, cell("gp_exp", "2101501", "basic"), "10000.00")
                .given(ALICE, cell("basic_exp", "30101", "personnel"), "9000.00");
        Decision refused = s.decide(step("gp_exp", WorkflowAction.SUBMIT, "已核对"), Role.EDITOR);
        assertEquals(ErrorCode.CHECKS_FAILED, refused.rejection().code());
        assertEquals(false, refused.rejection().details().get("acknowledgementRequired"));
        assertTrue(((List<?>) refused.rejection().details().get("checks")).toString().contains("X04"));
        // Totals agree now, but 养老保险 2080505 has no matching 30108 line: a warning (X07).
        s.given(ALICE, cell("gp_exp", "2080505", "basic"), "5000.00")
                .given(ALICE, cell("basic_exp", "30101", "personnel"), "15000.00");
        Decision silent = s.decide(step("gp_exp", WorkflowAction.SUBMIT, null), Role.EDITOR);
        boolean warned = s.state().violations().stream().anyMatch(r -> WorkflowDecider.touches(r, "gp_exp")
                && r.severity() == io.yusuan.domain.rules.Severity.WARNING);
        assertTrue(warned, "X07: 2080505 without its 30108 line");
        assertEquals(ErrorCode.CHECKS_FAILED, silent.rejection().code());
        assertEquals(true, silent.rejection().details().get("acknowledgementRequired"));
        assertTrue(s.decide(step("gp_exp", WorkflowAction.SUBMIT, "差异已核实：养老保险另行列支"), Role.EDITOR).accepted());
    }

    @Test
    void aReopenedTableNeedsAReasonForEachChangeAndKeepsIt() {
        Scenario s = Scenario.small().given(ALICE, cell("basic_exp", "30201", "public"), "10.00");
        s.when(ALICE, step("basic_exp", WorkflowAction.SUBMIT, "已核对"), Role.EDITOR);
        s.when(SUPERVISOR, step("basic_exp", WorkflowAction.APPROVE, null), Role.SUPERVISOR);
        s.when(SUPERVISOR, step("basic_exp", WorkflowAction.REOPEN, "办公费标准调整"), Role.SUPERVISOR);
        assertEquals(SectionStatus.DRAFT, s.state().workflow().status("basic_exp"));
        assertEquals(ErrorCode.INVALID_VALUE, s.decide(new EditCell(cell("basic_exp", "30201", "public"), "12.00", 1,
                "e1"), Role.EDITOR).rejection().code());
        AppliedEvent edited = s.when(BOB, new EditCell(cell("basic_exp", "30201", "public"), "12.00", 1,
                "按新标准", "e2"), Role.EDITOR);
        assertEquals("按新标准", edited.reason());
        BudgetState replayed = s.replay(s.history());
        assertTrue(replayed.workflow().flow("basic_exp").reopened());
        assertEquals(s.state().workflow().sections(), replayed.workflow().sections());
    }

    @Test
    void approvingEveryTableMakesAnImmutableVersionWithItsHash() {
        Scenario s = Scenario.small().given(ALICE, cell("gp_exp", "2101501", "basic"), "100.00")
                .given(ALICE, cell("basic_exp", "30101", "personnel"), "100.00");
        for (var section : s.state().layout().sections()) {
            s.when(ALICE, step(section.key(), WorkflowAction.SUBMIT, "已核对"), Role.EDITOR);
            s.when(SUPERVISOR, step(section.key(), WorkflowAction.APPROVE, null), Role.SUPERVISOR);
        }
        VersionContent before = s.state().content();
        AppliedEvent v1 = s.when(SUPERVISOR, step(null, WorkflowAction.APPROVE_DOCUMENT, "同意公开"), Role.SUPERVISOR);
        assertEquals(1, v1.approval().version().number());
        assertEquals(ContentHash.of(before), v1.approval().version().hash());
        assertEquals(before, v1.approval().content());
        assertEquals(v1.version(), v1.approval().version().documentVersion());
        assertEquals(ErrorCode.INVALID_STATE, s.decide(step(null, WorkflowAction.APPROVE_DOCUMENT, null),
                Role.SUPERVISOR).rejection().code(), "nothing changed since version 1");

        s.when(SUPERVISOR, step("gp_exp", WorkflowAction.REOPEN, "追加预算"), Role.SUPERVISOR);
        // gp_exp feeds the approved 财政拨款收支总表, 收入总表 and 收支总表: they must be reopened too.
        assertEquals(ErrorCode.SECTION_LOCKED, s.decide(new EditCell(cell("gp_exp", "2101501", "basic"), "150.00", 1,
                "追加", "e"), Role.EDITOR).rejection().code());
        List<String> fed = new ArrayList<>(s.state().layout().sectionsFedBy("gp_exp"));
        assertTrue(fed.containsAll(List.of("fin_summary", "income", "summary")), fed.toString());
        for (String section : fed) {
            s.when(SUPERVISOR, step(section, WorkflowAction.REOPEN, "追加预算"), Role.SUPERVISOR);
        }
        s.when(ALICE, new EditCell(cell("gp_exp", "2101501", "basic"), "150.00", 1, "追加", "e5"), Role.EDITOR);
        assertEquals(before, v1.approval().content(), "later edits never alter version 1");
        fed.add(0, "gp_exp");
        for (String section : fed) {
            s.when(ALICE, step(section, WorkflowAction.SUBMIT, "已核对"), Role.EDITOR);
            s.when(SUPERVISOR, step(section, WorkflowAction.APPROVE, null), Role.SUPERVISOR);
        }
        AppliedEvent v2 = s.when(SUPERVISOR, step(null, WorkflowAction.APPROVE_DOCUMENT, null), Role.SUPERVISOR);
        assertEquals(2, v2.approval().version().number());
        assertNotEquals(v1.approval().version().hash(), v2.approval().version().hash());
        VersionDiff diff = VersionDiff.between(v1.approval().content(), v2.approval().content());
        assertTrue(diff.cells().stream().anyMatch(d -> d.cell().equals(cell("gp_exp", "2101501", "basic"))
                && d.after().toYuanString().equals("150.00") && d.by().equals(ALICE)));
        assertEquals(2, s.replay(s.history()).workflow().versions().size());
    }

    @Test
    void commentsAreThreadsThatReviewersOpenAndTheRightPeopleResolve() {
        Scenario s = inState(SectionStatus.SUBMITTED);
        AppliedEvent opened = s.when(REVIEWER, new CommentCommand(io.yusuan.domain.comments.CommentChange.Kind.OPENED,
                io.yusuan.domain.comments.CommentAnchor.of(cell("gp_exp", "2101501", "basic")), null,
                "行政运行为何比上年增长？", "c1"), Role.REVIEWER);
        String thread = opened.comments().get(0).thread();
        s.when(ALICE, new CommentCommand(io.yusuan.domain.comments.CommentChange.Kind.REPLIED, null, thread,
                "人员增加 2 名", "c2"), Role.EDITOR);
        assertEquals(ErrorCode.FORBIDDEN, s.decide(new Actor(9, "另一位审核人"), new CommentCommand(
                io.yusuan.domain.comments.CommentChange.Kind.RESOLVED, null, thread, null, "c3"), Role.REVIEWER)
                .rejection().code());
        s.when(REVIEWER, new CommentCommand(io.yusuan.domain.comments.CommentChange.Kind.RESOLVED, null, thread, null,
                "c4"), Role.REVIEWER);
        var resolved = s.state().comments().thread(thread).orElseThrow();
        assertTrue(resolved.resolved());
        assertEquals(2, resolved.comments().size());
        assertEquals(ErrorCode.INVALID_STATE, s.decide(REVIEWER, new CommentCommand(
                io.yusuan.domain.comments.CommentChange.Kind.RESOLVED, null, thread, null, "c5"), Role.REVIEWER)
                .rejection().code());
        assertEquals(ErrorCode.UNKNOWN_CELL, s.decide(REVIEWER, new CommentCommand(
                io.yusuan.domain.comments.CommentChange.Kind.OPENED, new io.yusuan.domain.comments.CommentAnchor(
                        "gp_exp", "9999999", "basic"), null, "?", "c6"), Role.REVIEWER).rejection().code());
        assertEquals(s.state().comments().list(), s.replay(s.history()).comments().list());
        assertFalse(s.state().workflow().locked("basic_exp"));
        assertNull(s.state().workflow().sections().get("basic_exp"));
        assertEquals(Map.of(), s.state().emptySections());
    }
}
