package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;

/**
 * Command: write a text cell (a 说明 chapter, an 指标值, a project's name). {@code text} may be
 * empty to clear it; {@code baseRev} and {@code reason} as for {@link EditCell}.
 */
public record EditText(CellRef cell, String text, int baseRev, String reason, String clientOpId) implements Command {
}
