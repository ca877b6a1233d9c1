package io.yusuan.importer;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.RowDef;
import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.SectionKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Places one printed table onto a template section: which classification lines it has, and which
 * printed figure belongs to which cell. Whether a cell is an input or derived is decided later,
 * against the document's layout. Rows it cannot place are listed, never dropped.
 */
final class SectionReader {

    /** Column key used for a table printed with a single amount column (see ImportHints). */
    static final String SINGLE = "*";

    private static final Pattern ORDINAL = Pattern.compile("^([（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|\\d+[、.．])");

    final List<CodeRow> codeRows = new ArrayList<>();
    final Map<CellRef, Money> figures = new LinkedHashMap<>();
    final List<String> unplaced = new ArrayList<>();
    /** The cells of the last code line, for joining the rest of it from the next page. */
    private List<String> previousCells;

    static SectionReader read(RawTable raw, SectionDef section) {
        RawTable table = withoutRowNumbers(raw);
        SectionReader reader = new SectionReader();
        if (section.kind() == SectionKind.CODE_TREE) {
            reader.readTree(table, section);
        } else {
            reader.readFixed(table, section);
        }
        return reader;
    }

    /**
     * Some layouts print a 序号 column first and a 栏次 row (1, 2, 3 … under the headers): neither
     * is part of the budget, so both are dropped before placing anything.
     */
    private static RawTable withoutRowNumbers(RawTable table) {
        boolean numberedRows = table.rows().stream().anyMatch(r -> !r.isEmpty() && squash(r.get(0)).equals("序号"));
        if (!numberedRows) {
            return table;
        }
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : table.rows()) {
            if (row.isEmpty() || squash(row.get(0)).equals("栏次")) {
                continue;
            }
            rows.add(row.subList(1, row.size()));
        }
        return new RawTable(table.number(), table.title(), table.unitFactor(), rows, table.firstLine());
    }

    // ---- code tables ----

    private void readTree(RawTable table, SectionDef section) {
        int firstData = firstDataRow(table.rows(), section.codeSystem());
        Map<String, Integer> columnAt = headerColumns(table.rows().subList(0, Math.max(firstData, 0)), section);
        Set<String> seen = new HashSet<>();
        CodeRow previous = null;
        for (int r = Math.max(firstData, 0); r < table.rows().size(); r++) {
            List<String> cells = table.rows().get(r);
            Line line = Line.of(cells, section.codeSystem());
            boolean hasAmounts = cells.stream().anyMatch(Amounts::isAmount);
            if (line.code != null) {
                if (seen.add(line.code)) {
                    previous = new CodeRow(line.code, line.name);
                    codeRows.add(previous);
                }
                previousCells = line.valuesFrom == 2 ? cells : null;
                place(section, line.code, cells, line.valuesFrom, columnAt, table.unitFactor());
            } else if (line.isTotal && hasAmounts) {
                place(section, section.totalRowKey(), cells, line.valuesFrom, columnAt, table.unitFactor());
            } else if (previous != null && line.name != null && !line.isTotal && line.badCode == null) {
                // The rest of a line that a page break split off: its name, and possibly the end of
                // its numbers ("9162 500." … "00"), joined cell by cell to the line above.
                int index = codeRows.indexOf(previous);
                previous = new CodeRow(previous.code(), previous.name() + line.name);
                codeRows.set(index, previous);
                if (hasAmounts && previousCells != null) {
                    List<String> joined = new ArrayList<>(previousCells);
                    for (int c = 2; c < cells.size(); c++) {
                        if (c < joined.size()) {
                            joined.set(c, joined.get(c) + cells.get(c));
                        } else {
                            joined.add(cells.get(c));
                        }
                    }
                    previousCells = joined;
                    place(section, previous.code(), joined, 2, columnAt, table.unitFactor());
                }
            } else if (hasAmounts) {
                unplaced.add("表" + table.number() + "：无法识别的行「" + String.join(" | ", cells) + "」"
                        + (line.badCode != null ? "（科目编码 " + line.badCode + " 位数不对）" : ""));
            }
        }
    }

    private void place(SectionDef section, String row, List<String> cells, int from, Map<String, Integer> columnAt,
                       long unit) {
        if (columnAt.isEmpty()) {
            // One printed amount column: the first amount after the labels.
            for (int i = from; i < cells.size(); i++) {
                Optional<Money> value = Amounts.parse(cells.get(i), unit);
                if (value.isPresent()) {
                    figures.put(new CellRef(section.key(), row, SINGLE), value.get());
                    return;
                }
            }
            return;
        }
        columnAt.forEach((column, index) -> {
            int at = from + index;
            if (at < cells.size()) {
                Amounts.parse(cells.get(at), unit).ifPresent(v -> figures.put(new CellRef(section.key(), row, column), v));
            }
        });
    }

    private static int firstDataRow(List<List<String>> rows, CodeSystem system) {
        for (int r = 0; r < rows.size(); r++) {
            Line line = Line.of(rows.get(r), system);
            if (line.code != null || (line.isTotal && rows.get(r).stream().anyMatch(Amounts::isAmount))) {
                return r;
            }
        }
        return rows.size();
    }

    /** Template column → offset of its amount after the label cells, found by the printed header titles. */
    private static Map<String, Integer> headerColumns(List<List<String>> header, SectionDef section) {
        Map<Integer, StringBuilder> texts = new LinkedHashMap<>();
        for (List<String> row : header) {
            for (int i = 0; i < row.size(); i++) {
                texts.computeIfAbsent(i, k -> new StringBuilder()).append(squash(row.get(i)));
            }
        }
        int labels = 2; // 科目编码 and 科目名称
        Map<String, Integer> columnAt = new LinkedHashMap<>();
        for (ColumnDef column : section.columns()) {
            for (Map.Entry<Integer, StringBuilder> text : texts.entrySet()) {
                if (text.getKey() >= labels && text.getValue().toString().endsWith(squash(column.title()))
                        && !columnAt.containsValue(text.getKey() - labels)) {
                    columnAt.put(column.key(), text.getKey() - labels);
                    break;
                }
            }
        }
        // Only the 合计 column recognised, or none: treat as a single-column table.
        boolean onlyTotal = columnAt.size() <= 1 && section.importHints().singleColumnByPrefix().size() > 0;
        return onlyTotal ? Map.of() : columnAt;
    }

    // ---- fixed tables: rows found by their labels ----

    private void readFixed(RawTable table, SectionDef section) {
        Set<String> used = new HashSet<>();
        for (List<String> cells : table.rows()) {
            int i = 0;
            while (i < cells.size()) {
                Optional<RowDef> row = matchLabel(section, cells.get(i), used);
                if (row.isEmpty()) {
                    if (Amounts.isAmount(cells.get(i))) {
                        unplaced.add("表" + table.number() + "：金额 " + cells.get(i) + " 不在可识别的项目行上（「"
                                + String.join(" | ", cells) + "」）");
                    }
                    i++;
                    continue;
                }
                used.add(row.get().key());
                List<String> columns = row.get().columns().isEmpty()
                        ? section.columns().stream().map(ColumnDef::key).toList() : row.get().columns();
                int j = i + 1;
                for (String column : columns) {
                    if (j >= cells.size() || matchLabel(section, cells.get(j), used).isPresent()) {
                        break;
                    }
                    Optional<Money> value = Amounts.parse(cells.get(j), table.unitFactor());
                    value.ifPresent(v -> figures.put(new CellRef(section.key(), row.get().key(), column), v));
                    j++;
                }
                i = j;
            }
        }
    }

    private static Optional<RowDef> matchLabel(SectionDef section, String cell, Set<String> used) {
        String label = label(cell);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        return section.rows().stream().filter(r -> !used.contains(r.key()) && label(r.label()).equals(label))
                .findFirst();
    }

    static String label(String text) {
        String squashed = squash(text);
        return ORDINAL.matcher(squashed).replaceFirst("").replace('（', '(').replace('）', ')');
    }

    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** A printed code-table row: its code (joined if printed as 类 | 款 | 项), name and first amount cell. */
    private record Line(String code, String name, int valuesFrom, boolean isTotal, String badCode) {

        static Line of(List<String> cells, CodeSystem system) {
            String first = cells.isEmpty() ? "" : squash(cells.get(0));
            boolean total = cells.stream().limit(2).map(SectionReader::squash)
                    .anyMatch(c -> c.equals("合计") || c.equals("总计"));
            if (first.matches("\\d{3}") && cells.size() > 3 && squash(cells.get(1)).matches("\\d{2}")) {
                String code = first + squash(cells.get(1));
                int at = 2;
                if (squash(cells.get(2)).matches("\\d{2}")) {
                    code += squash(cells.get(2));
                    at = 3;
                }
                return new Line(code, at < cells.size() ? squash(cells.get(at)) : "", at + 1, false, null);
            }
            if (first.matches("\\d+") && !first.isEmpty()) {
                if (system.levelOf(first) > 0) {
                    return new Line(first, cells.size() > 1 ? squash(cells.get(1)) : "", 2, false, null);
                }
                return new Line(null, null, 2, false, first);
            }
            String name = cells.size() > 1 ? squash(cells.get(1)) : "";
            // Some tables print their 合计 row with no label at all, just the amounts.
            boolean unlabelledTotal = first.isEmpty() && name.isEmpty() && cells.stream().anyMatch(Amounts::isAmount);
            if (total || unlabelledTotal) {
                return new Line(null, null, 2, true, null);
            }
            return new Line(null, first.isEmpty() ? (name.isEmpty() ? null : name) : null, 2, false, null);
        }
    }
}
