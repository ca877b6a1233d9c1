package io.yusuan.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a published budget text (markdown tables or tab-separated tables) into its tables, its
 * prose and its 目录. A table starts at a "表 N" line (its title is the next text line), or — in
 * layouts that never print 表 N, and for the 绩效目标表 printed among the 说明 — at a title line
 * ending in 表; its rows run until prose starts. Page furniture (the 单位 line, the budget year,
 * the unit code and name repeated on every page, «（2024年度）») does not end a table, so
 * page-split parts are joined in order; a table whose «表 N» heading is printed again on the next
 * page is one table. Notes under a table («注：…», «备注说明：…») are kept with it. The unit comes
 * from the table's own 单位 line, else the document's.
 */
final class PublishedText {

    private static final Pattern TABLE_NUMBER = Pattern.compile("^表\\s*(\\d{1,2})\\s*$");
    private static final Pattern UNIT = Pattern.compile("单\\s*位\\s*[:：]\\s*(万元|元)|單位\\s*[:：]\\s*(萬元|万元|元)");
    private static final Pattern HEADING = Pattern.compile("^\\s*(.{2,40}?)\\s*(\\d{4})\\s*年\\s*(度)?\\s*(部门|单位)");
    private static final Pattern NOTE = Pattern.compile("^(注|备注说明|备注)\\s*[:：]");
    private static final List<Pattern> FURNITURE = List.of(
            Pattern.compile("^(单\\s*位|單位)\\s*[:：].*"),
            Pattern.compile("^(预算年度?|預算年度?)\\s*[:：]?\\s*(\\d{4})?$"),
            Pattern.compile("^(预算年|預算年|度\\s*[:：])$"),
            Pattern.compile("^\\d{4}$"),
            Pattern.compile("^[（(]\\s*\\d{4}\\s*年\\s*度?\\s*[)）]$"),
            Pattern.compile("^\\d{3,9}\\s+\\S{2,30}$"),
            Pattern.compile("^截止时间\\s*[:：].*"));

    private static final Pattern INTRODUCES_TABLE = Pattern.compile("(见下表|如下表)[。：:]?$");

    /** More tables than any published budget has: the input is not a budget (or is hostile). */
    private static final int MAX_TABLES = 200;

    /** A line of prose (not a table row, title, note or page furniture), by its index in the text. */
    record Prose(int line, String text) {
    }

    /** One line of a 目录 that says whether each table is 空表 and why (seed 002). */
    record CatalogEntry(int number, String title, boolean empty, String reason) {
    }

    /** The text is far beyond any published budget. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }

    final List<RawTable> tables = new ArrayList<>();
    final List<Prose> prose = new ArrayList<>();
    final List<CatalogEntry> catalog = new ArrayList<>();
    String entity;
    Integer year;

    private final Map<Integer, List<List<String>>> continuations = new HashMap<>();

    /** A table being collected. */
    private static final class Builder {
        final int number;
        final String title;
        final int first;
        long unit;
        final List<List<String>> rows = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        boolean closed;

        Builder(int number, String title, long unit, int first) {
            this.number = number;
            this.title = title;
            this.unit = unit;
            this.first = first;
        }
    }

