package io.yusuan.importer;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
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
 * Places one printed table onto a code-tree or fixed template section: which classification lines
 * it has, and which printed figure belongs to which cell. Whether a cell is an input or derived is
 * decided later, against the document's layout. Rows it cannot place are listed, never dropped.
 */
final class SectionReader {

    /** Column key used for a table printed with a single amount column (see ImportHints). */
    static final String SINGLE = "*";

    private static final Pattern ORDINAL = Pattern.compile("^([（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|\\d+[、.．])");

    private final Reading out;
    private final Map<String, String> knownCodes;
    /** The cells of the last code line, for joining the rest of it from the next page. */
    private List<String> previousCells;
    private int previousRow = -1;

    private SectionReader(Reading out, Map<String, String> knownCodes) {
        this.out = out;
        this.knownCodes = knownCodes;
    }

    /**
     * @param knownCodes function codes other tables of the same text printed, with the name printed
     *                   beside them, to read a code printed one digit short (C01) as the code the
     *                   other tables give for that line
     */
    static Reading read(RawTable raw, SectionDef section, Map<String, String> knownCodes) {
        Numbered numbered = withoutRowNumbers(raw);
        Reading reading = new Reading(numbered.table, numbered.dropped);
        SectionReader reader = new SectionReader(reading, knownCodes);
        if (section.kind() == SectionKind.CODE_TREE) {
            reader.readTree(numbered.table, section);
        } else {
            reader.readFixed(numbered.table, section);
        }
        return reading;
    }

    /** A table without its 序号 column and 栏次 row, and how many numbers went with them. */
    record Numbered(RawTable table, int dropped) {
    }

    /**
     * Some layouts print a 序号 column first and a 栏次 row (1, 2, 3 … under the headers): neither
     * is part of the budget, so both are dropped before placing anything.
     */
    static Numbered withoutRowNumbers(RawTable table) {
        boolean numberedRows = table.rows().stream().anyMatch(r -> !r.isEmpty() && squash(r.get(0)).equals("序号"));
        if (!numberedRows) {
            return new Numbered(table, 0);
        }
        List<List<String>> rows = new ArrayList<>();
        int dropped = 0;
        for (List<String> row : table.rows()) {
            if (row.isEmpty()) {
                continue;
            }
            if (squash(row.get(0)).equals("栏次") || squash(row.get(0)).equals("欄次")) {
                dropped += (int) row.stream().filter(Amounts::isAmount).count();
                continue;
            }
            if (Amounts.isAmount(row.get(0))) {
                dropped++;
            }
            rows.add(row.subList(1, row.size()));
        }
        return new Numbered(table.withRows(rows), dropped);
    }

    // ---- code tables ----

