package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;

/**
 * Command: set one input cell. {@code value} is the wire text in 元 (null clears the cell) and is
 * validated by the decider; {@code baseRev} is the cell revision the user saw.
 */
public record EditCell(CellRef cell, String value, int baseRev, String clientOpId) implements Command {
}
