package io.yusuan.domain.template;

import java.util.List;

/**
 * One column of a section. {@code header} lists the group titles above the column title (the
 * published tables have two or three header levels); {@code formula}, when present, makes the
 * column computed in every row, e.g. {@code "basic + project"} for 合计.
 */
public record ColumnDef(String key, String title, List<String> header, ColumnKind kind, String formula,
                        boolean allowNegative) {

    public ColumnDef {
        header = List.copyOf(header);
    }

    public boolean computedEverywhere() {
        return formula != null;
    }
}
