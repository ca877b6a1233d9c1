package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.rules.RuleResult;
import java.math.BigDecimal;
import java.util.List;

/** Short handmade sentences against a handmade index: the fixture of the rule tests. */
final class Texts {

    static final CellRef TEXT = new CellRef("notes", "ch1", "text");

    private Texts() {
    }

    static NarrativeReport check(String text, FigureIndex index) {
        return NarrativeChecker.check(TEXT, text, index);
    }

    static NarrativeReport check(String text) {
        return check(text, new SimpleFigureIndex());
    }

    /** An amount printed in 万元, as exact 元. */
    static Money wan(String printed) {
        return Money.ofFen(new BigDecimal(printed).movePointRight(6).longValueExact());
    }

    static CellRef cell(String section, String row) {
        return new CellRef(section, row, "total");
    }

    /** «rule severity» per finding, in order: the shape of a report at a glance. */
    static List<String> found(NarrativeReport report) {
        return report.results().stream().map(r -> r.rule() + " " + r.severity()).toList();
    }

    static RuleResult only(NarrativeReport report) {
        if (report.results().size() != 1) {
            throw new AssertionError("expected one finding, got " + report.results());
        }
        return report.results().get(0);
    }
}
