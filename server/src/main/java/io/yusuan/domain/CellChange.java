package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;

/** What an event did to one input cell: new value, new revision, previous value, and by whom. */
public record CellChange(CellRef cell, Money value, int rev, Money previous, Actor by) {
}
