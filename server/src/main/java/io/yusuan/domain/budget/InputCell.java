package io.yusuan.domain.budget;

/**
 * The stored state of an input cell: its value (null = empty, which is not the same as 0), the
 * per-cell revision used for stale-edit detection, and who set it last.
 */
public record InputCell(Money value, int rev, Actor by) {

    public static final InputCell NEVER_SET = new InputCell(null, 0, null);
}
