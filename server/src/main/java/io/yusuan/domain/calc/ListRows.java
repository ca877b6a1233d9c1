package io.yusuan.domain.calc;

import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.RowKindDef;
import io.yusuan.domain.template.SectionDef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a list section (项目支出表, 政府采购, 绩效指标): the 合计 row, then the document's free
 * rows in tree order — each row followed by the rows under it, siblings in the order they were
 * added. A row whose parent is gone (an old log after a template change) is shown at the top
 * rather than lost.
 */
final class ListRows {

    private ListRows() {
    }

    static List<RowLayout> layout(SectionDef def, List<CodeRow> given) {
        List<String> allColumns = def.columns().stream().map(ColumnDef::key).toList();
        Map<String, CodeRow> byKey = new LinkedHashMap<>();
        for (CodeRow row : given) {
            if (def.rowKind(row.kind()).isEmpty()) {
                throw new IllegalArgumentException("row " + row.code() + " of " + def.key() + " has unknown kind "
                        + row.kind());
            }
            byKey.put(row.code(), row);
        }
        Map<String, List<CodeRow>> children = new HashMap<>();
        List<CodeRow> top = new ArrayList<>();
        for (CodeRow row : byKey.values()) {
            if (row.parent() != null && byKey.containsKey(row.parent()) && !row.parent().equals(row.code())) {
                children.computeIfAbsent(row.parent(), k -> new ArrayList<>()).add(row);
            } else {
                top.add(row);
            }
        }
        List<RowLayout> rows = new ArrayList<>();
        if (def.hasTotalRow()) {
            rows.add(new RowLayout(def.totalRowKey(), null, def.totalRowLabel(), 0, null, allColumns, true));
        }
        Set<String> placed = new HashSet<>();
        for (CodeRow row : top) {
            add(def, row, 1, children, rows, placed, allColumns);
        }
        return rows;
    }

    private static void add(SectionDef def, CodeRow row, int level, Map<String, List<CodeRow>> children,
                            List<RowLayout> out, Set<String> placed, List<String> allColumns) {
        if (!placed.add(row.code())) {
            return; // a cycle in stored parents: each row once
        }
        RowKindDef kind = def.rowKind(row.kind()).orElseThrow();
        List<String> columns = kind.columns().isEmpty() ? allColumns : kind.columns();
        out.add(new RowLayout(row.code(), null, "", level, null, columns, false, row.kind(),
                row.parent() != null && placed.contains(row.parent()) ? row.parent() : null));
        for (CodeRow child : children.getOrDefault(row.code(), List.of())) {
            add(def, child, level + 1, children, out, placed, allColumns);
        }
    }

    /** Which rows each row sums: its children; the 合计 row sums the top-level rows. */
    static Map<String, List<String>> children(SectionLayout section) {
        Map<String, List<String>> children = new HashMap<>();
        for (RowLayout row : section.rows()) {
            if (row.totalRow()) {
                continue;
            }
            String parent = row.parent() != null ? row.parent()
                    : section.def().hasTotalRow() ? section.def().totalRowKey() : null;
            if (parent != null) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(row.key());
            }
        }
        return children;
    }
}
