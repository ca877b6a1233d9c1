package io.yusuan.domain;

/**
 * Command: add a line. In a code-tree section it is a classification line (功能 项, 经济 款) and a
 * blank {@code name} takes the standard name of the year's code list. In a list section (项目支出表,
 * 政府采购, 绩效指标) it is a free row of {@code kind} under {@code parent} (null: top level), whose
 * label column starts as {@code name}; {@code code} may name its key (else the server picks one).
 */
public record AddRow(String section, String code, String name, String kind, String parent, String clientOpId)
        implements Command {

    public AddRow(String section, String code, String name, String clientOpId) {
        this(section, code, name, null, null, clientOpId);
    }
}
