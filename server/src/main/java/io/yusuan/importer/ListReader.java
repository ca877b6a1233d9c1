package io.yusuan.importer;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.RowKindDef;
import io.yusuan.domain.template.SectionDef;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a printed list table (项目支出表, 政府采购, 政府购买服务, 专项业务经费支出表) into free rows of a
 * list section. Printed columns are the template's columns in order. A line with no figures right
 * after a line is the rest of it, split by a page break (its texts are appended cell by cell). A
 * line's row kind is the one whose import pattern it matches (e.g. «[608001]…» is a 单位), else the
 * kind that can sit under the line above, else a top-level kind; it goes under the nearest line
 * above of a kind it may sit under. Keys: kind initial + number at the top («p1», «u2»), parent key
 * + «_» + number below («u2_1»).
 */
final class ListReader {

    private ListReader() {
    }

    private record Open(String key, String kind) {
    }

    static Reading read(RawTable raw, SectionDef section) {
        SectionReader.Numbered numbered = SectionReader.withoutRowNumbers(raw);
        RawTable table = numbered.table();
        Reading out = new Reading(table, numbered.dropped());
        List<CodeRow> rows = out.rowsOf(section.key());
        List<ColumnDef> columns = section.columns();
        int first = firstDataRow(table, columns);
        Deque<Open> open = new ArrayDeque<>();
        Map<String, Integer> childCount = new HashMap<>();
        Map<String, Integer> topCount = new HashMap<>();
        String last = null;
        for (int r = first; r < table.rows().size(); r++) {
            List<String> cells = table.rows().get(r);
            boolean figures = false;
            for (int c = 0; c < cells.size() && c < columns.size(); c++) {
                figures |= columns.get(c).kind() == ColumnKind.AMOUNT && Amounts.isAmount(cells.get(c));
            }
            if (isTotal(cells, columns)) {
                if (section.hasTotalRow()) {
                    placeFigures(out, section, section.totalRowKey(), cells, r, table.unitFactor());
                } else {
                    out.unplaced.add(table.name() + "：这张表在模板中没有合计行（「" + String.join(" | ", cells) + "」）");
                }
                last = null;
                continue;
            }
            boolean holdsAmounts = columns.stream().anyMatch(c -> c.kind() == ColumnKind.AMOUNT);
            if (!figures && last != null && holdsAmounts) {
                // The rest of the line above, carried over a page break.
                for (int c = 0; c < cells.size() && c < columns.size(); c++) {
                    ColumnDef column = columns.get(c);
                    String text = PrintedText.clean(cells.get(c));
                    if (column.kind() == ColumnKind.TEXT && !text.isEmpty()) {
                        CellRef cell = new CellRef(section.key(), last, column.key());
                        out.text(r, c, cell, out.texts.getOrDefault(cell, "") + text);
                    }
                }
                continue;
            }
            if (cells.stream().allMatch(c -> PrintedText.clean(c).isEmpty())) {
                continue;
            }
            Optional<Placement> placement = place(section, cells, open);
            if (placement.isEmpty()) {
                out.unplaced.add(table.name() + "：这一行放不进表的层次（「" + String.join(" | ", cells) + "」）");
                continue;
            }
            Placement p = placement.get();
            String key = p.parent == null
                    ? p.kind.key().charAt(0) + String.valueOf(topCount.merge(p.kind.key().substring(0, 1), 1, Integer::sum))
                    : p.parent + "_" + childCount.merge(p.parent, 1, Integer::sum);
            while (!open.isEmpty() && !open.peek().key().equals(p.parent)) {
                open.pop();
            }
            open.push(new Open(key, p.kind.key()));
            rows.add(new CodeRow(key, "", p.parent, p.kind.key()));
            List<String> kindColumns = p.kind.columns().isEmpty() ? columns.stream().map(ColumnDef::key).toList()
                    : p.kind.columns();
            for (int c = 0; c < cells.size() && c < columns.size(); c++) {
                ColumnDef column = columns.get(c);
                String text = PrintedText.clean(cells.get(c));
                if (text.isEmpty() || !kindColumns.contains(column.key())) {
                    continue;
                }
                CellRef cell = new CellRef(section.key(), key, column.key());
                if (column.kind() == ColumnKind.TEXT) {
                    out.text(r, c, cell, text);
                } else {
                    int rowIndex = r;
                    int columnIndex = c;
                    Amounts.parse(cells.get(c), table.unitFactor()).ifPresentOrElse(
                            v -> out.figure(rowIndex, columnIndex, cell, v),
                            () -> out.unplaced.add(table.name() + "：「" + text + "」不是金额（" + column.title() + "）"));
                }
            }
            last = key;
        }
        if (cells(table) > columns.size()) {
            out.unplaced.add(table.name() + "：印出的列比模板 " + section.key() + " 的列多，多出的列没有读入");
        }
        return out;
    }

