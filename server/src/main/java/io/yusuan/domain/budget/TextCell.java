package io.yusuan.domain.budget;

/**
 * The stored state of a text cell (说明 chapters, 指标值, project names): its text (null = never
 * written; "" = cleared), the per-cell revision used for stale-edit detection, and who wrote it last.
 */
public record TextCell(String text, int rev, Actor by) {

    public static final TextCell NEVER_SET = new TextCell(null, 0, null);
}
