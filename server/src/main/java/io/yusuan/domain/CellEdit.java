package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;

/** Part of an event: the new value of one input cell (null = cleared). */
public record CellEdit(CellRef cell, Money value) {
}
