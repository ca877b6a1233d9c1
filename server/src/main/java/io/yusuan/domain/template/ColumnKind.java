package io.yusuan.domain.template;

/** What a column holds. Only amounts take part in formulas. */
public enum ColumnKind {
    AMOUNT, TEXT
}
