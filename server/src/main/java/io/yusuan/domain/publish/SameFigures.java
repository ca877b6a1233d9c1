package io.yusuan.domain.publish;

import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.Term;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds computed cells that are the same combination of inputs as an earlier cell, whatever their
 * formulas look like: the 财政拨款收支总表's 本年支出 一般公共预算 (Σ 类 lines, each a copy of an
 * 一般公共预算支出表 类 合计) is the 一般公共预算支出表's 合计 合计 (合计 基本 + 合计 项目); in a tree with one
 * 类 and one 款, 合计 合计 = 类 合计 = 款 合计. Such cells always hold the same figure, exact or
 * published, so {@link BalanceStructure} treats the later one as an alias of the earlier and a sum
 * over it can claim the figure it really is.
 *
 * <p>A linear fingerprint (a fixed pseudo-random 64-bit weight per input, summed with the formula
 * signs) finds candidates in time linear in the formulas; a candidate is accepted only after its
 * expansion into inputs has been compared exactly, so a fingerprint collision can never alias two
 * different figures.
 */
final class SameFigures {

    private final List<CellSpec> cells;
    private final int[][] operands;
    private final long[] fingerprint;
    /** The registered cell a cell is the same figure as (itself when registered), or -1. */
    private final int[] canonical;
    /** For a registered sum: its + operands' canonical cells, sorted (null otherwise). */
    private final int[][] canonicalParts;
    private final Map<Long, List<Integer>> registered = new HashMap<>();

    SameFigures(List<CellSpec> cells, int[][] operands) {
        this.cells = cells;
        this.operands = operands;
        this.fingerprint = new long[cells.size()];
        this.canonical = new int[cells.size()];
        this.canonicalParts = new int[cells.size()][];
        java.util.Arrays.fill(canonical, -1);
    }

    /** An input: its own weight, from its position in layout order (so the same on every run). */
    void addInput(int cell) {
        fingerprint[cell] = mix(cell + 1L);
        register(cell);
    }

    /**
     * Computes a computed cell's fingerprint (its operands must have theirs) and returns an earlier
     * registered cell with exactly the same inputs, or -1.
     */
    int findEarlier(int cell) {
        List<Term> terms = cells.get(cell).formula().terms();
        long f = 0;
        for (int t = 0; t < terms.size(); t++) {
            f += terms.get(t).sign() * fingerprint[operands[cell][t]];
        }
        fingerprint[cell] = f;
        if (f == 0) {
            return -1; // an empty combination (no terms, or x − x): a figure of its own
        }
        int[] parts = plusParts(cell);
        if (parts != null && parts.length == 1) {
            canonical[cell] = parts[0]; // a copy of one figure: the same figure, no need to expand
            return parts[0];
        }
        for (int candidate : registered.getOrDefault(f, List.of())) {
            // Same parts: the same figure by construction; else compare what both add up to.
            if (parts != null && java.util.Arrays.equals(parts, canonicalParts[candidate])
                    || expansion(candidate).equals(expansion(cell))) {
                canonical[cell] = candidate;
                return candidate;
            }
        }
        canonicalParts[cell] = parts;
        return -1;
    }

    /** Makes the cell a figure later cells may turn out to equal. */
    void register(int cell) {
        canonical[cell] = cell;
        registered.computeIfAbsent(fingerprint[cell], k -> new ArrayList<>()).add(cell);
    }

    /** A + sum's operands as their canonical figures, sorted; null if a term is − or not a figure. */
    private int[] plusParts(int cell) {
        List<Term> terms = cells.get(cell).formula().terms();
        int[] parts = new int[terms.size()];
        for (int t = 0; t < parts.length; t++) {
            parts[t] = canonical[operands[cell][t]];
            if (terms.get(t).sign() < 0 || parts[t] < 0) {
                return null;
            }
        }
        java.util.Arrays.sort(parts);
        return parts;
    }

    /** Input → coefficient: what the cell adds up, through every level of formulas. */
    private Map<Integer, Long> expansion(int cell) {
        Map<Integer, Long> out = new HashMap<>();
        expand(cell, 1, out);
        out.values().removeIf(c -> c == 0);
        return out;
    }

    private void expand(int cell, long coefficient, Map<Integer, Long> out) {
        if (cells.get(cell).isInput()) {
            out.merge(cell, coefficient, Long::sum);
            return;
        }
        List<Term> terms = cells.get(cell).formula().terms();
        for (int t = 0; t < terms.size(); t++) {
            expand(operands[cell][t], coefficient * terms.get(t).sign(), out);
        }
    }

    /** SplitMix64's finaliser: distinct inputs get distinct, well spread weights. */
    private static long mix(long x) {
        long z = x * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
