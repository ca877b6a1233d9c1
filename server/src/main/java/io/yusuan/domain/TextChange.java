package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;

/** What an event did to one text cell: new text, new revision, previous text, and by whom. */
public record TextChange(CellRef cell, String text, int rev, String previous, Actor by) {
}
