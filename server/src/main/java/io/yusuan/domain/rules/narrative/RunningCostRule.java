package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.rules.Severity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * X08: the 机关运行经费 the text states does not exceed the tables' 公用经费. 机关运行经费 are the
 * 公用经费 of the administrative units, so a larger figure means one of the two is wrong. It is a
 * warning, not an error: some provinces count part of the 项目支出 as 机关运行经费. Only an excess beyond
 * the rounding of the quote is reported («29.3 万元» may be as little as 29.25 万元).
 */
final class RunningCostRule {

    static final String ID = "X08";

    private RunningCostRule() {
    }

    static void check(Claims claims, FigureIndex index, Findings out) {
        Optional<Figure> publicTotal = index.publicExpenseTotal();
        if (publicTotal.isEmpty()) {
            return;
        }
        Figure figure = publicTotal.get();
        BigDecimal limit = BigDecimal.valueOf(figure.amount().fen(), 2);
        for (Claim claim : claims.amounts()) {
            if (claim.token().approximate() || !namesRunningCosts(claim) || !claims.thisYear(claim)) {
                continue;
            }
            out.checked(ID);
            Quoted quoted = claim.amount();
            if (quoted.range().lo().compareTo(limit) <= 0) {
                continue;
            }
            String message = "说明中机关运行经费写为" + quoted.text() + "，超过表「" + figure.table() + "」中的公用经费"
                    + Wording.exact(limit, quoted) + "：机关运行经费应不超过公用经费。";
            out.add(ID, Severity.WARNING, message, List.of(figure.cell()), quoted.money(), figure.amount());
        }
    }

    private static boolean namesRunningCosts(Claim claim) {
        String lead = Labels.normalize(claim.token().lead());
        return lead.contains("机关运行经费") || lead.contains("机关运行费");
    }
}
