package io.yusuan.domain.template;

import java.util.List;

/**
 * A kind of free row in a list section, e.g. in 政府采购: 单位 › 项目 › 品目; in 绩效指标: 项目 ›
 * 一级指标 › 二级指标 › 三级指标. {@code columns} are the cells such a row has (empty: all);
 * {@code parents} the kinds it may sit under (empty: top level only).
 */
public record RowKindDef(String key, String title, List<String> columns, List<String> parents) {

    public RowKindDef {
        columns = List.copyOf(columns);
        parents = List.copyOf(parents);
    }

    public boolean topLevel() {
        return parents.isEmpty();
    }
}
