package io.yusuan.domain.publish;

import java.util.List;

/**
 * One printed row: a value per leaf column, the indentation level of its label (类 0, 款 1, 项 2 …)
 * and whether it is a total row (合计, 收入总计), printed bold.
 */
public record PublishedRow(int level, boolean total, List<PublishedCell> cells) {

    public PublishedRow {
        cells = List.copyOf(cells);
    }
}
