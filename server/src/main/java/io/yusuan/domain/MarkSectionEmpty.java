package io.yusuan.domain;

/** Command: mark a table as 空表 with its note (empty = true), or take the mark away. */
public record MarkSectionEmpty(String section, boolean empty, String note, String clientOpId) implements Command {
}
