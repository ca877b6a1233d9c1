package io.yusuan.domain.template;

import io.yusuan.domain.classification.CodeSystem;
import java.util.List;
import java.util.Optional;

/**
 * One table of a template. FIXED sections list their rows; CODE_TREE sections take rows from the
 * document's codes of {@code codeSystem}; LIST sections take free rows of their {@code rowKinds};
 * both add a 合计 row keyed {@code totalRowKey} (a list without a total row has a blank key).
 * {@code labelColumn}: for a list, the text column that is the row's printed label (项目名称).
 * {@code mandatory}: the table must be published, with figures or as 空表 with its note (X11).
 */
public record SectionDef(String key, int number, String title, SectionKind kind, CodeSystem codeSystem,
                         List<String> rowHeader, List<ColumnDef> columns, List<RowDef> rows,
                         String totalRowKey, String totalRowLabel, ImportHints importHints,
                         List<RowKindDef> rowKinds, String labelColumn, boolean mandatory) {

    public SectionDef(String key, int number, String title, SectionKind kind, CodeSystem codeSystem,
                      List<String> rowHeader, List<ColumnDef> columns, List<RowDef> rows,
                      String totalRowKey, String totalRowLabel) {
        this(key, number, title, kind, codeSystem, rowHeader, columns, rows, totalRowKey, totalRowLabel,
                ImportHints.NONE, List.of(), null, true);
    }

    public SectionDef {
        rowHeader = List.copyOf(rowHeader);
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        rowKinds = List.copyOf(rowKinds);
        importHints = importHints == null ? ImportHints.NONE : importHints;
        if (kind == SectionKind.CODE_TREE && codeSystem == null) {
            throw new IllegalArgumentException("code-tree section " + key + " needs a code system");
        }
        if (kind == SectionKind.LIST && rowKinds.isEmpty()) {
            throw new IllegalArgumentException("list section " + key + " needs row kinds");
        }
    }

    public Optional<ColumnDef> column(String columnKey) {
        return columns.stream().filter(c -> c.key().equals(columnKey)).findFirst();
    }

    public Optional<RowKindDef> rowKind(String kindKey) {
        return rowKinds.stream().filter(k -> k.key().equals(kindKey)).findFirst();
    }

    /** Whether the section has a 合计 row of its own. */
    public boolean hasTotalRow() {
        return kind != SectionKind.FIXED && totalRowKey != null && !totalRowKey.isBlank();
    }

    /** Whether any column holds amounts (a 说明 chapter list holds none). */
    public boolean holdsAmounts() {
        return columns.stream().anyMatch(c -> c.kind() == ColumnKind.AMOUNT);
    }
}
