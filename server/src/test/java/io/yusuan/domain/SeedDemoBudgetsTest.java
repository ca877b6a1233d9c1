package io.yusuan.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.demo.DemoBudget;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.store.Catalog.DocumentInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Seeds 002 (陕西 单位预算, 元) and 003 (河北 部门预算, 元, OCR-repaired) through their templates: every
 * figure the documents printed for a derived cell is reproduced exactly from the inputs, and the
 * rules flag what the seeds really get wrong.
 */
class SeedDemoBudgetsTest {

    private static BudgetState load(DemoBudget budget) {
        DocumentInfo info = new DocumentInfo(1, budget.templateId(), budget.title(), budget.unit(), budget.year(),
                budget.rows());
        BudgetState state = BudgetState.replay(Scenario.LIBRARY.factoryFor(info), info.codeRows(), 0, Map.of(),
                List.of());
        state.apply(new CellsEdited(budget.values()), new Actor(1, "导入"), null, Instant.EPOCH);
        if (!budget.emptySections().isEmpty()) {
            state.apply(new SectionsMarked(budget.emptySections().entrySet().stream()
                    .map(e -> new SectionMark(e.getKey(), true, e.getValue())).toList()),
                    new Actor(1, "导入"), null, Instant.EPOCH);
        }
        return state;
    }

    private static int reproduced(DemoBudget budget, BudgetState state) {
        int equal = 0;
        for (CellEdit printed : budget.published()) {
            assertTrue(state.layout().cell(printed.cell()).map(s -> !s.isInput()).orElse(false),
                    printed.cell() + " is derived");
            // These tables print 0.00 for a line with nothing in it; the engine keeps such a cell empty.
            var derived = state.valueOf(printed.cell());
            assertEquals(printed.value(), derived == null ? io.yusuan.domain.budget.Money.ZERO : derived,
                    printed.cell().toString());
            equal++;
        }
        return equal;
    }

    private static Map<String, String> findings(BudgetState state) {
        Map<String, String> out = new TreeMap<>();
        for (RuleResult r : state.violations()) {
            out.put(r.key(), r.severity().wireName());
        }
        return out;
    }

    @Test
    void seed002IsReproducedExactlyAndItsMisnamedCodeIsFlagged() {
        DemoBudget budget = DemoBudget.resource("xixiang-2024.json");
        BudgetState state = load(budget);
        assertEquals(188, reproduced(budget, state));
        assertEquals(164, budget.values().size());
        // DOMAIN.md: 表6 names 30309 "奖金" where the standard name is 奖励金.
        assertEquals(Map.of("C02:gp_econ:30309", "warning"), findings(state));
    }

    @Test
    void seed003IsReproducedExactlyAndItsOddBookingsAreFlagged() {
        DemoBudget budget = DemoBudget.resource("nangong-2023.json");
        BudgetState state = load(budget);
        assertEquals(127, reproduced(budget, state));
        Map<String, String> found = findings(state);
        // It books all 基本支出 under 2101501, so the X07 pairs with 30108/30113/30110 cannot hold;
        // the page printed in traditional characters gives four non-standard names (C02).
        assertEquals(3, found.keySet().stream().filter(k -> k.startsWith("X07")).count(), found::toString);
        assertEquals(4, found.keySet().stream().filter(k -> k.startsWith("C02")).count(), found::toString);
        assertEquals(7, found.size(), found::toString);
    }
}
