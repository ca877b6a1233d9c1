package io.yusuan.domain.publish;

import io.yusuan.domain.VersionContent;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.LayoutFactory;
import java.util.Map;

/**
 * A document's content made ready to publish: laid out by its template and, in 万元, balanced
 * (舍位平衡) so every printed parent is the sum of its printed children. The same content always
 * gives the same publication, which is what makes exports of a version reproducible.
 */
public final class Publication {

    private Publication() {
    }

    public static PublishedBudget of(LayoutFactory layouts, VersionContent content, String title, String entity,
                                     int year, Stamp stamp, boolean wanYuan) {
        DocumentLayout layout = layouts.layoutFor(content.codeRows());
        Map<CellRef, Money> shown = wanYuan ? RoundingBalance.balance(layout, content.values()::get) : content.values();
        return new PublishedBudgetBuilder(layout, content, shown, wanYuan).build(title, entity, year, stamp);
    }
}
