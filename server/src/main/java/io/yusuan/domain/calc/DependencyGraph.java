package io.yusuan.domain.calc;

import io.yusuan.domain.budget.CellRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who depends on whom among a document's cells. Built once per document layout; a cycle is a
 * template error and is rejected here. Each computed cell gets a topological rank, so an edit
 * recomputes only the cells downstream of it, each once, after all of its operands.
 */
public final class DependencyGraph {

    private final Map<CellRef, List<CellRef>> dependents;
    private final Map<CellRef, Integer> rank;
    private final List<CellRef> order;

    private DependencyGraph(Map<CellRef, List<CellRef>> dependents, List<CellRef> order) {
        this.dependents = dependents;
        this.order = List.copyOf(order);
        this.rank = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            rank.put(order.get(i), i);
        }
    }

    public static DependencyGraph build(Map<CellRef, CellSpec> cells) {
        Map<CellRef, List<CellRef>> dependents = new HashMap<>();
        Map<CellRef, Integer> pendingOperands = new HashMap<>();
        for (CellSpec spec : cells.values()) {
            if (spec.isInput()) {
                continue;
            }
            int computedOperands = 0;
            for (Term term : spec.formula().terms()) {
                dependents.computeIfAbsent(term.ref(), k -> new ArrayList<>()).add(spec.ref());
                CellSpec operand = cells.get(term.ref());
                if (operand != null && !operand.isInput()) {
                    computedOperands++;
                }
            }
            pendingOperands.put(spec.ref(), computedOperands);
        }
        List<CellRef> order = topologicalOrder(cells, dependents, pendingOperands);
        return new DependencyGraph(dependents, order);
    }

    private static List<CellRef> topologicalOrder(Map<CellRef, CellSpec> cells,
                                                  Map<CellRef, List<CellRef>> dependents,
                                                  Map<CellRef, Integer> pending) {
        Deque<CellRef> ready = new ArrayDeque<>();
        pending.forEach((cell, count) -> {
            if (count == 0) {
                ready.add(cell);
            }
        });
        List<CellRef> order = new ArrayList<>(pending.size());
        while (!ready.isEmpty()) {
            CellRef cell = ready.poll();
            order.add(cell);
            for (CellRef dependent : dependents.getOrDefault(cell, List.of())) {
                int left = pending.merge(dependent, -1, Integer::sum);
                if (left == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() != pending.size()) {
            List<String> stuck = pending.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getKey().toString()).sorted().limit(10).toList();
            throw new IllegalStateException("formula cycle among cells " + stuck);
        }
        return order;
    }

    /** Every computed cell, operands before results. */
    public List<CellRef> computeOrder() {
        return order;
    }

    /** The computed cells reachable from {@code changed}, in topological order. */
    public List<CellRef> affectedBy(Collection<CellRef> changed) {
        Set<CellRef> seen = new HashSet<>();
        Deque<CellRef> queue = new ArrayDeque<>(changed);
        while (!queue.isEmpty()) {
            for (CellRef dependent : dependents.getOrDefault(queue.poll(), List.of())) {
                if (seen.add(dependent)) {
                    queue.add(dependent);
                }
            }
        }
        List<CellRef> affected = new ArrayList<>(seen);
        affected.sort(Comparator.comparingInt(rank::get));
        return affected;
    }
}
