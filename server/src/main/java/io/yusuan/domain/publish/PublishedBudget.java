package io.yusuan.domain.publish;

import java.util.List;

/**
 * A budget as it is published (预算公开): every table laid out as printed, figures already in the
 * table's unit and, for 万元, already balanced (舍位平衡), plus the 说明 text. Exporters (XLSX, PDF,
 * CSV, JSON) only lay this out; they never compute a figure.
 *
 * @param title     e.g. 宿州市医疗保障局2024年部门预算
 * @param entity    the department or unit (部门 / 单位) that publishes it
 * @param stamp     which approved version this is, or that it is a draft (printed on every page)
 * @param narrative the 说明 chapters, in order (may be empty)
 */
public record PublishedBudget(String title, String entity, int year, Stamp stamp, List<PublishedTable> tables,
                              List<NarrativeBlock> narrative) {

    public PublishedBudget {
        tables = List.copyOf(tables);
        narrative = List.copyOf(narrative);
    }
}
