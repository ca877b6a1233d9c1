package io.yusuan.importer;

import java.util.List;

/**
 * One table as printed: its number (表 N, 0 if none), title, unit factor to 元 (1 or 10000), and
 * its rows as cell texts — page-split parts already joined, separator lines dropped.
 */
record RawTable(int number, String title, long unitFactor, List<List<String>> rows, int firstLine) {

    RawTable {
        rows = List.copyOf(rows);
    }
}
