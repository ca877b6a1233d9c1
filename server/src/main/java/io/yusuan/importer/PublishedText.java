package io.yusuan.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a published budget text (markdown tables or tab-separated tables) into its tables. A
 * table starts at a "表 N" line (its title is the next text line) and runs to the next one; the
 * table lines in between — split over pages, with repeated headers — are joined in order. The
 * unit comes from the table's own "单位：" line, else the document's.
 */
final class PublishedText {

    private static final Pattern TABLE_NUMBER = Pattern.compile("^表\\s*(\\d{1,2})\\s*$");
    private static final Pattern UNIT = Pattern.compile("单位\\s*[:：]\\s*(万元|元)");
    private static final Pattern HEADING = Pattern.compile("^\\s*(.{2,40}?)\\s*(\\d{4})\\s*年\\s*(度)?\\s*(部门|单位)");

    /** More tables than any published budget has: the input is not a budget (or is hostile). */
    private static final int MAX_TABLES = 200;

    final List<RawTable> tables = new ArrayList<>();
    private final java.util.Map<Integer, List<List<String>>> continuations = new java.util.HashMap<>();

    /** The text is far beyond any published budget. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }
    String entity;
    Integer year;

    static PublishedText parse(String text) {
        PublishedText parsed = new PublishedText();
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        parsed.readHeading(lines);
        long documentUnit = documentUnit(lines);
        // Some published budgets never print "表 N": their tables start at a title line instead.
        boolean numbered = java.util.Arrays.stream(lines).anyMatch(l -> TABLE_NUMBER.matcher(l.strip()).matches());
        int untitledCount = 0;
        int number = 0;
        String title = null;
        long unit = documentUnit;
        List<List<String>> rows = new ArrayList<>();
        int first = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher heading = TABLE_NUMBER.matcher(line);
            boolean titleLine = !numbered && isTitle(lines[i]);
            if (heading.matches() || titleLine) {
                parsed.flush(number, title, unit, rows, first);
                number = titleLine ? ++untitledCount : Integer.parseInt(heading.group(1));
                title = titleLine ? line : nextTextLine(lines, i + 1).orElse("");
                unit = documentUnit;
                rows = new ArrayList<>();
                first = i + 1;
                continue;
            }
            Matcher unitLine = UNIT.matcher(line);
            if (unitLine.find() && number > 0) {
                unit = "万元".equals(unitLine.group(1)) ? 10_000 : 1;
            }
            List<String> cells = cells(lines[i]);
            if (number > 0 && cells != null) {
                rows.add(cells);
            }
        }
        parsed.flush(number, title, unit, rows, first);
        parsed.continuations.forEach((index, more) -> {
            RawTable table = parsed.tables.get(index);
            List<List<String>> joined = new ArrayList<>(table.rows());
            joined.addAll(more);
            parsed.tables.set(index, new RawTable(table.number(), table.title(), table.unitFactor(), joined,
                    table.firstLine()));
        });
        return parsed;
    }

    private void flush(int number, String title, long unit, List<List<String>> rows, int first) {
        if (number <= 0 || rows.isEmpty()) {
            return;
        }
        RawTable last = tables.isEmpty() ? null : tables.get(tables.size() - 1);
        if (last != null && last.number() == number && last.title().equals(title)) {
            // The same table again on the next page (heading repeated): one table, rows in order.
            // Parts are collected and joined once, so many pages cost linear time.
            continuations.computeIfAbsent(tables.size() - 1, k -> new ArrayList<>()).addAll(rows);
            return;
        }
        if (tables.size() >= MAX_TABLES) {
            throw new TooLarge("超过 " + MAX_TABLES + " 张表");
        }
        tables.add(new RawTable(number, title, unit, rows, first));
    }

    /** A line that names a table: short text ending in 表, not a sentence, not a table row. */
    private static boolean isTitle(String line) {
        String text = line.strip();
        return cells(line) == null && text.endsWith("表") && text.length() <= 60 && !text.contains("。")
                && !text.contains("，") && !text.contains("：");
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

    private static Optional<String> nextTextLine(String[] lines, int from) {
        for (int i = from; i < lines.length && i < from + 6; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && cells(lines[i]) == null) {
                return Optional.of(line);
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
}
