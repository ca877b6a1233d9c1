package io.yusuan.importer;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.rules.RuleResult;
import java.util.List;

/**
 * What an import did: per printed table, how many figures became input cells, how many derived
 * cells were printed equal to what the template derives, and every difference with its
 * explanation; plus all the table text it could not place and the rule results of the new budget.
 */
public record ImportReport(String templateId, String entity, int year, List<Table> tables, List<String> unplaced,
                           List<RuleResult> checks) {

    public ImportReport {
        tables = List.copyOf(tables);
        unplaced = List.copyOf(unplaced);
        checks = List.copyOf(checks);
    }

    /** One printed table; {@code section} null when the template has no such table. */
    public record Table(int number, String title, String section, int imported, int derivedEqual,
                        List<Difference> differences) {

        public Table {
            differences = List.copyOf(differences);
        }
    }

    /** A derived cell whose printed figure is not what the inputs give. */
    public record Difference(CellRef cell, Money printed, Money derived, String explanation) {
    }
}
