package io.yusuan.bench;

import io.yusuan.demo.DemoBudget;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.CellEdit;
import io.yusuan.domain.CellsEdited;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.templates.TemplateLibrary;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The cost of one edit in the domain alone (no room, no database, no socket): a demo budget, edits
 * of one 项's 基本支出 applied in a loop — the incremental recompute, the rules reading what moved,
 * X11 of the touched tables and the 说明 checks. Bounded in edits; prints µs per edit.
 *
 * <pre>mvn -B -q -pl server exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.yusuan.bench.DomainApplyBench</pre>
 */
public final class DomainApplyBench {

    private DomainApplyBench() {
    }

    public static void main(String[] args) {
        int edits = Integer.getInteger("edits", 20_000);
        TemplateLibrary library = TemplateLibrary.shipped();
        for (String name : List.of("suzhou-2024.json", "xixiang-2024.json", "nangong-2023.json")) {
            DemoBudget demo = DemoBudget.resource(name);
            DocumentInfo info = new DocumentInfo(1, demo.templateId(), demo.title(), demo.unit(), demo.year(), demo.rows());
            BudgetState state = BudgetState.replay(library.factoryFor(info), info.codeRows(), 0, Map.of(), List.of());
            Actor editor = new Actor(1, "压测");
            state.apply(new CellsEdited(demo.values()), editor, null, Instant.EPOCH);
            state.apply(new io.yusuan.domain.TextsEdited(demo.texts(), null), editor, null, Instant.EPOCH);
            CellRef target = demo.values().stream().map(CellEdit::cell).filter(c -> c.section().equals("gp_exp"))
                    .findFirst().orElseThrow();
            long start = System.nanoTime();
            for (int i = 0; i < edits; i++) {
                state.apply(new CellsEdited(List.of(new CellEdit(target, Money.ofFen(100_000L + i)))), editor, "b" + i,
                        Instant.EPOCH);
            }
            double micros = (System.nanoTime() - start) / 1_000.0 / edits;
            System.out.printf("%s: %d cells, %d edits of %s: %.1f µs per edit%n", demo.templateId(),
                    state.layout().cells().size(), edits, target, micros);
        }
    }
}
