package io.yusuan.importer;

import java.util.List;

/**
 * One table as printed: its number (表 N, 0 if none), title, unit factor to 元 (1 or 10000), its
 * rows as cell texts — page-split parts already joined, separator lines dropped — and the notes
 * printed under it («注：…», «备注说明：…»), which say why a table is empty.
 */
record RawTable(int number, String title, long unitFactor, List<List<String>> rows, int firstLine,
                List<String> notes) {

    RawTable {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    RawTable(int number, String title, long unitFactor, List<List<String>> rows, int firstLine) {
        this(number, title, unitFactor, rows, firstLine, List.of());
    }

    RawTable withRows(List<List<String>> newRows) {
        return new RawTable(number, title, unitFactor, newRows, firstLine, notes);
    }

    RawTable withNumber(int newNumber) {
        return new RawTable(newNumber, title, unitFactor, rows, firstLine, notes);
    }

    /** How the report names it: «表3» when numbered, else its title. */
    String name() {
        return number > 0 ? "表" + number : "「" + title + "」";
    }
}
