package io.yusuan.domain.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.Term;
import io.yusuan.domain.rules.Comparison;
import io.yusuan.domain.rules.Rule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The properties RoundingBalance promises, checked from outside: each computed cell equals its
 * formula on the published figures, empty stays empty, every figure is a whole unit, every forest
 * figure and coupled row 合计 is less than one unit off, pinned figures and roots with no pin beneath
 * are rounded half-up, and a comparison whose two figures are pinned holds in print; plus how far
 * the rest is off.
 */
final class BalanceCheck {

    /** How far the published figures are from the exact ones, in units. */
    record Errors(int cells, double forestMax, double coupledMax, double derivedMax,
                  Map<String, Double> derivedOverOneUnit) {
    }

    /** Rules comparing two single figures that hold in 元: how many, how many pinned, how many hold in print. */
    record Comparisons(int holdInYuan, int pinned, int holdInPrint, List<String> notPinned) {
    }

    private BalanceCheck() {
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

    private static long halfUpFen(Money exact, long unit) {
        return Apportion.halfUp(exact.fen(), unit) * unit;
    }

    static Errors assertBalanced(DocumentLayout layout, Function<CellRef, Money> inputs,
                                 RoundingBalance.Result result, long unit) {
        Map<CellRef, Money> exact = exact(layout, inputs);
        Map<CellRef, Money> published = result.published();
        BalanceStructure forest = BalanceStructure.of(layout);
        double forestMax = 0;
        double coupledMax = 0;
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
                if (result.pinned().contains(ref) || forest.parent[i] < 0 && !pinnedBeneath(forest, i, result)) {
                    assertEquals(halfUpFen(e, unit), p.fen(), ref + " is pinned, or a root with no pin beneath");
                }
            } else if (coupled(forest, i)) {
                assertTrue(error < 1, ref + " is a coupled row 合计, off by " + error + " units");
                coupledMax = Math.max(coupledMax, error);
            } else {
                derivedMax = Math.max(derivedMax, error);
                if (error >= 1) {
                    overOne.put(ref.toString(), error);
                }
            }
        }
        assertEquals(exact.size(), published.size(), "no figure for a cell that is not an amount cell");
        return new Errors(published.size(), forestMax, coupledMax, derivedMax, overOne);
    }

    private static boolean pinnedBeneath(BalanceStructure s, int cell, RoundingBalance.Result result) {
        if (s.parts[cell] == null) {
            return false;
        }
        for (int part : s.parts[cell]) {
            if (result.pinned().contains(s.cells.get(part).ref()) || pinnedBeneath(s, part, result)) {
                return true;
            }
        }
        return false;
    }

    /** A derived cell whose parts are the cells of one row of a coupling group. */
    private static boolean coupled(BalanceStructure s, int cell) {
        if (s.cells.get(cell).isInput()) {
            return false;
        }
        for (Term term : s.cells.get(cell).formula().terms()) {
            if (s.rowOf[s.resolve(s.indexOf(term.ref()))] != cell) {
                return false;
            }
        }
        return true;
    }

    /**
     * For every rule comparing two single figures that holds in 元: when both its figures are pinned
     * it must hold in print (equal stays equal, ≤ stays ≤).
     */
    static Comparisons assertComparisons(DocumentLayout layout, Map<CellRef, Money> exact,
                                         RoundingBalance.Result result) {
        BalanceStructure s = BalanceStructure.of(layout);
        int hold = 0;
        int pinned = 0;
        int holdInPrint = 0;
        List<String> notPinned = new ArrayList<>();
        for (Rule rule : layout.rules().all()) {
            if (rule.left().terms().size() != 1 || rule.right().terms().size() != 1) {
                continue;
            }
            CellRef l = rule.left().terms().get(0).ref();
            CellRef r = rule.right().terms().get(0).ref();
            boolean atMost = rule.def().comparison() == Comparison.AT_MOST;
            if (exact.get(l) == null || exact.get(r) == null || !holds(exact.get(l), exact.get(r), atMost)) {
                continue;
            }
            hold++;
            boolean inPrint = holds(result.published().get(l), result.published().get(r), atMost);
            holdInPrint += inPrint ? 1 : 0;
            if (isPinned(s, l, result) && isPinned(s, r, result)) {
                pinned++;
                assertTrue(inPrint, rule.key() + ": both figures pinned, so it holds in print");
            } else {
                notPinned.add(rule.key());
            }
        }
        return new Comparisons(hold, pinned, holdInPrint, notPinned);
    }

    private static boolean holds(Money left, Money right, boolean atMost) {
        return atMost ? left.compareTo(right) <= 0 : left.equals(right);
    }

    static boolean isPinned(BalanceStructure s, CellRef ref, RoundingBalance.Result result) {
        return result.pinned().contains(s.cells.get(s.resolve(s.indexOf(ref))).ref());
    }
}
