package io.yusuan.domain.publish;

import io.yusuan.domain.VersionContent;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.SectionKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays a document's content out as its published tables: the label columns (科目编码 | 科目名称, or
 * 项目), the value columns under their multi-level headers, two-sided tables (收入 | 支出) side by side
 * as printed, free rows indented by level, 空表 with their note, and the 说明 chapters as text.
 * Figures come in already chosen for print ({@code shown}: exact 元, or 万元 after 舍位平衡); this
 * class only places them.
 */
public final class PublishedBudgetBuilder {

    private final DocumentLayout layout;
    private final VersionContent content;
    private final Map<CellRef, Money> shown;
    private final boolean wanYuan;

    /**
     * @param shown   the figure to print per amount cell, in 分 (for 万元: multiples of 0.01 万元)
     * @param wanYuan whether the tables are printed in 万元 (else 元)
     */
    public PublishedBudgetBuilder(DocumentLayout layout, VersionContent content, Map<CellRef, Money> shown,
                                  boolean wanYuan) {
        this.layout = layout;
        this.content = content;
        this.shown = shown;
        this.wanYuan = wanYuan;
    }

    public PublishedBudget build(String title, String entity, int year, Stamp stamp) {
        List<PublishedTable> tables = new ArrayList<>();
        List<NarrativeBlock> narrative = new ArrayList<>();
        for (SectionLayout section : layout.sections()) {
            if (isNarrative(section)) {
                String column = section.def().columns().get(0).key();
                for (RowLayout row : section.rows()) {
                    String text = content.texts().get(new CellRef(section.key(), row.key(), column));
                    narrative.add(new NarrativeBlock(row.label(), text == null ? "" : text));
                }
            } else {
                tables.add(table(section));
            }
        }
        return new PublishedBudget(title, entity, year, stamp, tables, narrative);
    }

    /** A 说明 section: fixed chapters of one text column, printed as text rather than as a grid. */
    static boolean isNarrative(SectionLayout section) {
        return section.def().kind() == SectionKind.FIXED && section.def().columns().size() == 1
                && section.def().columns().get(0).kind() == ColumnKind.TEXT;
    }

    private PublishedTable table(SectionLayout section) {
        String note = content.emptySections().get(section.key());
        Map<String, List<RowLayout>> sides = sides(section);
        if (sides.size() > 1) {
            return twoSided(section, sides, note);
        }
        List<ColumnSpec> columns = new ArrayList<>();
        List<List<String>> headers = new ArrayList<>();
        boolean codes = section.def().kind() == SectionKind.CODE_TREE;
        List<String> rowHeader = section.def().rowHeader();
        if (codes) {
            columns.add(new ColumnSpec(rowHeader.isEmpty() ? "科目编码" : rowHeader.get(0), ColumnSpec.Kind.CODE));
            columns.add(new ColumnSpec(rowHeader.size() > 1 ? rowHeader.get(1) : "科目名称", ColumnSpec.Kind.LABEL));
            headers.add(List.of());
            headers.add(List.of());
        } else if (section.def().kind() == SectionKind.FIXED) {
            columns.add(new ColumnSpec(rowHeader.isEmpty() ? "项目" : rowHeader.get(0), ColumnSpec.Kind.LABEL));
            headers.add(List.of());
        }
        for (ColumnDef column : section.def().columns()) {
            columns.add(new ColumnSpec(column.title(), kindOf(section, column)));
            headers.add(column.header());
        }
        List<PublishedRow> rows = new ArrayList<>();
        if (note == null) {
            for (RowLayout row : section.rows()) {
                List<PublishedCell> cells = new ArrayList<>();
                if (codes) {
                    cells.add(PublishedCell.text(row.code()));
                }
                if (section.def().kind() != SectionKind.LIST) {
                    cells.add(PublishedCell.text(row.label()));
                }
                for (ColumnDef column : section.def().columns()) {
                    cells.add(cell(section, row, column));
                }
                rows.add(new PublishedRow(Math.max(0, row.level() - 1), row.totalRow(), cells));
            }
        }
        return new PublishedTable(section.def().number(), section.def().title(), unitLabel(),
                HeaderGrid.of(headers, columns), columns, rows, note);
    }

