package io.yusuan.domain.publish;

/** One chapter of the 说明: its heading (一、部门职责) and its text, paragraphs separated by blank lines. */
public record NarrativeBlock(String heading, String text) {
}
