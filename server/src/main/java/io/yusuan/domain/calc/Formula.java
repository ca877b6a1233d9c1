package io.yusuan.domain.calc;

import io.yusuan.domain.budget.Money;
import java.util.List;
import java.util.function.Function;

/**
 * A computed cell's definition: a signed sum of other cells. Every identity of a published budget
 * (类=Σ款, 合计=基本+项目, cross-table lines) is such a sum, so nothing more general is needed.
 */
public record Formula(List<Term> terms) {

    public Formula {
        terms = List.copyOf(terms);
    }

    /**
     * Evaluates exactly. Empty operands are skipped; if every operand is empty the result is empty
     * too, so a table with nothing entered stays blank instead of filling with zeros.
     */
    public Money evaluate(Function<io.yusuan.domain.budget.CellRef, Money> valueOf) {
        Money sum = null;
        for (Term term : terms) {
            Money value = valueOf.apply(term.ref());
            if (value == null) {
                continue;
            }
            Money signed = term.sign() < 0 ? value.negate() : value;
            sum = sum == null ? signed : sum.plus(signed);
        }
        return sum;
    }
}
