package io.yusuan.domain;

import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.template.SectionKind;
import java.util.List;
import java.util.Optional;

/**
 * Decides adding and removing classification lines. Lines are added at the lowest level (功能 项,
 * 经济 款): their 款 and 类 appear by themselves, and totals follow by derivation. A line with lines
 * under it cannot be removed (remove those first), so figures never vanish unseen.
 */
final class RowDecider {

    private static final int MAX_NAME_LENGTH = 100;

    private RowDecider() {
    }

    static Decision add(BudgetState state, AddRow command) {
        Optional<SectionLayout> section = codeTree(state, command.section());
        if (section.isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "没有这个科目表：" + command.section()));
        }
        CodeSystem system = section.get().def().codeSystem();
        String code = command.code() == null ? "" : command.code().trim();
        if (system.levelOf(code) != system.depth()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_VALUE, system == CodeSystem.FUNCTION
                    ? "功能分类只能添加 7 位的项级科目" : "经济分类只能添加 5 位的款级科目"));
        }
        if (rowOf(section.get(), code).isPresent()) {
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

    static Decision remove(BudgetState state, RemoveRow command) {
        Optional<SectionLayout> section = codeTree(state, command.section());
        if (section.isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "没有这个科目表：" + command.section()));
        }
        String code = command.row();
        boolean listed = state.codeRows().getOrDefault(command.section(), List.of()).stream()
                .map(CodeRow::code).anyMatch(c -> c.equals(code));
        Optional<RowLayout> row = rowOf(section.get(), code);
        if (row.isEmpty() || !listed) {
            return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "表中没有科目 " + code));
        }
        boolean hasChildren = section.get().rows().stream()
                .anyMatch(r -> r.code() != null && r.code().length() > code.length() && r.code().startsWith(code));
        if (hasChildren) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_STATE, "科目 " + code + " 下还有下级科目，请先删除下级科目"));
        }
        return Decision.accept(new RowsChanged(List.of(new RowChange(command.section(), code, row.get().label(),
                false))));
    }

    private static Optional<SectionLayout> codeTree(BudgetState state, String key) {
        return state.layout().section(key).filter(s -> s.def().kind() == SectionKind.CODE_TREE);
    }

    private static Optional<RowLayout> rowOf(SectionLayout section, String code) {
        return section.rows().stream().filter(r -> code.equals(r.code())).findFirst();
    }
}
