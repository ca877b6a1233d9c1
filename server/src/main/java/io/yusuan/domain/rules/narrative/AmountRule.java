package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.rules.Severity;
import java.math.BigDecimal;
import java.util.List;

/**
 * T01: an amount quoted beside a label that names one table figure equals that figure, within the
 * rounding of the digits it is written with («9.9 万元» stands for anything from 9.85 to 9.95 万元).
 * An amount the sentence gives for another year («2023 年…», «上年预算…») is not a figure of these
 * tables and is left alone.
 */
final class AmountRule {

    static final String ID = "T01";

    private AmountRule() {
    }

    static void check(Claims claims, FigureIndex index, Findings out) {
        for (Claim claim : claims.amounts()) {
            if (claim.token().approximate() || claim.keys().isEmpty() || !claims.thisYear(claim)) {
                continue;
            }
            List<Figure> figures = Resolver.figures(claim.keys(), index);
            if (figures.isEmpty()) {
                continue;
            }
            out.checked(ID);
            Quoted quoted = claim.amount();
            Figure figure = figures.get(0);
            BigDecimal table = BigDecimal.valueOf(figure.amount().fen(), 2);
            if (quoted.range().contains(table)) {
                continue;
            }
            String message = "说明中" + (claim.label().isEmpty() ? "" : "「" + claim.label() + "」") + "写为" + quoted.text() + "，表「" + figure.table() + "」中为"
                    + Wording.exact(table, quoted) + "，应为" + Wording.asQuoted(table, quoted) + "。";
            List<CellRef> cells = figures.stream().map(Figure::cell).toList();
            out.add(ID, Severity.ERROR, message, cells, quoted.money(), figure.amount());
        }
    }
}
