package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.template.RowKindDef;
import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.SectionKind;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides adding and removing lines. Classification lines are added at the lowest level (功能 项,
 * 经济 款): their 款 and 类 appear by themselves, and totals follow by derivation. Free rows of a
 * list (projects, procurement lines, 绩效 indicators) are added as one of the section's row kinds
 * under an allowed parent. A line with lines under it cannot be removed (remove those first), so
 * figures never vanish unseen; nor can lines change in a locked table or one feeding a locked table.
 */
final class RowDecider {

    private static final int MAX_NAME_LENGTH = 100;
    private static final int MAX_LIST_ROWS = 2_000;
    private static final Pattern ROW_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");

    private RowDecider() {
    }

    static Decision add(BudgetState state, AddRow command) {
        Optional<SectionLayout> section = state.layout().section(command.section())
                .filter(s -> s.def().kind() != SectionKind.FIXED);
        if (section.isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "这张表不能添加行：" + command.section()));
        }
        Optional<Rejection> blocked = blocked(state, command.section(), true);
        if (blocked.isPresent()) {
            return Decision.reject(blocked.get());
        }
        return section.get().def().kind() == SectionKind.LIST ? addFree(state, section.get(), command)
                : addCode(state, section.get(), command);
    }

    private static Decision addCode(BudgetState state, SectionLayout section, AddRow command) {
        CodeSystem system = section.def().codeSystem();
        String code = command.code() == null ? "" : command.code().trim();
        if (system.levelOf(code) != system.depth()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, system == CodeSystem.FUNCTION
                    ? "功能分类只能添加 7 位的项级科目" : "经济分类只能添加 5 位的款级科目"));
        }
        if (rowOf(section, code).isPresent()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_STATE, "科目 " + code + " 已在表中"));
        }
        String name = command.name() == null ? "" : command.name().trim();
        if (name.isEmpty()) {
            Optional<String> standard = state.layout().standardName(system, code);
            if (standard.isEmpty()) {
                return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, "科目表中没有编码 " + code + "，请填写科目名称"));
            }
            name = standard.get();
        }
        if (name.length() > MAX_NAME_LENGTH) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, "科目名称过长"));
        }
        return Decision.accept(new RowsChanged(List.of(new RowChange(command.section(), code, name, true))));
    }

    private static Decision addFree(BudgetState state, SectionLayout section, AddRow command) {
        SectionDef def = section.def();
        Optional<RowKindDef> kind = command.kind() == null && def.rowKinds().size() == 1
                ? Optional.of(def.rowKinds().get(0)) : def.rowKind(command.kind());
        if (kind.isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, "这张表没有这种行：" + command.kind()));
        }
        String parent = command.parent() == null || command.parent().isBlank() ? null : command.parent();
        if (parent == null && !kind.get().topLevel()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, kind.get().title() + "必须放在上级行之下"));
        }
        if (parent != null) {
            Optional<RowLayout> above = rowOf(section, parent);
            if (above.isEmpty() || above.get().totalRow()) {
                return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "表中没有上级行 " + parent));
            }
            if (!kind.get().parents().contains(above.get().kind())) {
                return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE,
                        kind.get().title() + "不能放在这一行之下"));
            }
        }
        List<CodeRow> rows = state.codeRows().getOrDefault(def.key(), List.of());
        if (rows.size() >= MAX_LIST_ROWS) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_STATE, "这张表的行数已到上限 " + MAX_LIST_ROWS));
        }
        String key = command.code() == null || command.code().isBlank() ? nextKey(rows) : command.code().trim();
        if (!ROW_KEY.matcher(key).matches()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, "行号只能是字母开头的字母、数字、-、_（最多 32 个）"));
        }
        if (rowOf(section, key).isPresent()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_STATE, "表中已有行 " + key));
        }
        String name = command.name() == null ? "" : command.name().strip();
        List<TextEdit> texts = List.of();
        if (def.labelColumn() != null) {
            int limit = def.column(def.labelColumn()).orElseThrow().textLimit();
            if (name.length() > limit) {
                return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, "名称过长：最多 " + limit + " 个字"));
            }
            if (!name.isEmpty()) {
                texts = List.of(new TextEdit(new CellRef(def.key(), key, def.labelColumn()), name));
            }
        }
        return Decision.accept(new RowsChanged(List.of(new RowChange(def.key(), key, "", true, kind.get().key(),
                parent)), texts));
    }

    /** r1, r2, …: one past the highest number used so far, so a removed row's key is never reused. */
    private static String nextKey(List<CodeRow> rows) {
        int highest = 0;
        for (CodeRow row : rows) {
            if (row.code().matches("r\\d{1,9}")) {
                highest = Math.max(highest, Integer.parseInt(row.code().substring(1)));
            }
        }
        return "r" + (highest + 1);
    }

    static Decision remove(BudgetState state, RemoveRow command) {
        Optional<SectionLayout> section = state.layout().section(command.section())
                .filter(s -> s.def().kind() != SectionKind.FIXED);
        if (section.isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "这张表不能删除行：" + command.section()));
        }
        String code = command.row();
        boolean listed = state.codeRows().getOrDefault(command.section(), List.of()).stream()
                .map(CodeRow::code).anyMatch(c -> c.equals(code));
        Optional<RowLayout> row = rowOf(section.get(), code);
        if (row.isEmpty() || !listed) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "表中没有行 " + code));
        }
        Optional<Rejection> blocked = blocked(state, command.section(), false);
        if (blocked.isPresent()) {
            return Decision.reject(blocked.get());
        }
        boolean free = section.get().def().kind() == SectionKind.LIST;
        boolean hasChildren = section.get().rows().stream().anyMatch(r -> free ? code.equals(r.parent())
                : r.code() != null && r.code().length() > code.length() && r.code().startsWith(code));
        if (hasChildren) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_STATE, "行 " + code + " 下还有下级行，请先删除下级行"));
        }
        return Decision.accept(new RowsChanged(List.of(new RowChange(command.section(), code, row.get().label(),
                false, row.get().kind(), row.get().parent()))));
    }

    private static Optional<Rejection> blocked(BudgetState state, String section, boolean adding) {
        Optional<String> locked = Locks.forSection(state, section);
        if (locked.isPresent()) {
            return Optional.of(Locks.rejection(state, locked.get()));
        }
        if (adding && state.emptySections().containsKey(section)) {
            return Optional.of(Rejection.of(ErrorCode.INVALID_STATE, "该表已标记为空表，请先取消空表标记再添加行"));
        }
        return Optional.empty();
    }

    private static Optional<RowLayout> rowOf(SectionLayout section, String key) {
        return section.rows().stream().filter(r -> key.equals(r.key())).findFirst();
    }
}
