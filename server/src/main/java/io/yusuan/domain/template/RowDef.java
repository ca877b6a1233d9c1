package io.yusuan.domain.template;

import java.util.List;
import java.util.Map;

/**
 * A row fixed by the template. {@code columns} lists the columns this row has cells in (a
 * two-sided table such as 财政拨款收支总表 has income rows with one amount and spending rows with four);
 * empty means every column. {@code formulas} gives per-column expressions; {@code sumRows} makes
 * every cell of the row the sum of the same column in the listed rows.
 */
public record RowDef(String key, String label, String code, int level, String group, List<String> columns,
                     Map<String, String> formulas, List<String> sumRows) {

    public RowDef {
        columns = List.copyOf(columns);
        formulas = Map.copyOf(formulas);
        sumRows = List.copyOf(sumRows);
    }
}
