package io.yusuan.domain.template;

/** How a section gets its rows: fixed by the template, or from the document's classification codes. */
public enum SectionKind {
    /** Rows are listed in the template (e.g. the income and spending lines of 财政拨款收支总表). */
    FIXED,
    /** Rows are the document's classification codes forming a tree, under one 合计 row. */
    CODE_TREE
}
