package io.yusuan.domain.publish;

import java.util.List;

/**
 * One table as printed: number and title, the unit line (单位：万元), the header grid (multi-level,
 * with merged cells), the leaf columns, the rows, and — for a table marked 空表 — the note printed
 * under it (its rows are then empty).
 *
 * @param header  header rows, outermost first; each row lists its cells left to right, spans included
 * @param columns one entry per leaf column, left to right (the label columns first)
 */
public record PublishedTable(int number, String title, String unitLabel, List<List<HeaderCell>> header,
                             List<ColumnSpec> columns, List<PublishedRow> rows, String emptyNote) {

    public PublishedTable {
        header = header.stream().map(List::copyOf).toList();
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    public boolean empty() {
        return emptyNote != null;
    }

    /** «表2 一般公共预算支出表» */
    public String heading() {
        return number > 0 ? "表" + number + " " + title : title;
    }
}
