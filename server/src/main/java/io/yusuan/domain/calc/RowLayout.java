package io.yusuan.domain.calc;

import java.util.List;

/**
 * One row as a document shows it: key, optional code, label, indentation level, its columns, and
 * for a free row of a list section its row kind and parent row (both null elsewhere). A free row's
 * label is the text of its section's label column, so {@code label} is empty for it.
 */
public record RowLayout(String key, String code, String label, int level, String group, List<String> columns,
                        boolean totalRow, String kind, String parent) {

    public RowLayout {
        columns = List.copyOf(columns);
    }

    public RowLayout(String key, String code, String label, int level, String group, List<String> columns,
                     boolean totalRow) {
        this(key, code, label, level, group, columns, totalRow, null, null);
    }
}
