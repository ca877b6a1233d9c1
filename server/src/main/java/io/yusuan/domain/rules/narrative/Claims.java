package io.yusuan.domain.rules.narrative;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Everything the rules judge in one text.
 *
 * @param amounts          every stated amount, in text order
 * @param shareGroups      shares listed together («A 万元，占 p%；B 万元，占 q%…»)
 * @param breakdowns       an amount followed by «其中» and the items it is made of
 * @param changesByAmount  for each stated amount (元), the changes the text attaches to it anywhere:
 *                         a breakdown whose head states no change takes the change stated for the
 *                         same amount elsewhere — if the text states only one
 * @param budgetYear       the year of the tables, given or the latest the text writes before an amount
 */
record Claims(List<Claim> amounts, List<ShareGroup> shareGroups, List<Breakdown> breakdowns,
              Map<BigDecimal, List<Token>> changesByAmount, int budgetYear) {

    /** Whether an amount is of the budget year, as far as its words tell (no year named counts as yes). */
    boolean thisYear(Claim claim) {
        return claim.year() == 0 || claim.year() > 0 && (budgetYear == 0 || claim.year() == budgetYear);
    }

    /**
     * Shares listed together. {@code head} is the amount they were introduced as parts of («其中»,
     * «分为» after it), if the text names one; {@code headInSentence} when it is in the same sentence.
     */
    record ShareGroup(List<Claim> parts, Claim head, boolean headInSentence) {
    }

    /** One item of a breakdown: a stated amount with its change, or a change alone («基本支出增加 …»). */
    record Component(Claim claim, Token change) {
    }

    /** {@code complete} is false when an item has no change or the list could not be followed. */
    record Breakdown(Claim head, List<Component> components, boolean complete) {
    }
}
