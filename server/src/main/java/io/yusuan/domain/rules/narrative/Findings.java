package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects the results of one text: keys «T03:<text cell>:<n>», numbered per rule in text order. */
final class Findings {

    private final CellRef text;
    private final List<RuleResult> results = new ArrayList<>();
    private final Map<String, Integer> found = new TreeMap<>();
    private final Map<String, Integer> checked = new TreeMap<>();

    Findings(CellRef text) {
        this.text = text;
    }

    void checked(String rule) {
        checked.merge(rule, 1, Integer::sum);
    }

    /** A finding; {@code tableCells} are the figures involved (the text cell always comes first). */
    void add(String rule, Severity severity, String message, List<CellRef> tableCells, Money left, Money right) {
        int n = found.merge(rule, 1, Integer::sum);
        List<CellRef> cells = new ArrayList<>();
        cells.add(text);
        for (CellRef c : tableCells) {
            if (!cells.contains(c)) {
                cells.add(c);
            }
        }
        results.add(new RuleResult(rule + ":" + text + ":" + n, rule, severity, message, cells, left, right));
    }

    NarrativeReport report() {
        return new NarrativeReport(results, checked);
    }
}
