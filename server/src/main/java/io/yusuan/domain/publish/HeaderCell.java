package io.yusuan.domain.publish;

/**
 * A cell of a table's header grid. {@code column} is the index of the first leaf column it covers;
 * {@code colSpan} / {@code rowSpan} say how far it reaches (a cell spanning header rows stands for a
 * column with fewer header levels, e.g. 科目编码 beside 预算数 › 合计).
 */
public record HeaderCell(String text, int column, int colSpan, int rowSpan) {
}