    private void readTree(RawTable table, SectionDef section) {
        int firstData = firstDataRow(table.rows(), section.codeSystem());
        Map<String, Integer> columnAt = headerColumns(table.rows().subList(0, Math.max(firstData, 0)), section);
        Set<Integer> codeColumns = codeColumns(table.rows().subList(0, Math.max(firstData, 0)));
        List<CodeRow> codeRows = out.rowsOf(section.key());
        Set<String> seen = new HashSet<>();
        CodeRow previous = null;
        for (int r = Math.max(firstData, 0); r < table.rows().size(); r++) {
            List<String> cells = table.rows().get(r);
            Line line = Line.of(cells, section.codeSystem());
            if (line.badCode != null) {
                line = repaired(table, section, line, previous, cells);
            }
            boolean hasAmounts = cells.stream().anyMatch(Amounts::isAmount);
            for (int c : codeColumns) {
                if (c > 0 && c < cells.size()) {
                    out.accounting.label(r, c); // a second code printed beside the first (政府经济科目编码)
                }
            }
            if (line.code != null) {
                for (int c = 0; c < line.valuesFrom - 1 && c < cells.size(); c++) {
                    out.accounting.label(r, c);
                }
                if (seen.add(line.code)) {
                    previous = new CodeRow(line.code, line.name);
                    codeRows.add(previous);
                } else {
                    String code = line.code;
                    previous = codeRows.stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
                }
                previousCells = line.valuesFrom == 2 ? cells : null;
                previousRow = r;
                place(section, line.code, cells, line.valuesFrom, columnAt, table.unitFactor(), r);
            } else if (line.isTotal && hasAmounts) {
                place(section, section.totalRowKey(), cells, line.valuesFrom, columnAt, table.unitFactor(), r);
                previous = null;
            } else if (previous != null && line.name != null && !line.isTotal) {
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
                        out.accounting.label(r, c); // the tail of a number: part of the figure above
                    }
                    previousCells = joined;
                    replace(section, previous.code(), joined, columnAt, table.unitFactor(), previousRow);
                }
            } else if (hasAmounts) {
                if (line.badCode != null) {
                    out.accounting.label(r, 0);
                }
                out.unplaced.add(table.name() + "：无法识别的行「" + String.join(" | ", cells) + "」"
                        + (line.badCode != null ? "（科目编码 " + line.badCode + " 位数不对）" : ""));
            }
        }
    }

    /**
     * C01: a code printed with the wrong number of digits. A 项 printed one digit short (201999 for
     * 2019999) is read as the one code the other tables print for a 项 under the same 款; the
     * finding says so. Any other bad code is left unplaced, with the finding.
     */
    private Line repaired(RawTable table, SectionDef section, Line line, CodeRow previous, List<String> cells) {
        CodeSystem system = section.codeSystem();
        String bad = line.badCode;
        String kuan = previous == null ? null : previous.code().length() >= 5 ? previous.code().substring(0, 5) : null;
        String printedName = line.nameOrEmpty(cells);
        List<String> candidates = knownCodes.keySet().stream().sorted()
                .filter(c -> system.levelOf(c) == system.depth() && c.startsWith(bad) && c.length() == bad.length() + 1)
                .filter(c -> kuan == null || c.startsWith(kuan)).toList();
        if (candidates.size() > 1 && !printedName.isEmpty()) {
            // 208050 could be 2080505 or 2080506: the name printed beside it decides.
            candidates = candidates.stream().filter(c -> knownCodes.get(c).startsWith(printedName)).toList();
        }
        String where = table.name() + "「" + table.title() + "」";
        if (system == CodeSystem.FUNCTION && bad.length() == 6 && candidates.size() == 1) {
            String code = candidates.get(0);
            out.findings.add(new RuleResult("C01:" + section.key() + ":" + bad, "C01", Severity.WARNING,
                    where + "印的科目编码 " + bad + " 只有 6 位（项级科目应为 7 位）：按其他表中同一款下的 " + code + " 读入",
                    List.of(new CellRef(section.key(), code, section.columns().get(0).key())), null, null));
            return new Line(code, line.nameOrEmpty(cells), 2, false, null);
        }
        out.findings.add(new RuleResult("C01:" + section.key() + ":" + bad, "C01", Severity.WARNING,
                where + "印的科目编码 " + bad + " 位数不对，这一行没有读入", List.of(), null, null));
        return line;
    }

    private void place(SectionDef section, String row, List<String> cells, int from, Map<String, Integer> columnAt,
                       long unit, int r) {
        if (columnAt.isEmpty()) {
            // One printed amount column: the first amount after the labels.
            for (int i = from; i < cells.size(); i++) {
                Optional<Money> value = Amounts.parse(cells.get(i), unit);
                if (value.isPresent()) {
                    out.figure(r, i, new CellRef(section.key(), row, SINGLE), value.get());
                    return;
                }
            }
            return;
        }
        columnAt.forEach((column, index) -> {
            int at = from + index;
            if (at < cells.size()) {
                Amounts.parse(cells.get(at), unit).ifPresent(v -> out.figure(r, at, new CellRef(section.key(), row, column), v));
            }
        });
    }

    /** A line completed from the next page: its joined figures replace what its first part gave. */
    private void replace(SectionDef section, String row, List<String> cells, Map<String, Integer> columnAt, long unit,
                         int r) {
        Map<String, Integer> columns = columnAt.isEmpty() ? Map.of(SINGLE, 0) : columnAt;
        columns.forEach((column, index) -> {
            int at = 2 + index;
            if (at < cells.size()) {
                Amounts.parse(cells.get(at), unit).ifPresent(v -> {
                    CellRef cell = new CellRef(section.key(), row, column);
                    out.figures.put(cell, v);
                    out.accounting.replace(r, at, cell, v);
                });
            }
        });
    }

    private static int firstDataRow(List<List<String>> rows, CodeSystem system) {
        for (int r = 0; r < rows.size(); r++) {
            Line line = Line.of(rows.get(r), system);
            if (line.code != null || line.badCode != null
                    || (line.isTotal && rows.get(r).stream().anyMatch(Amounts::isAmount))) {
                return r;
            }
        }
        return rows.size();
    }

    /** Columns whose header says they hold codes («政府经济科目编码»): their numbers are not figures. */
    private static Set<Integer> codeColumns(List<List<String>> header) {
        Set<Integer> columns = new HashSet<>();
        for (List<String> row : header) {
            for (int i = 0; i < row.size(); i++) {
                String text = squash(row.get(i));
                if (text.endsWith("编码") || text.endsWith("代码")) {
                    columns.add(i);
                }
            }
        }
        return columns;
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
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> cells = table.rows().get(r);
            int i = 0;
            while (i < cells.size()) {
                Optional<RowDef> row = matchLabel(section, cells.get(i), used);
                if (row.isEmpty()) {
                    if (Amounts.isAmount(cells.get(i))) {
                        out.unplaced.add(table.name() + "：金额 " + cells.get(i) + " 不在可识别的项目行上（「"
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
                    int at = j;
                    int rowIndex = r;
                    value.ifPresent(v -> out.figure(rowIndex, at, new CellRef(section.key(), row.get().key(), column), v));
                    j++;
                }
                i = j;
            }
        }
    }

    /** The row a printed label names: its label as printed (ordinals and spaces aside), or a pattern of the hints. */
    private static Optional<RowDef> matchLabel(SectionDef section, String cell, Set<String> used) {
        String label = label(cell);
        if (label.isEmpty()) {
            return Optional.empty();
        }
        Optional<RowDef> exact = section.rows().stream().filter(r -> !used.contains(r.key()) && label(r.label()).equals(label))
                .findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Map<String, String> patterns = section.importHints().labels();
        return section.rows().stream().filter(r -> !used.contains(r.key()) && patterns.containsKey(r.key())
                && Pattern.compile(patterns.get(r.key())).matcher(label).find()).findFirst();
    }

    static String label(String text) {
        String squashed = squash(text);
        return ORDINAL.matcher(squashed).replaceFirst("").replace('（', '(').replace('）', ')');
    }

    static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** A printed code-table row: its code (joined if printed as 类 | 款 | 项), name and first amount cell. */
    private record Line(String code, String name, int valuesFrom, boolean isTotal, String badCode) {

        static Line of(List<String> cells, CodeSystem system) {
            String first = cells.isEmpty() ? "" : squash(cells.get(0));
            boolean total = cells.stream().limit(2).map(SectionReader::squash)
                    .anyMatch(c -> c.equals("合计") || c.equals("总计") || c.equals("合計"));
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

        String nameOrEmpty(List<String> cells) {
            return cells.size() > 1 ? squash(cells.get(1)) : "";
        }
    }
}