    static PublishedText parse(String text) {
        PublishedText parsed = new PublishedText();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        parsed.readHeading(lines);
        long documentUnit = documentUnit(lines);
        // Some published budgets never print "表 N": their tables start at a title line instead.
        boolean numbered = java.util.Arrays.stream(lines).anyMatch(l -> TABLE_NUMBER.matcher(l.strip()).matches());
        Set<Integer> consumed = new HashSet<>();
        List<List<String>> loose = new ArrayList<>();
        Builder current = null;
        int untitled = 0;
        int lastTable = -1;
        for (int i = 0; i < lines.length; i++) {
            if (consumed.contains(i)) {
                continue;
            }
            String line = lines[i].strip();
            List<String> cells = cells(lines[i]);
            Matcher heading = TABLE_NUMBER.matcher(line);
            if (heading.matches()) {
                parsed.flush(current);
                Optional<Integer> titleAt = nextTextLine(lines, i + 1);
                titleAt.ifPresent(consumed::add);
                current = new Builder(Integer.parseInt(heading.group(1)),
                        titleAt.map(t -> lines[t].strip()).orElse(""), documentUnit, i + 1);
                lastTable = i;
                continue;
            }
            if (cells != null) {
                if (cells.stream().allMatch(c -> c.matches("[-—_=\\s]*"))) {
                    continue; // a rule line of a tab table («------\t----»)
                }
                if (isContentsLine(cells, current != null && !current.closed)) {
                    continue; // a 目录 line «部门预算收支总表·····3», «二、部门预算安排的总体情况 | 29»
                }
                if (current != null && !current.closed) {
                    current.rows.add(cells);
                } else if (!parsed.prose.isEmpty() && parsed.prose.get(parsed.prose.size() - 1).line() > lastTable
                        && (!numbered || INTRODUCES_TABLE.matcher(parsed.prose.get(parsed.prose.size() - 1).text()).find())) {
                    // The prose line right before these rows titles them: always in an unnumbered
                    // layout; in a numbered one when it says a table follows («具体情况见下表。»).
                    // (A sentence that introduces the table stays prose too; a bare title does not.)
                    Prose titleLine = numbered ? parsed.prose.get(parsed.prose.size() - 1)
                            : parsed.prose.remove(parsed.prose.size() - 1);
                    parsed.flush(current);
                    current = new Builder(numbered ? 0 : ++untitled, titleLine.text(), documentUnit, titleLine.line());
                    current.rows.add(cells);
                } else {
                    loose.add(cells);
                }
                lastTable = i;
                continue;
            }
            if (line.isEmpty() || line.startsWith("|")) {
                continue; // a blank line, or a markdown separator line (|---|---|) inside a table
            }
            Matcher unitLine = UNIT.matcher(line);
            if (unitLine.find() && current != null) {
                current.unit = "万元".equals(unitLine.group(1)) || unitLine.group(2) != null
                        && !"元".equals(unitLine.group(2)) ? 10_000 : 1;
            }
            if (FURNITURE.stream().anyMatch(p -> p.matcher(line).matches())) {
                continue;
            }
            if (NOTE.matcher(line).find()) {
                if (current != null) {
                    current.notes.add(line);
                    current.closed = true;
                    lastTable = i;
                }
                continue;
            }
            if (isTitle(line)) {
                String title = line;
                if (title.length() <= 2 && !parsed.prose.isEmpty() && parsed.prose.get(parsed.prose.size() - 1).line() >= i - 3) {
                    // A title broken before its last character ("…绩效目标" / "表").
                    title = parsed.prose.remove(parsed.prose.size() - 1).text() + title;
                }
                parsed.flush(current);
                current = new Builder(numbered ? 0 : ++untitled, title, documentUnit, i);
                lastTable = i;
                continue;
            }
            if (current != null) {
                current.closed = true;
            }
            parsed.prose.add(new Prose(i, line));
        }
        parsed.flush(current);
        parsed.continuations.forEach((index, more) -> {
            RawTable table = parsed.tables.get(index);
            List<List<String>> joined = new ArrayList<>(table.rows());
            joined.addAll(more);
            parsed.tables.set(index, table.withRows(joined));
        });
        parsed.readCatalog(loose);
        if (numbered) {
            parsed.numberFromCatalog();
        } else {
            for (int t = 0; t < parsed.tables.size(); t++) {
                parsed.tables.set(t, parsed.tables.get(t).withNumber(t + 1));
            }
        }
        return parsed;
    }

    /**
     * A line of a printed 目录: a title with leader dots and a page number, or — outside any table —
     * a numbered chapter title and a page number.
     */
    private static boolean isContentsLine(List<String> cells, boolean inTable) {
        if (cells.stream().anyMatch(c -> c.contains("···") || c.contains("……"))) {
            return true;
        }
        return !inTable && cells.size() == 2 && cells.get(1).strip().matches("\\d{1,3}")
                && CHAPTER.matcher(cells.get(0).strip()).find();
    }

    private static final Pattern CHAPTER = Pattern.compile("^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]).*\\D$");

    private void flush(Builder table) {
        if (table == null) {
            return;
        }
        RawTable last = tables.isEmpty() ? null : tables.get(tables.size() - 1);
        if (table.number > 0 && last != null && last.number() == table.number && last.title().equals(table.title)) {
            // The same table again on the next page (heading repeated): one table, rows in order.
            // Parts are collected and joined once, so many pages cost linear time.
            continuations.computeIfAbsent(tables.size() - 1, k -> new ArrayList<>()).addAll(table.rows);
            return;
        }
        if (table.rows.isEmpty()) {
            return; // a title with nothing under it (a part heading such as «第二部分 部门预算表»)
        }
        if (tables.size() >= MAX_TABLES) {
            throw new TooLarge("超过 " + MAX_TABLES + " 张表");
        }
        tables.add(new RawTable(table.number, table.title, table.unit, table.rows, table.first, table.notes));
    }

