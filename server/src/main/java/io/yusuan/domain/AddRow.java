package io.yusuan.domain;

/**
 * Command: add a classification line (功能 项, 经济 款) to a code-tree section. A blank name takes
 * the standard name of the year's code list.
 */
public record AddRow(String section, String code, String name, String clientOpId) implements Command {
}
