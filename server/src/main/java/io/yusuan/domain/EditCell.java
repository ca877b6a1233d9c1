package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;

/**
 * Command: set one input cell. {@code value} is the wire text in 元 (null clears the cell) and is
 * validated by the decider; {@code baseRev} is the cell revision the user saw; {@code reason} is
 * required when the table was reopened after approval (kept in the audit trail), else optional.
 */
public record EditCell(CellRef cell, String value, int baseRev, String reason, String clientOpId) implements Command {

    public EditCell(CellRef cell, String value, int baseRev, String clientOpId) {
        this(cell, value, baseRev, null, clientOpId);
    }
}
