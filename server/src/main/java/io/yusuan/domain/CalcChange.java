package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;

/** A computed cell whose value changed because of an event (null = now empty). */
public record CalcChange(CellRef cell, Money value) {
}
