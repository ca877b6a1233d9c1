package io.yusuan.domain.calc;

import io.yusuan.domain.budget.CellRef;

/** One operand of a formula: a cell added ({@code sign = 1}) or subtracted ({@code sign = -1}). */
public record Term(CellRef ref, int sign) {
}
