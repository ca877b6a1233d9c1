package io.yusuan.domain.template;

/** How a section gets its rows: fixed by the template, from the document's classification codes, or added freely. */
public enum SectionKind {
    /** Rows are listed in the template (e.g. the income and spending lines of 财政拨款收支总表, the 说明 chapters). */
    FIXED,
    /** Rows are the document's classification codes forming a tree, under one 合计 row. */
    CODE_TREE,
    /** Rows are added by editors (projects, procurement lines, 绩效 indicators), optionally nested, under one 合计 row. */
    LIST
}
