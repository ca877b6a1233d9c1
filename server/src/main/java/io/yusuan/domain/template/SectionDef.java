package io.yusuan.domain.template;

import io.yusuan.domain.classification.CodeSystem;
import java.util.List;
import java.util.Optional;

/**
 * One table of a template. FIXED sections list their rows; CODE_TREE sections take rows from the
 * document's codes of {@code codeSystem} and add a 合计 row keyed {@code totalRowKey}.
 */
public record SectionDef(String key, int number, String title, SectionKind kind, CodeSystem codeSystem,
                         List<String> rowHeader, List<ColumnDef> columns, List<RowDef> rows,
                         String totalRowKey, String totalRowLabel, ImportHints importHints) {

    public SectionDef(String key, int number, String title, SectionKind kind, CodeSystem codeSystem,
                      List<String> rowHeader, List<ColumnDef> columns, List<RowDef> rows,
                      String totalRowKey, String totalRowLabel) {
        this(key, number, title, kind, codeSystem, rowHeader, columns, rows, totalRowKey, totalRowLabel,
                ImportHints.NONE);
    }

    public SectionDef {
        rowHeader = List.copyOf(rowHeader);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        importHints = importHints == null ? ImportHints.NONE : importHints;
        if (kind == SectionKind.CODE_TREE && codeSystem == null) {
            throw new IllegalArgumentException("code-tree section " + key + " needs a code system");
        }
    }

    public Optional<ColumnDef> column(String columnKey) {
        return columns.stream().filter(c -> c.key().equals(columnKey)).findFirst();
    }
}
