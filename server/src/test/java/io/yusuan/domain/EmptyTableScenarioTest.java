package io.yusuan.domain;

import static io.yusuan.domain.Scenario.ALICE;
import static io.yusuan.domain.Scenario.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.workflow.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 空表: a table without figures is flagged until it is filled or marked empty with its note. */
class EmptyTableScenarioTest {

    private static boolean flagged(Scenario s, String section) {
        return s.state().violations().stream().anyMatch(r -> r.key().equals("X11:" + section));
    }

    @Test
    void aTableWithoutFiguresIsFlaggedUntilMarkedEmptyWithItsNote() {
        Scenario s = Scenario.small();
        assertTrue(flagged(s, "dept_exp"));

        assertEquals(ErrorCode.INVALID_VALUE,
                s.decide(new MarkSectionEmpty("dept_exp", true, "  ", "m0"), Role.EDITOR).rejection().code(),
                "the note is required");
        AppliedEvent marked = s.when(ALICE, new MarkSectionEmpty("dept_exp", true, "本部门无此项支出", "m1"),
                Role.EDITOR);
        assertEquals(List.of(new SectionMark("dept_exp", true, "本部门无此项支出")), marked.marks());
        assertTrue(marked.checks().stream().anyMatch(c -> c.resolved() && c.result().key().equals("X11:dept_exp")));
        assertEquals(Map.of("dept_exp", "本部门无此项支出"), s.state().emptySections());

        // A table marked empty takes no figures until the mark is taken away.
        assertEquals(ErrorCode.INVALID_STATE, s.decide(new EditCell(cell("dept_exp", "2101501", "basic"), "1", 0, "e"),
                Role.EDITOR).rejection().code());
        s.when(ALICE, new MarkSectionEmpty("dept_exp", false, null, "m2"), Role.EDITOR);
        assertTrue(flagged(s, "dept_exp"));
        AppliedEvent filled = s.when(ALICE, new EditCell(cell("dept_exp", "2101501", "basic"), "0", 0, "e2"),
                Role.EDITOR);
        assertTrue(filled.checks().stream().map(CheckChange::result).anyMatch(r -> r.key().equals("X11:dept_exp")),
                "a zero is a figure: the table is no longer without data");
        assertTrue(!flagged(s, "dept_exp"));
    }

    @Test
    void aTableWithFiguresCannotBeMarkedEmptyAndMarksSurviveReplay() {
        Scenario s = Scenario.small().given(ALICE, cell("gp_exp", "2101501", "basic"), "5.00");
        assertEquals(ErrorCode.INVALID_STATE,
                s.decide(new MarkSectionEmpty("gp_exp", true, "无", "m"), Role.EDITOR).rejection().code());
        assertEquals(ErrorCode.FORBIDDEN,
                s.decide(new MarkSectionEmpty("dept_exp", true, "无", "m"), Role.REVIEWER).rejection().code());
        s.when(ALICE, new MarkSectionEmpty("dept_exp", true, "本部门无此项支出", "m1"), Role.EDITOR);
        BudgetState replayed = s.replay(s.history());
        assertEquals(s.state().emptySections(), replayed.emptySections());
        assertEquals(s.state().violations(), replayed.violations());
    }

    @Test
    void aMarkedTableThatReceivesDerivedFiguresIsAnError() {
        Scenario s = Scenario.small();
        s.when(ALICE, new MarkSectionEmpty("fin_summary", true, "无财政拨款", "m"), Role.EDITOR);
        AppliedEvent edit = s.when(ALICE, new EditCell(cell("gp_exp", "2101501", "basic"), "5.00", 0, "e"),
                Role.EDITOR);
        assertTrue(edit.checks().stream().anyMatch(c -> c.result().key().equals("X11:fin_summary")
                && c.result().severity() == io.yusuan.domain.rules.Severity.ERROR), () -> edit.checks().toString());
        assertEquals(s.state().violations(), s.replay(s.history()).violations());
    }
}
