package io.yusuan.domain.publish;

/** A leaf column of a published table: what it holds and its title (the lowest header level). */
public record ColumnSpec(String title, Kind kind) {

    public enum Kind {
        /** classification code, always written as text (2101501, never 2.1e6) */
        CODE,
        /** a row label: 科目名称, 项目名称 … */
        LABEL,
        /** free text: 指标值, 项目单位 … */
        TEXT,
        /** an amount in the table's unit, two decimals */
        AMOUNT
    }
}