    private record Placement(RowKindDef kind, String parent) {
    }

    /** The kind and parent of a printed line, given the lines open above it. */
    private static Optional<Placement> place(SectionDef section, List<String> cells, Deque<Open> open) {
        String joined = String.join("|", cells.stream().map(PrintedText::clean).toList());
        Map<String, String> patterns = section.importHints().kinds();
        List<RowKindDef> specific = section.rowKinds().stream()
                .filter(k -> patterns.containsKey(k.key()) && Pattern.compile(patterns.get(k.key())).matcher(joined).find())
                .toList();
        List<RowKindDef> candidates = !specific.isEmpty() ? specific
                : section.rowKinds().stream().filter(k -> !patterns.containsKey(k.key())).toList();
        Placement best = null;
        int bestDepth = Integer.MIN_VALUE;
        for (RowKindDef kind : candidates) {
            int depth = 0;
            String parent = null;
            boolean found = kind.topLevel();
            int d = open.size();
            if (!kind.topLevel()) {
                for (Open above : open) { // nearest first
                    if (kind.parents().contains(above.kind())) {
                        parent = above.key();
                        found = true;
                        break;
                    }
                    d--;
                }
                depth = d;
            } else {
                depth = -1;
            }
            if (found && depth > bestDepth) {
                best = new Placement(kind, parent);
                bestDepth = depth;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean isTotal(List<String> cells, List<ColumnDef> columns) {
        for (int c = 0; c < cells.size() && c < columns.size(); c++) {
            String text = SectionReader.squash(cells.get(c));
            if (columns.get(c).kind() == ColumnKind.TEXT && (text.equals("合计") || text.equals("总计"))) {
                return true;
            }
        }
        return false;
    }

    private static void placeFigures(Reading out, SectionDef section, String rowKey, List<String> cells, int r,
                                     long unit) {
        List<ColumnDef> columns = section.columns();
        for (int c = 0; c < cells.size() && c < columns.size(); c++) {
            if (columns.get(c).kind() != ColumnKind.AMOUNT) {
                continue;
            }
            int at = c;
            Amounts.parse(cells.get(c), unit).ifPresent(v -> out.figure(r, at, new CellRef(section.key(), rowKey,
                    columns.get(at).key()), v));
        }
    }

    /**
     * The first line after the headers. A header line names columns (or their groups) and has no
     * figure; the 合计 line and any line with a figure are data.
     */
    private static int firstDataRow(RawTable table, List<ColumnDef> columns) {
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (ColumnDef column : columns) {
            titles.add(SectionReader.squash(column.title()));
            column.header().forEach(h -> titles.add(SectionReader.squash(h)));
        }
        for (int r = 0; r < table.rows().size(); r++) {
            List<String> cells = table.rows().get(r);
            boolean header = cells.stream().map(SectionReader::squash).anyMatch(titles::contains)
                    && cells.stream().noneMatch(Amounts::isAmount) && !isTotal(cells, columns);
            if (!header) {
                return r;
            }
        }
        return table.rows().size();
    }

    private static int cells(RawTable table) {
        return table.rows().stream().mapToInt(List::size).max().orElse(0);
    }
}
