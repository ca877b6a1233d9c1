package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.budget.CellRef;
import java.util.Objects;

/**
 * Checks the figures of one 说明 text against each other and against the tables: T01 (quoted
 * amounts), T02 (shares), T03 (year-on-year rates and the sums of changes) and X08 (机关运行经费 ≤
 * 公用经费). Pure and stateless; a whole published 说明 (seed 001: 34 000 characters, tables
 * included) takes a few milliseconds, so a document may re-check a text cell on every edit of it or
 * of a figure it quotes.
 *
 * <p>The checker is conservative by design: a claim is judged only when the sentence says
 * unambiguously which figure it is about, and every tolerance is the one the written digits allow.
 * A missed inconsistency costs a reviewer a look; a false alarm in a live checker costs trust in all
 * the others.
 */
public final class NarrativeChecker {

    private NarrativeChecker() {
    }

    /**
     * @param textCell the cell holding the text (first cell of every result)
     * @param text     the text as typed or imported, line breaks and all
     * @param index    the figures it may quote — restricted with {@link FigureIndex#within} when the
     *                 text explains particular tables
     */
    public static NarrativeReport check(CellRef textCell, String text, FigureIndex index) {
        Objects.requireNonNull(textCell, "textCell");
        Objects.requireNonNull(index, "index");
        Claims claims = ClaimReader.read(NarrativeText.of(text == null ? "" : text), index.budgetYear());
        Findings out = new Findings(textCell);
        AmountRule.check(claims, index, out);
        ShareRule.check(claims, out);
        ChangeRule.check(claims, index, out);
        RunningCostRule.check(claims, index, out);
        return out.report();
    }
}
