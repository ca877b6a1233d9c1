package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.rules.narrative.Figure;
import io.yusuan.domain.rules.narrative.FigureIndex;
import io.yusuan.domain.rules.narrative.Labels;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.SectionKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The figures a 说明 may quote, found from a document's layout once (rebuilt only when its lines
 * change): each row's total under its label and code, each column's 合计 under the column title,
 * and the 公用经费 total. Values are read live, so an edit needs no rebuild; {@link #labelsOf} tells
 * which labels a changed cell stands under, so only chapters quoting them are checked again.
 */
final class LayoutFigures {

    private final DocumentLayout layout;
    private final Map<String, List<CellRef>> byLabel = new HashMap<>();
    private final Map<CellRef, Set<String>> labelsOf = new HashMap<>();
    private CellRef publicExpense;

    private LayoutFigures(DocumentLayout layout) {
        this.layout = layout;
    }

    static LayoutFigures of(DocumentLayout layout) {
        LayoutFigures figures = new LayoutFigures(layout);
        for (SectionLayout section : layout.sections()) {
            if (section.def().kind() != SectionKind.LIST && section.def().holdsAmounts()) {
                figures.index(section);
            }
        }
        return figures;
    }

    private void index(SectionLayout section) {
        String total = totalColumn(section);
        for (RowLayout row : section.rows()) {
            String column = total != null && row.columns().contains(total) ? total : firstAmount(section, row);
            if (column == null) {
                continue;
            }
            CellRef cell = new CellRef(section.key(), row.key(), column);
            if (!row.totalRow()) {
                put(Labels.normalize(row.label()), cell);
            }
            if (row.code() != null && !row.code().isEmpty()) {
                put(row.code(), cell);
            }
        }
        if (section.def().hasTotalRow()) {
            for (ColumnDef column : section.def().columns()) {
                if (column.kind() == ColumnKind.AMOUNT && !column.key().equals(total)) {
                    CellRef cell = new CellRef(section.key(), section.def().totalRowKey(), column.key());
                    put(Labels.normalize(column.title()), cell);
                    if (publicExpense == null && section.def().codeSystem() == CodeSystem.ECONOMIC
                            && column.title().contains("公用经费")) {
                        publicExpense = cell;
                    }
                }
            }
        }
    }

    private static String totalColumn(SectionLayout section) {
        if (section.def().column("total").map(c -> c.kind() == ColumnKind.AMOUNT).orElse(false)) {
            return "total";
        }
        List<ColumnDef> amounts = section.def().columns().stream().filter(c -> c.kind() == ColumnKind.AMOUNT).toList();
        return amounts.size() == 1 ? amounts.get(0).key() : null;
    }

    private static String firstAmount(SectionLayout section, RowLayout row) {
        for (String key : row.columns()) {
            if (section.def().column(key).map(c -> c.kind() == ColumnKind.AMOUNT).orElse(false)) {
                return key;
            }
        }
        return null;
    }

    private void put(String label, CellRef cell) {
        if (label.isEmpty()) {
            return;
        }
        byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(cell);
        labelsOf.computeIfAbsent(cell, k -> new HashSet<>()).add(label);
    }

    boolean builtFor(DocumentLayout other) {
        return layout == other;
    }

    /** The labels a cell's figure is quoted under (none for most cells). */
    Set<String> labelsOf(CellRef cell) {
        return labelsOf.getOrDefault(cell, Set.of());
    }

    boolean isPublicExpense(CellRef cell) {
        return cell.equals(publicExpense);
    }

    /** An index reading current values; empty cells are not figures. */
    FigureIndex index(Function<CellRef, Money> valueOf, Set<String> queried) {
        return new FigureIndex() {
            @Override
            public List<Figure> figures(String label) {
                queried.add(label);
                List<Figure> found = new ArrayList<>();
                for (CellRef cell : byLabel.getOrDefault(label, List.of())) {
                    Money value = valueOf.apply(cell);
                    if (value != null) {
                        found.add(new Figure(cell, value, tableName(cell.section())));
                    }
                }
                return found;
            }

            @Override
            public Optional<Figure> publicExpenseTotal() {
                if (publicExpense == null || valueOf.apply(publicExpense) == null) {
                    return Optional.empty();
                }
                return Optional.of(new Figure(publicExpense, valueOf.apply(publicExpense),
                        tableName(publicExpense.section())));
            }
        };
    }

    private String tableName(String section) {
        return layout.section(section).map(s -> s.def().title()).orElse(section);
    }
}
