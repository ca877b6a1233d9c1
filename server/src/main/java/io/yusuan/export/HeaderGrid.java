package io.yusuan.export;

import io.yusuan.domain.publish.ColumnSpec;
import io.yusuan.domain.publish.HeaderCell;
import io.yusuan.domain.publish.PublishedTable;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's header placed on a grid: every cell with its header row, checked to stay inside the leaf
 * columns and not to overlap another. Positions no cell covers are returned as blank cells, because a
 * PDF table and a sheet both need complete rows (a hole would shift every later cell of the row).
 * A table without header rows gets one row of its leaf column titles.
 */
final class HeaderGrid {

    /** One header cell at its place; {@code filler} marks a blank added for an uncovered position. */
    record Placed(String text, int row, int column, int rowSpan, int colSpan, boolean filler) {
    }

    private final int rows;
    private final int columns;
    private final List<List<Placed>> byRow;
    private final Placed[][] owner;

    HeaderGrid(PublishedTable table) {
        this.columns = table.columns().size();
        List<List<HeaderCell>> header = table.header();
        if (header.isEmpty()) {
            header = List.of(leafTitles(table.columns()));
        }
        this.rows = header.size();
        this.owner = new Placed[rows][columns];
        List<List<Placed>> placed = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            placed.add(new ArrayList<>());
            for (HeaderCell cell : header.get(r)) {
                place(table, placed.get(r), new Placed(cell.text() == null ? "" : cell.text(), r, cell.column(),
                        cell.rowSpan(), cell.colSpan(), false));
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                if (owner[r][c] == null) {
                    Placed blank = new Placed("", r, c, 1, 1, true);
                    owner[r][c] = blank;
                    placed.get(r).add(blank);
                }
            }
            placed.get(r).sort((a, b) -> Integer.compare(a.column(), b.column()));
        }
        this.byRow = placed.stream().map(List::copyOf).toList();
    }

    private void place(PublishedTable table, List<Placed> row, Placed cell) {
        if (cell.column() < 0 || cell.colSpan() < 1 || cell.rowSpan() < 1
                || cell.column() + cell.colSpan() > columns || cell.row() + cell.rowSpan() > rows) {
            throw new IllegalArgumentException(table.heading() + ": header cell «" + cell.text()
                    + "» reaches outside the " + rows + "×" + columns + " header");
        }
        for (int r = cell.row(); r < cell.row() + cell.rowSpan(); r++) {
            for (int c = cell.column(); c < cell.column() + cell.colSpan(); c++) {
                if (owner[r][c] != null) {
                    throw new IllegalArgumentException(table.heading() + ": header cells «" + owner[r][c].text()
                            + "» and «" + cell.text() + "» overlap");
                }
                owner[r][c] = cell;
            }
        }
        row.add(cell);
    }

    private static List<HeaderCell> leafTitles(List<ColumnSpec> columns) {
        List<HeaderCell> row = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            row.add(new HeaderCell(columns.get(c).title(), c, 1, 1));
        }
        return row;
    }

    int rows() {
        return rows;
    }

    /** The cells that start in header row {@code r}, left to right, fillers included. */
    List<Placed> row(int r) {
        return byRow.get(r);
    }

    List<Placed> all() {
        return byRow.stream().flatMap(List::stream).toList();
    }

    /**
     * One title per leaf column for formats without merged cells: the titles of the cells above it,
     * outermost first, joined with « › » («预算数 › 合计»); a title repeated by a tall cell, or printed
     * again just below itself, counts once.
     */
    String flatTitle(int column) {
        List<String> parts = new ArrayList<>();
        Placed previous = null;
        for (int r = 0; r < rows; r++) {
            Placed cell = owner[r][column];
            String text = cell.text().trim();
            if (cell != previous && !text.isEmpty() && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(text))) {
                parts.add(text);
            }
            previous = cell;
        }
        return String.join(" › ", parts);
    }
}
