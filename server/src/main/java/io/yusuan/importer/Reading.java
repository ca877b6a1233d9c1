package io.yusuan.importer;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.rules.RuleResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What reading one printed table gave: lines per section (classification lines, free rows), the
 * printed figures and texts by the cell they belong to, text it could not place, findings about the
 * print itself (C01: a code printed with the wrong length), and the accounting of every printed
 * number — which cell it went to, or that it was a label (a code, a 序号, a number split by a page
 * break) or could not be placed.
 */
class Reading {

    final Map<String, List<CodeRow>> rows = new LinkedHashMap<>();
    final Map<CellRef, Money> figures = new LinkedHashMap<>();
    final Map<CellRef, String> texts = new LinkedHashMap<>();
    final List<String> unplaced = new ArrayList<>();
    final List<RuleResult> findings = new ArrayList<>();
    final Accounting accounting;

    Reading(RawTable table, int droppedLabels) {
        this.accounting = new Accounting(table, droppedLabels);
    }

    List<CodeRow> rowsOf(String section) {
        return rows.computeIfAbsent(section, k -> new ArrayList<>());
    }

    /** Records a printed amount for a cell (the first printing of a cell wins; repeats are kept for the accounting). */
    void figure(int row, int column, CellRef cell, Money value) {
        figures.putIfAbsent(cell, value);
        accounting.cell(row, column, cell, value);
    }

    void text(int row, int column, CellRef cell, String text) {
        texts.put(cell, text);
        if (row >= 0) {
            accounting.cell(row, column, cell, null);
        }
    }

    /**
     * Per printed table: every cell that reads as a number, and where it went. Labels are numbers
     * that are not budget figures: classification codes, 序号 and 栏次, the tail of a number a page
     * break split off (it is part of the figure it was joined to).
     */
    static final class Accounting {

        /** One printed number: its place in the table, its text, the cell it went to (null: none), its value. */
        record Printed(int row, int column, String text, CellRef cell, Money value, boolean label) {
        }

        private final RawTable table;
        private final int droppedLabels;
        private final Map<Long, CellRef> cells = new HashMap<>();
        private final Map<Long, Money> values = new HashMap<>();
        private final Set<Long> labels = new HashSet<>();

        Accounting(RawTable table, int droppedLabels) {
            this.table = table;
            this.droppedLabels = droppedLabels;
        }

        private static long at(int row, int column) {
            return (long) row * 10_000 + column;
        }

        void cell(int row, int column, CellRef cell, Money value) {
            cells.putIfAbsent(at(row, column), cell);
            if (value != null) {
                values.putIfAbsent(at(row, column), value);
            }
        }

        /** A figure completed by a later part (a number split by a page break): the whole value counts. */
        void replace(int row, int column, CellRef cell, Money value) {
            cells.put(at(row, column), cell);
            values.put(at(row, column), value);
        }

        void label(int row, int column) {
            labels.add(at(row, column));
        }

        /** Labels dropped with the 序号 column and 栏次 row before reading. */
        int droppedLabels() {
            return droppedLabels;
        }

        List<Printed> printed() {
            List<Printed> out = new ArrayList<>();
            for (int r = 0; r < table.rows().size(); r++) {
                List<String> row = table.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    long pos = at(r, c);
                    if (!Amounts.isAmount(row.get(c)) && !values.containsKey(pos)) {
                        continue; // not a number (a number completed from the next page counts where it starts)
                    }
                    out.add(new Printed(r, c, row.get(c), cells.get(pos), values.get(pos),
                            labels.contains(pos) && !cells.containsKey(pos)));
                }
            }
            return out;
        }
    }
}
