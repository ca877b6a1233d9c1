package io.yusuan.domain.calc;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.Template;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Resolving formula operands against the cells a document has. */
final class References {

    private References() {
    }

    /**
     * A reference to a row that this document does not have in a section whose rows vary (say 国防支出
     * when the budget has none, or a project that was removed) contributes nothing and is dropped;
     * any other unknown cell — an unknown column of such a section included — or a non-amount cell
     * is a template error.
     */
    static Formula resolve(Formula formula, Map<CellRef, CellSpec> cells, Set<String> dynamicSections,
                           Template template, String context) {
        List<Term> kept = new ArrayList<>();
        for (Term term : formula.terms()) {
            CellSpec operand = cells.get(term.ref());
            if (operand != null) {
                if (operand.column().kind() != ColumnKind.AMOUNT) {
                    throw new IllegalArgumentException(context + " sums non-amount cell " + term.ref());
                }
                kept.add(term);
            } else if (!dynamicSections.contains(term.ref().section()) && !isCodeRowKey(term.ref().row())) {
                throw new IllegalArgumentException(context + " refers to unknown cell " + term.ref());
            } else if (dynamicSections.contains(term.ref().section()) && template.section(term.ref().section())
                    .flatMap(s -> s.column(term.ref().column())).isEmpty()) {
                throw new IllegalArgumentException(context + " refers to unknown column " + term.ref());
            }
        }
        return new Formula(kept);
    }

    /** Fixed sections may also carry code rows (the 类 lines of a 收支总表), which a template may omit. */
    private static boolean isCodeRowKey(String rowKey) {
        return !rowKey.isEmpty() && rowKey.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
