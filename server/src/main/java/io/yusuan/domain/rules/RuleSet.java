package io.yusuan.domain.rules;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.Formula;
import io.yusuan.domain.calc.FormulaParser;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.calc.Term;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rules of one document, compiled against its layout once, with an index from each cell to
 * the rules that read it — so an edit re-evaluates only the rules touching the cells it changed.
 */
public final class RuleSet {

    /** 0.005 万元 = 50 元: the most a figure printed to 0.01 万元 was rounded by. */
    private static final long HALF_HUNDREDTH_WAN_IN_FEN = 5_000;

    private final List<Rule> rules;
    private final Map<CellRef, List<Rule>> byCell = new HashMap<>();
    private final boolean roundedFigures;

    private RuleSet(List<Rule> rules, boolean roundedFigures) {
        this.rules = List.copyOf(rules);
        this.roundedFigures = roundedFigures;
        for (Rule rule : rules) {
            rule.cells().forEach(cell -> byCell.computeIfAbsent(cell, c -> new ArrayList<>()).add(rule));
        }
    }

    public static RuleSet empty() {
        return new RuleSet(List.of(), false);
    }

    /**
     * Instantiates every rule against the layout. {@code roundedFigures}: the document's figures
     * are kept to 0.01 万元, so differences within the rounding remainder are 尾差 (info).
     */
    public static RuleSet compile(List<RuleDef> defs, DocumentLayout layout, boolean roundedFigures) {
        List<Rule> rules = new ArrayList<>();
        Map<String, Integer> sameId = new HashMap<>();
        defs.forEach(d -> sameId.merge(d.id(), 1, Integer::sum));
        Map<String, Integer> nth = new HashMap<>();
        for (RuleDef def : defs) {
            // Several rules may share an id (the X07 pairs); their keys stay unique and stable.
            String key = sameId.get(def.id()) > 1 ? def.id() + "-" + nth.merge(def.id(), 1, Integer::sum) : def.id();
            if (def.forEachRowOf() == null) {
                instantiate(def, key, def.left(), def.right(), layout).ifPresent(rules::add);
                continue;
            }
            SectionLayout section = layout.sections().stream().filter(s -> s.key().equals(def.forEachRowOf()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "rule " + def.id() + " names unknown section " + def.forEachRowOf()));
            for (RowLayout row : section.rows()) {
                instantiate(def, key + ":" + row.key(), def.left().replace("{row}", row.key()),
                        def.right().replace("{row}", row.key()), layout).ifPresent(rules::add);
            }
        }
        return new RuleSet(rules, roundedFigures);
    }

    private static Optional<Rule> instantiate(RuleDef def, String key, String left, String right,
                                              DocumentLayout layout) {
        Formula l = layout.resolve(FormulaParser.parse(left, "", ""), "rule " + key);
        Formula r = layout.resolve(FormulaParser.parse(right, "", ""), "rule " + key);
        if (l.terms().isEmpty() && r.terms().isEmpty()) {
            return Optional.empty(); // neither side exists in this document: the rule says nothing
        }
        Set<CellRef> cells = new LinkedHashSet<>();
        int rounded = 0;
        for (Term term : concat(l, r)) {
            cells.add(term.ref());
            rounded += layout.inputsBeneath(term.ref());
        }
        return Optional.of(new Rule(key, def, l, r, List.copyOf(cells), rounded));
    }

    private static List<Term> concat(Formula a, Formula b) {
        List<Term> all = new ArrayList<>(a.terms());
        all.addAll(b.terms());
        return all;
    }

    public List<Rule> all() {
        return rules;
    }

    /** The rules reading any of {@code cells}, each once. */
    public List<Rule> affectedBy(Collection<CellRef> cells) {
        Set<Rule> affected = new LinkedHashSet<>();
        for (CellRef cell : cells) {
            affected.addAll(byCell.getOrDefault(cell, List.of()));
        }
        return List.copyOf(affected);
    }

    /** The rule's result now: empty when it holds. */
    public Optional<RuleResult> evaluate(Rule rule, Function<CellRef, Money> valueOf) {
        Money left = rule.left().evaluate(valueOf);
        Money right = rule.right().evaluate(valueOf);
        long l = left == null ? 0 : left.fen();
        long r = right == null ? 0 : right.fen();
        boolean holds = rule.def().comparison() == Comparison.EQUAL ? l == r : l <= r;
        if (holds) {
            return Optional.empty();
        }
        Severity severity = rule.def().severity();
        String message = rule.def().message();
        long tolerance = HALF_HUNDREDTH_WAN_IN_FEN * (rule.roundedInputs() + 1L);
        if (roundedFigures && rule.def().comparison() == Comparison.EQUAL && Math.abs(l - r) <= tolerance) {
            severity = Severity.INFO;
            message = "尾差：" + message;
        }
        return Optional.of(new RuleResult(rule.key(), rule.def().id(), severity, message, rule.cells(), left, right));
    }
}
