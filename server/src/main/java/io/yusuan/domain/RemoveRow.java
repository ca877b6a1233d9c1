package io.yusuan.domain;

/** Command: remove a classification line that has no lines under it (its figures go with it). */
public record RemoveRow(String section, String row, String clientOpId) implements Command {
}
