package io.yusuan.domain;

import io.yusuan.demo.DemoBudget;
import io.yusuan.domain.budget.Actor;
import io.yusuan.store.Catalog.DocumentInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A demo budget as a document: its lines, then its figures, texts and 空表 marks, as DocumentCreator writes them. */
final class DemoStates {

    private DemoStates() {
    }

    static BudgetState load(DemoBudget budget) {
        DocumentInfo info = new DocumentInfo(1, budget.templateId(), budget.title(), budget.unit(), budget.year(),
                budget.rows());
        BudgetState state = BudgetState.replay(Scenario.LIBRARY.factoryFor(info), info.codeRows(), 0, Map.of(),
                List.of());
        Actor actor = new Actor(1, "导入");
        state.apply(new CellsEdited(budget.values()), actor, null, Instant.EPOCH);
        if (!budget.texts().isEmpty()) {
            state.apply(new TextsEdited(budget.texts(), null), actor, null, Instant.EPOCH);
        }
        if (!budget.emptySections().isEmpty()) {
            state.apply(new SectionsMarked(budget.emptySections().entrySet().stream()
                    .map(e -> new SectionMark(e.getKey(), true, e.getValue())).toList()), actor, null, Instant.EPOCH);
        }
        return state;
    }
}
