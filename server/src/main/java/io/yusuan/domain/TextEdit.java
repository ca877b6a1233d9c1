package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;

/** Part of an event: the new text of one text cell ("" = cleared). */
public record TextEdit(CellRef cell, String text) {
}