    /** A line that names a table: short text ending in 表, not a sentence, not a table row. */
    private static boolean isTitle(String text) {
        return text.endsWith("表") && text.length() <= 80 && !text.contains("。") && !text.contains("，")
                && !text.contains("：") && !text.startsWith("-") && !text.contains("见下表");
    }

    /** A table line's cells, or null for a line that is not part of a table. */
    static List<String> cells(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("|")) {
            if (trimmed.replaceAll("[|\\-:\\s]", "").isEmpty()) {
                return null; // markdown separator
            }
            String inner = trimmed.substring(1, trimmed.endsWith("|") && trimmed.length() > 1
                    ? trimmed.length() - 1 : trimmed.length());
            return split(inner, "\\|");
        }
        if (line.contains("\t")) {
            return split(line, "\t");
        }
        return null;
    }

    private static List<String> split(String text, String separator) {
        List<String> cells = new ArrayList<>();
        for (String cell : text.split(separator, -1)) {
            cells.add(cell.strip());
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1);
        }
        return cells.isEmpty() ? null : cells;
    }

    private static Optional<Integer> nextTextLine(String[] lines, int from) {
        for (int i = from; i < lines.length && i < from + 6; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && cells(lines[i]) == null) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static long documentUnit(String[] lines) {
        for (String line : lines) {
            Matcher unit = UNIT.matcher(line);
            if (unit.find()) {
                return "万元".equals(unit.group(1)) ? 10_000 : 1;
            }
        }
        return 1;
    }

    /** The entity and year from the first lines, e.g. "宿州市医疗保障局 2024 年部门预算". */
    private void readHeading(String[] lines) {
        List<String> text = new ArrayList<>();
        for (int i = 0; i < lines.length && text.size() < 30; i++) {
            String line = lines[i].replaceAll("[*#]", "").strip();
            if (!line.isEmpty()) {
                text.add(line);
            }
        }
        // The heading may be one line, or the entity on one line and "2024 年单位预算…" on the next.
        for (int i = 0; i < text.size() && entity == null; i++) {
            for (String candidate : i + 1 < text.size()
                    ? List.of(text.get(i), text.get(i) + " " + text.get(i + 1)) : List.of(text.get(i))) {
                Matcher heading = HEADING.matcher(candidate);
                if (heading.find() && entity == null) {
                    entity = heading.group(1).strip();
                    year = Integer.parseInt(heading.group(2));
                }
            }
        }
    }

    /** 目录 lines «表N | 名称 | 是/否 | 理由» printed before the tables. */
    private void readCatalog(List<List<String>> loose) {
        Pattern number = Pattern.compile("^表\\s*(\\d{1,2})$");
        for (List<String> row : loose) {
            if (row.size() < 3) {
                continue;
            }
            Matcher m = number.matcher(row.get(0).replaceAll("\\s+", ""));
            String flag = row.get(2).replaceAll("\\s+", "");
            if (m.matches() && (flag.equals("是") || flag.equals("否"))) {
                catalog.add(new CatalogEntry(Integer.parseInt(m.group(1)), row.get(1).strip(), flag.equals("是"),
                        row.size() > 3 ? row.get(3).strip() : ""));
            }
        }
    }

    /** Tables printed without «表 N» among numbered ones take their number from the 目录, by title. */
    private void numberFromCatalog() {
        for (int i = 0; i < tables.size(); i++) {
            RawTable table = tables.get(i);
            if (table.number() != 0) {
                continue;
            }
            for (CatalogEntry entry : catalog) {
                if (sameTitle(entry.title(), table.title())) {
                    tables.set(i, table.withNumber(entry.number()));
                    break;
                }
            }
        }
    }

    /** Titles that differ only by the words a province adds or leaves out (部门, 预算, 综合). */
    static boolean sameTitle(String a, String b) {
        return core(a).equals(core(b));
    }

    private static String core(String title) {
        return title.replaceAll("\\s+", "").replaceAll("部门|预算|综合|（单位）|\\(单位\\)", "").replace('（', '(')
                .replace('）', ')');
    }
}
