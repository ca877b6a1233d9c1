package io.yusuan.domain.calc;

import java.util.List;

/** One row as a document shows it: key, optional code, label, indentation level and its columns. */
public record RowLayout(String key, String code, String label, int level, String group, List<String> columns,
                        boolean totalRow) {

    public RowLayout {
        columns = List.copyOf(columns);
    }
}
