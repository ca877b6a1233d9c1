package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.workflow.Role;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a command against the current state: either a {@link Rejection} or the event to append.
 * Pure: it never changes the state, so a room can decide, persist, and only then apply.
 */
public final class Decider {

    private Decider() {
    }

    public static Decision decide(BudgetState state, Command command, Role role) {
        if (role == null || !role.mayEditCells()) {
            return Decision.reject(Rejection.of(ErrorCode.FORBIDDEN,
                    "您的角色" + (role == null ? "" : "（" + role.wireName() + "）") + "不能修改预算"));
        }
        if (command instanceof MarkSectionEmpty mark) {
            return markEmpty(state, mark);
        }
        String section = command instanceof EditCell edit ? edit.cell().section()
                : command instanceof AddRow add ? add.section() : null;
        if (section != null && state.emptySections().containsKey(section)) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_STATE, "该表已标记为空表，请先取消空表标记再填数"));
        }
        if (command instanceof AddRow add) {
            return RowDecider.add(state, add);
        }
        if (command instanceof RemoveRow remove) {
            return RowDecider.remove(state, remove);
        }
        return decideEdit(state, (EditCell) command);
    }

    private static Decision decideEdit(BudgetState state, EditCell command) {
        Optional<CellSpec> spec = state.layout().cell(command.cell());
        if (spec.isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "没有这个单元格：" + command.cell()));
        }
        if (!spec.get().isInput()) {
            return Decision.reject(Rejection.of(ErrorCode.NOT_EDITABLE, "这是计算单元格，由公式自动得出，不能直接修改"));
        }
        if (spec.get().column().kind() != ColumnKind.AMOUNT) {
            // Text cells (说明, 绩效指标值) get their own command with the narrative sections.
            return Decision.reject(Rejection.of(ErrorCode.NOT_EDITABLE, "文字栏暂不能通过金额编辑修改"));
        }
        Money value = null;
        if (command.value() != null) {
            Optional<Money> parsed = Money.parseYuan(command.value());
            if (parsed.isEmpty()) {
                return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE,
                        "金额格式不对：应为以元为单位、最多两位小数的数字"));
            }
            value = parsed.get();
            if (value.isNegative() && !spec.get().column().allowNegative()) {
                return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, "此栏不允许负数"));
            }
        }
        InputCell current = state.input(command.cell());
        if (command.baseRev() != current.rev()) {
            return Decision.reject(new Rejection(ErrorCode.STALE_CELL,
                    "该单元格已被他人修改，请确认当前值后再改", staleDetails(current)));
        }
        return Decision.accept(new CellsEdited(List.of(new CellEdit(command.cell(), value))));
    }

    private static final int MAX_NOTE_LENGTH = 200;

    /**
     * 空表: only a table without figures can be marked, and the mark needs its note (the reason
     * printed under the empty table, e.g. 本部门无政府性基金预算拨款).
     */
    private static Decision markEmpty(BudgetState state, MarkSectionEmpty command) {
        if (state.layout().section(command.section()).isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "没有这张表：" + command.section()));
        }
        if (!command.empty()) {
            if (!state.emptySections().containsKey(command.section())) {
                return Decision.reject(Rejection.of(ErrorCode.INVALID_STATE, "该表没有标记为空表"));
            }
            return Decision.accept(new SectionsMarked(List.of(new SectionMark(command.section(), false, null))));
        }
        String note = command.note() == null ? "" : command.note().trim();
        if (note.isEmpty() || note.length() > MAX_NOTE_LENGTH) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, "空表需要写明原因（不超过 200 字）"));
        }
        if (state.hasFigures(command.section())) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_STATE, "表中还有数，不能标记为空表；请先清空"));
        }
        return Decision.accept(new SectionsMarked(List.of(new SectionMark(command.section(), true, note))));
    }

    private static Map<String, Object> staleDetails(InputCell current) {
        Map<String, Object> details = new HashMap<>();
        details.put("value", current.value());
        details.put("rev", current.rev());
        Actor by = current.by();
        details.put("by", by);
        return details;
    }
}
