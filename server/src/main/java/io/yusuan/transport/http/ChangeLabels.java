package io.yusuan.transport.http;

import io.vertx.core.json.JsonObject;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.template.ColumnDef;

/**
 * Human names of places in a document, for the audit trail, the activity feed and diffs: «表2
 * 一般公共预算支出表 › 2101501 行政运行 › 基本支出». Uses the layout of the document now; a place that
 * no longer exists keeps its key.
 */
final class ChangeLabels {

    private final DocumentLayout layout;

    ChangeLabels(DocumentLayout layout) {
        this.layout = layout;
    }

    String section(String key) {
        return layout.section(key).map(s -> "表" + s.def().number() + " " + s.def().title()).orElse(key);
    }

    String row(String section, String row) {
        return layout.section(section).flatMap(s -> s.rows().stream().filter(r -> r.key().equals(row)).findFirst())
                .map(r -> r.code() != null && !r.code().isEmpty() ? r.code() + " " + r.label()
                        : r.label().isEmpty() ? row : r.label())
                .orElse(row);
    }

    String column(String section, String column) {
        return layout.section(section).map(SectionLayout::def).flatMap(d -> d.column(column)).map(ColumnDef::title)
                .orElse(column);
    }

    String cell(CellRef ref) {
        return section(ref.section()) + " › " + row(ref.section(), ref.row()) + " › " + column(ref.section(), ref.column());
    }

    JsonObject describe(CellRef ref) {
        return new JsonObject().put("section", ref.section()).put("row", ref.row()).put("column", ref.column())
                .put("label", cell(ref));
    }

}
