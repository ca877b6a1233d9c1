package io.yusuan.domain.budget;

import java.util.Objects;

/** The address of one cell: section (table) key, row key and column key, as on the wire. */
public record CellRef(String section, String row, String column) {

    public CellRef {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(column, "column");
    }

    @Override
    public String toString() {
        return section + "!" + row + "." + column;
    }
}
