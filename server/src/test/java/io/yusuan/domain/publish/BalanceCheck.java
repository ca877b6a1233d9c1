package io.yusuan.domain.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.rules.Comparison;
import io.yusuan.domain.rules.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The properties every balancing must have, checked from outside: each computed cell equals its
 * formula on the published figures, empty stays empty, every figure is a whole unit, forest figures
 * are less than one unit off (roots exactly rounded half-up); and how far the derived rest is off.
 */
final class BalanceCheck {

    /** How far the published figures are from the exact ones, in units. */
    record Errors(int cells, double forestMax, double derivedMax, Map<String, Double> derivedOverOneUnit) {
    }

    /** Rules comparing two single figures, both rounded on their own: how many, how many hold. */
    record Comparisons(int roundedAlone, int equalInYuan, int equalInPrint, List<String> notRoundedAlone) {
    }

    private BalanceCheck() {
    }

    /**
     * The class comment's promise that the figure is its exact value rounded half-up: a root, or a
     * pinned part of a join that is a root (the figures in this test are never negative).
     */
    static boolean roundedAlone(BalanceStructure s, CellRef ref) {
        int cell = s.resolve(s.indexOf(ref));
        if (!s.inForest[cell]) {
            return false;
        }
        int parent = s.parent[cell];
        return parent < 0 || s.pinned[cell] && s.respectsPins[parent] && s.parent[parent] < 0;
    }

    /**
     * For every rule whose two sides are single figures rounded on their own: equal in 元 must print
     * equal, and an atMost that holds in 元 must hold in print (half-up rounding is monotone).
     */
    static Comparisons assertComparisons(DocumentLayout layout, Map<CellRef, Money> exact,
                                         Map<CellRef, Money> published) {
        BalanceStructure s = BalanceStructure.of(layout);
        int alone = 0;
        int equal = 0;
        int printedEqual = 0;
        List<String> others = new ArrayList<>();
        for (Rule rule : layout.rules().all()) {
            if (rule.left().terms().size() != 1 || rule.right().terms().size() != 1) {
                continue;
            }
            CellRef l = rule.left().terms().get(0).ref();
            CellRef r = rule.right().terms().get(0).ref();
            if (exact.get(l) == null || exact.get(r) == null) {
                continue;
            }
            if (!roundedAlone(s, l) || !roundedAlone(s, r)) {
                others.add(rule.key());
                continue;
            }
            alone++;
            int inYuan = exact.get(l).compareTo(exact.get(r));
            int inPrint = published.get(l).compareTo(published.get(r));
            if (inYuan == 0) {
                equal++;
                assertEquals(0, inPrint, rule.key() + ": equal in 元, so equal in print");
            } else if (rule.def().comparison() == Comparison.AT_MOST && inYuan < 0) {
                assertTrue(inPrint <= 0, rule.key() + ": holds in 元, so in print");
            }
            printedEqual += inPrint == 0 ? 1 : 0;
        }
        return new Comparisons(alone, equal, printedEqual, others);
    }

    /** The exact value of every amount cell: inputs as given, computed cells by their formulas. */
    static Map<CellRef, Money> exact(DocumentLayout layout, Function<CellRef, Money> inputs) {
        Map<CellRef, Money> values = new HashMap<>();
        for (CellSpec spec : layout.cells()) {
            if (spec.isInput()) {
                Money value = inputs.apply(spec.ref());
                if (value != null) {
                    values.put(spec.ref(), value);
                }
            }
        }
        for (CellRef ref : layout.graph().computeOrder()) {
            Money value = layout.cell(ref).orElseThrow().formula().evaluate(values::get);
            if (value != null) {
                values.put(ref, value);
            }
        }
        return values;
    }

    static Errors assertBalanced(DocumentLayout layout, Function<CellRef, Money> inputs,
                                 Map<CellRef, Money> published, long unit) {
        Map<CellRef, Money> exact = exact(layout, inputs);
        BalanceStructure forest = BalanceStructure.of(layout);
        double forestMax = 0;
        double derivedMax = 0;
        Map<String, Double> overOne = new TreeMap<>();
        for (int i = 0; i < forest.cells.size(); i++) {
            CellSpec spec = forest.cells.get(i);
            CellRef ref = spec.ref();
            Money e = exact.get(ref);
            Money p = published.get(ref);
            assertEquals(e == null, p == null, ref + ": empty exactly when the exact figure is empty");
            if (p == null) {
                continue;
            }
            assertEquals(0, Math.floorMod(p.fen(), unit), ref + " is a whole number of units: " + p);
            if (!spec.isInput()) {
                assertEquals(spec.formula().evaluate(published::get), p, ref + " equals its formula");
            }
            double error = Math.abs(p.fen() - e.fen()) / (double) unit;
            if (forest.inForest[i]) {
                assertTrue(error < 1, ref + " is in the forest, off by " + error + " units");
                forestMax = Math.max(forestMax, error);
                if (roundedAlone(forest, ref)) {
                    assertEquals(Apportion.halfUp(e.fen(), unit), p.fen(), ref + " is rounded on its own: half-up");
                }
            } else {
                derivedMax = Math.max(derivedMax, error);
                if (error >= 1) {
                    overOne.put(ref.toString(), error);
                }
            }
        }
        assertEquals(exact.size(), published.size(), "no figure for a cell that is not an amount cell");
        return new Errors(published.size(), forestMax, derivedMax, overOne);
    }
}