    /** Rows grouped by side (收入 / 支出), in order of first appearance; one group means a plain table. */
    private static Map<String, List<RowLayout>> sides(SectionLayout section) {
        Map<String, List<RowLayout>> sides = new LinkedHashMap<>();
        if (section.def().kind() == SectionKind.FIXED) {
            for (RowLayout row : section.rows()) {
                sides.computeIfAbsent(row.group() == null ? "" : row.group(), g -> new ArrayList<>()).add(row);
            }
        }
        return sides;
    }

    /**
     * 收入 | 支出 side by side: each side has its 项目 column and the value columns its rows use,
     * under the side's title; the i-th printed row holds each side's i-th row.
     */
    private PublishedTable twoSided(SectionLayout section, Map<String, List<RowLayout>> sides, String note) {
        List<ColumnSpec> columns = new ArrayList<>();
        List<List<String>> headers = new ArrayList<>();
        List<List<ColumnDef>> sideColumns = new ArrayList<>();
        String label = section.def().rowHeader().isEmpty() ? "项目" : section.def().rowHeader().get(0);
        for (Map.Entry<String, List<RowLayout>> side : sides.entrySet()) {
            List<ColumnDef> used = new ArrayList<>();
            for (ColumnDef column : section.def().columns()) {
                if (side.getValue().stream().anyMatch(r -> r.columns().contains(column.key()))) {
                    used.add(column);
                }
            }
            sideColumns.add(used);
            columns.add(new ColumnSpec(label, ColumnSpec.Kind.LABEL));
            headers.add(List.of(side.getKey()));
            for (ColumnDef column : used) {
                columns.add(new ColumnSpec(column.title(), ColumnSpec.Kind.AMOUNT));
                List<String> header = column.header().isEmpty() || !column.header().get(0).equals(side.getKey())
                        ? prepend(side.getKey(), column.header()) : column.header();
                headers.add(header);
            }
        }
        List<PublishedRow> rows = new ArrayList<>();
        if (note == null) {
            int height = sides.values().stream().mapToInt(List::size).max().orElse(0);
            List<List<RowLayout>> lists = new ArrayList<>(sides.values());
            for (int i = 0; i < height; i++) {
                List<PublishedCell> cells = new ArrayList<>();
                boolean total = false;
                for (int s = 0; s < lists.size(); s++) {
                    RowLayout row = i < lists.get(s).size() ? lists.get(s).get(i) : null;
                    cells.add(row == null ? PublishedCell.BLANK : PublishedCell.text(row.label()));
                    for (ColumnDef column : sideColumns.get(s)) {
                        cells.add(row == null || !row.columns().contains(column.key()) ? PublishedCell.BLANK
                                : cell(section, row, column));
                    }
                    total |= row != null && row.label().replace(" ", "").endsWith("总计");
                }
                rows.add(new PublishedRow(0, total, cells));
            }
        }
        return new PublishedTable(section.def().number(), section.def().title(), unitLabel(),
                HeaderGrid.of(headers, columns), columns, rows, note);
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static ColumnSpec.Kind kindOf(SectionLayout section, ColumnDef column) {
        if (column.kind() == ColumnKind.AMOUNT) {
            return ColumnSpec.Kind.AMOUNT;
        }
        return column.key().equals(section.def().labelColumn()) ? ColumnSpec.Kind.LABEL : ColumnSpec.Kind.TEXT;
    }

    private PublishedCell cell(SectionLayout section, RowLayout row, ColumnDef column) {
        CellRef ref = new CellRef(section.key(), row.key(), column.key());
        if (!row.columns().contains(column.key())) {
            return PublishedCell.BLANK;
        }
        if (column.kind() == ColumnKind.TEXT) {
            return PublishedCell.text(content.texts().get(ref));
        }
        Money exact = content.values().get(ref);
        Money printed = shown.get(ref);
        if (exact == null || printed == null) {
            return PublishedCell.BLANK;
        }
        BigDecimal value = wanYuan ? printed.toWanYuan(2) : BigDecimal.valueOf(printed.fen(), 2);
        return new PublishedCell.Amount(value, exact);
    }

    private String unitLabel() {
        return wanYuan ? "万元" : "元";
    }
}
