package io.yusuan.domain.calc;

import io.yusuan.domain.budget.CellRef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which tables feed which, from the cross-table terms of the formulas, closed transitively: the
 * figures of 一般公共预算支出表 flow into 财政拨款收支总表, whose lines may flow on into 收支总表. A
 * row change in one table may only happen when none of the tables it feeds is locked.
 */
final class SectionFlows {

    private SectionFlows() {
    }

    static Map<String, Set<String>> of(Map<CellRef, CellSpec> cells) {
        Map<String, Set<String>> direct = new HashMap<>();
        for (CellSpec spec : cells.values()) {
            if (spec.isInput()) {
                continue;
            }
            String to = spec.ref().section();
            for (Term term : spec.formula().terms()) {
                String from = term.ref().section();
                if (!from.equals(to)) {
                    direct.computeIfAbsent(from, k -> new HashSet<>()).add(to);
                }
            }
        }
        Map<String, Set<String>> closed = new HashMap<>();
        for (String start : direct.keySet()) {
            Set<String> reached = new HashSet<>();
            Deque<String> queue = new ArrayDeque<>(direct.get(start));
            while (!queue.isEmpty()) {
                String next = queue.poll();
                if (!next.equals(start) && reached.add(next)) {
                    queue.addAll(direct.getOrDefault(next, Set.of()));
                }
            }
            closed.put(start, Set.copyOf(reached));
        }
        return closed;
    }
}
