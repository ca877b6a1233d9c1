package io.yusuan.importer;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.rules.RuleResult;
import java.util.List;

/**
 * What an import did: per printed table, every number it printed and what became of it — an input
 * figure, a text (a code, a quantity), a derived figure printed equal to what the template derives
 * or different from it (with the rule result that explains it), a figure printed again, a zero of
 * a table marked 空表, a number that is no figure (a classification code, a 序号), or a number that
 * could not be placed; the 空表 marks it set; all the table text it could not place; the rule
 * results of the new budget and the findings about the print itself (C01, I01).
 */
public record ImportReport(String templateId, String entity, int year, List<Table> tables, List<String> unplaced,
                           List<RuleResult> checks) {

    public ImportReport {
        tables = List.copyOf(tables);
        unplaced = List.copyOf(unplaced);
        checks = List.copyOf(checks);
    }

    /** What became of one printed number. */
    public enum Status {
        /** Became the value of an input cell. */
        INPUT,
        /** Became (part of) a text cell: a code, a quantity. */
        TEXT,
        /** Printed for a derived cell, equal to what the inputs give. */
        DERIVED_EQUAL,
        /** Printed for a derived cell, different from what the inputs give: see the explanation. */
        DERIVED_DIFFERENT,
        /** The same cell printed again (a 合计 row repeated on the next page, a card printed twice), equal. */
        REPEATED,
        /** A zero printed in a table the import marks 空表. */
        EMPTY_TABLE,
        /** Not a budget figure: a classification code, a 序号 or 栏次, the tail of a number a page break split. */
        LABEL,
        /** Could not be placed (listed in {@link ImportReport#unplaced}). */
        MISSING
    }

    /** One printed number: its text as printed, the cell it went to (null: none), its value in 元, what became of it. */
    public record Figure(String printed, CellRef cell, Money value, Status status, String explanation, String ruleKey) {
    }

    /**
     * One printed table; {@code section} null when the template has no such table. {@code imported}:
     * inputs; {@code derivedEqual}: derived figures printed equal; {@code emptyNote}: the note when
     * the import marked it 空表.
     */
    public record Table(int number, String title, String section, int imported, int derivedEqual,
                        List<Difference> differences, List<Figure> figures, String emptyNote) {

        public Table {
            differences = List.copyOf(differences);
            figures = List.copyOf(figures);
        }

        public Table(int number, String title, String section, int imported, int derivedEqual,
                     List<Difference> differences) {
            this(number, title, section, imported, derivedEqual, differences, List.of(), null);
        }

        public long count(Status status) {
            return figures.stream().filter(f -> f.status() == status).count();
        }
    }

    /** A derived cell whose printed figure is not what the inputs give, and the rule result that explains it. */
    public record Difference(CellRef cell, Money printed, Money derived, String explanation, String ruleKey) {

        public Difference(CellRef cell, Money printed, Money derived, String explanation) {
            this(cell, printed, derived, explanation, null);
        }
    }
}
