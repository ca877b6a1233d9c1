package io.yusuan.domain.comments;

import io.yusuan.domain.budget.CellRef;
import java.util.Objects;

/** Where a comment thread hangs: a whole section (row and column null) or one cell. */
public record CommentAnchor(String section, String row, String column) {

    public CommentAnchor {
        Objects.requireNonNull(section, "section");
        if ((row == null) != (column == null)) {
            throw new IllegalArgumentException("a comment anchor is a section or a cell");
        }
    }

    public static CommentAnchor of(CellRef cell) {
        return new CommentAnchor(cell.section(), cell.row(), cell.column());
    }

    public boolean onCell() {
        return row != null;
    }

    public CellRef cell() {
        return onCell() ? new CellRef(section, row, column) : null;
    }
}
