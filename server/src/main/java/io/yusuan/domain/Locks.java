package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.workflow.SectionStatus;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a change would touch a locked (submitted or approved) table. Not just the table edited:
 * a figure typed in 一般公共预算支出表 flows into 财政拨款收支总表 and 收支总表, and an approved table
 * must not change under its approver's eyes because another table was edited.
 */
final class Locks {

    private Locks() {
    }

    /** The first locked table among the cell's own and every table its figure flows into. */
    static Optional<String> forCell(BudgetState state, CellRef cell) {
        if (state.workflow().locked(cell.section())) {
            return Optional.of(cell.section());
        }
        if (state.workflow().sections().values().stream().noneMatch(f -> f.status().locked())) {
            return Optional.empty(); // nothing locked: skip walking the dependants
        }
        for (CellRef dependent : state.layout().dependentsOf(cell)) {
            if (state.workflow().locked(dependent.section())) {
                return Optional.of(dependent.section());
            }
        }
        return Optional.empty();
    }

    /** For a change of a table's lines: the table and every table fed from it. */
    static Optional<String> forSection(BudgetState state, String section) {
        Set<String> touched = new LinkedHashSet<>();
        touched.add(section);
        touched.addAll(state.layout().sectionsFedBy(section));
        return touched.stream().filter(s -> state.workflow().locked(s)).findFirst();
    }

    static Rejection rejection(BudgetState state, String section) {
        SectionStatus status = state.workflow().status(section);
        String title = state.layout().section(section).map(s -> "表" + s.def().number() + " " + s.def().title())
                .orElse(section);
        return new Rejection(ErrorCode.SECTION_LOCKED, title + "已" + (status == SectionStatus.APPROVED ? "批准" : "提交审核")
                + "，已锁定，不能修改" + (status == SectionStatus.APPROVED ? "（需审批人重新打开）" : "（可先撤回）"),
                Map.of("section", section, "status", status.wireName()));
    }
}
