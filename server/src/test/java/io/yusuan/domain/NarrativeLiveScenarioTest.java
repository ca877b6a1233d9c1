package io.yusuan.domain;

import static io.yusuan.domain.Scenario.ALICE;
import static io.yusuan.domain.Scenario.cell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.workflow.Role;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The 说明 checked live: a chapter's quote goes wrong when the table changes under it, and right again. */
class NarrativeLiveScenarioTest {

    private static final CellRef CHAPTER = cell("narrative", "on_gp_exp", "text");

    private static List<CheckChange> narrative(AppliedEvent event) {
        return event.checks().stream().filter(c -> c.result().key().startsWith("narrative:")).toList();
    }

    @Test
    void aQuotedFigureIsCheckedOnEveryEditThatMovesItAndOnlyThen() {
        Scenario s = Scenario.small().given(ALICE, cell("gp_exp", "2101501", "basic"), "4162500.00");
        AppliedEvent written = s.when(ALICE, new EditText(CHAPTER, "行政运行 416.25 万元，用于机关正常运转。", 0, null, "t1"),
                Role.EDITOR);
        assertEquals(List.of(), narrative(written), "the quote agrees with the table");

        AppliedEvent moved = s.when(ALICE, new EditCell(cell("gp_exp", "2101501", "basic"), "4000000.00", 1, "e1"),
                Role.EDITOR);
        List<CheckChange> flagged = narrative(moved);
        assertEquals(1, flagged.size(), flagged.toString());
        assertEquals("T01", flagged.get(0).result().rule());
        assertTrue(flagged.get(0).result().cells().contains(CHAPTER));
        assertTrue(!flagged.get(0).resolved());

        AppliedEvent unrelated = s.when(ALICE, new EditCell(cell("basic_exp", "30201", "public"), "1000.00", 0, "e2"),
                Role.EDITOR);
        assertEquals(List.of(), narrative(unrelated), "a figure the chapter does not quote changes nothing");

        AppliedEvent fixed = s.when(ALICE, new EditText(CHAPTER, "行政运行 400.00 万元，用于机关正常运转。", 1, null, "t2"),
                Role.EDITOR);
        assertEquals(1, narrative(fixed).size());
        assertTrue(narrative(fixed).get(0).resolved());
        assertEquals(s.state().violations(), s.replay(s.history()).violations(), "replay gives the same findings");
    }

    @Test
    void aRateOnTheWrongBaseIsFlaggedWhenTheChapterIsWritten() {
        Scenario s = Scenario.small().given(ALICE, cell("gp_exp", "2101501", "basic"), "4162500.00");
        AppliedEvent written = s.when(ALICE, new EditText(CHAPTER, "行政运行（2101501）2024 年预算 416.25 万元，比 2023 年预算"
                + "减少 77.94 万元，下降 23.04%。", 0, null, "t1"), Role.EDITOR);
        List<CheckChange> flagged = narrative(written);
        assertEquals(1, flagged.size(), flagged.toString());
        assertEquals("T03", flagged.get(0).result().rule());
        assertTrue(flagged.get(0).result().message().contains("15.77%"), flagged.get(0).result().message());
    }
}
