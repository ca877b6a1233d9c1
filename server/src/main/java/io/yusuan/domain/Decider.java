package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.budget.TextCell;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.workflow.Role;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides a command against the current state: either a {@link Rejection} or the event to append.
 * Pure: it never changes the state, so a room can decide, persist, and only then apply. Checks run
 * in a fixed order — role, the cell or table, editability, the lock, the value, the revision — so
 * a client always learns the most fundamental reason first.
 */
public final class Decider {

    private static final int MAX_NOTE_LENGTH = 200;
    private static final int MAX_REASON_LENGTH = 500;

    private Decider() {
    }

    public static Decision decide(BudgetState state, Command command, Role role) {
        return decide(state, command, role, null, Instant.now());
    }

    /** {@code actor} and {@code now} matter to review steps and 批注 only (who may resolve, when). */
    public static Decision decide(BudgetState state, Command command, Role role, Actor actor, Instant now) {
        if (command instanceof WorkflowCommand step) {
            return WorkflowDecider.decide(state, step, role);
        }
        if (command instanceof CommentCommand comment) {
            return CommentDecider.decide(state, comment, role, actor);
        }
        if (role == null || !role.mayEditCells()) {
            return Decision.reject(Rejection.of(ErrorCode.FORBIDDEN,
                    "您的角色" + (role == null ? "" : "（" + role.label() + "）") + "不能修改预算"));
        }
        if (command instanceof MarkSectionEmpty mark) {
            return markEmpty(state, mark);
        }
        if (command instanceof ImportFigures figures) {
            return ImportDecider.decide(state, figures);
        }
        if (command instanceof AddRow add) {
            return RowDecider.add(state, add);
        }
        if (command instanceof RemoveRow remove) {
            return RowDecider.remove(state, remove);
        }
        if (command instanceof EditText text) {
            return decideText(state, text);
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
            return Decision.reject(Rejection.of(ErrorCode.NOT_EDITABLE, "这是文字栏，请用文字编辑（editText）修改"));
        }
        Optional<Rejection> blocked = writable(state, command.cell(), command.reason(), true);
        if (blocked.isPresent()) {
            return Decision.reject(blocked.get());
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
            return Decision.reject(stale(current.value(), current.rev(), current.by()));
        }
        return Decision.accept(new CellsEdited(List.of(new CellEdit(command.cell(), value)), reason(command.reason())));
    }

    private static Decision decideText(BudgetState state, EditText command) {
        Optional<CellSpec> spec = state.layout().cell(command.cell());
        if (spec.isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "没有这个单元格：" + command.cell()));
        }
        if (spec.get().column().kind() != ColumnKind.TEXT) {
            return Decision.reject(Rejection.of(ErrorCode.NOT_EDITABLE, "这是金额栏，请用金额编辑（edit）修改"));
        }
        Optional<Rejection> blocked = writable(state, command.cell(), command.reason(), false);
        if (blocked.isPresent()) {
            return Decision.reject(blocked.get());
        }
        String text = command.text() == null ? "" : command.text().strip();
        if (text.length() > spec.get().column().textLimit()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE,
                    "文字过长：此栏最多 " + spec.get().column().textLimit() + " 个字"));
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, "文字中有不可见的控制字符"));
        }
        TextCell current = state.textCell(command.cell());
        if (command.baseRev() != current.rev()) {
            return Decision.reject(stale(current.text(), current.rev(), current.by()));
        }
        return Decision.accept(new TextsEdited(List.of(new TextEdit(command.cell(), text)), reason(command.reason())));
    }

    /**
     * Whether a cell may be written now: not in (or flowing into) a locked table, not in a 空表, and
     * with a reason when its table was reopened after approval.
     */
    private static Optional<Rejection> writable(BudgetState state, CellRef cell, String reason, boolean flows) {
        Optional<String> locked = flows ? Locks.forCell(state, cell)
                : state.workflow().locked(cell.section()) ? Optional.of(cell.section()) : Optional.empty();
        if (locked.isPresent()) {
            return Optional.of(Locks.rejection(state, locked.get()));
        }
        if (state.emptySections().containsKey(cell.section())) {
            return Optional.of(Rejection.of(ErrorCode.INVALID_STATE, "该表已标记为空表，请先取消空表标记再填数"));
        }
        if (state.workflow().flow(cell.section()).reopened() && reason(reason) == null) {
            return Optional.of(Rejection.of(ErrorCode.INVALID_VALUE, "该表批准后被重新打开，修改需填写原因（reason）"));
        }
        if (reason != null && reason.length() > MAX_REASON_LENGTH) {
            return Optional.of(Rejection.of(ErrorCode.INVALID_VALUE, "修改原因不超过 500 字"));
        }
        return Optional.empty();
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? null : reason.strip();
    }

    /**
     * 空表: only a table without figures can be marked, and the mark needs its note (the reason
     * printed under the empty table, e.g. 本部门无政府性基金预算拨款).
     */
    private static Decision markEmpty(BudgetState state, MarkSectionEmpty command) {
        if (state.layout().section(command.section()).isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "没有这张表：" + command.section()));
        }
        if (state.workflow().locked(command.section())) {
            return Decision.reject(Locks.rejection(state, command.section()));
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
        if (state.hasContent(command.section())) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_STATE, "表中还有数，不能标记为空表；请先清空"));
        }
        return Decision.accept(new SectionsMarked(List.of(new SectionMark(command.section(), true, note))));
    }

    private static Rejection stale(Object value, int rev, Actor by) {
        Map<String, Object> details = new HashMap<>();
        details.put("value", value);
        details.put("rev", rev);
        details.put("by", by);
        return new Rejection(ErrorCode.STALE_CELL, "该单元格已被他人修改，请确认当前值后再改", details);
    }
}
