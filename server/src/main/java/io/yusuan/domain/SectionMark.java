package io.yusuan.domain;

/**
 * A table marked empty (空表) with the reason printed under it, or the mark taken away. Empty is
 * not zero: a 空表 has no figures at all and says why; a table of zeros is a table with figures.
 */
public record SectionMark(String section, boolean empty, String note) {
}
