package io.yusuan.domain;

import io.yusuan.domain.template.SectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides an import into an existing document: every table it names must exist and be open for
 * changes — neither locked nor feeding a locked table — or nothing is imported at all.
 */
final class ImportDecider {

    private ImportDecider() {
    }

    static Decision decide(BudgetState state, ImportFigures command) {
        TreeSet<String> sections = new TreeSet<>(command.rows().keySet());
        command.figures().forEach(f -> sections.add(f.cell().section()));
        command.texts().forEach(t -> sections.add(t.cell().section()));
        sections.addAll(command.emptySections().keySet());
        if (sections.isEmpty()) {
            return Decision.reject(Rejection.of(ErrorCode.INVALID_IMPORT, "导入的文本中没有能放进这份预算的表"));
        }
        for (String section : sections) {
            var layout = state.layout().section(section);
            if (layout.isEmpty()) {
                return Decision.reject(Rejection.of(ErrorCode.UNKNOWN_CELL, "这份预算没有表 " + section));
            }
            if (command.rows().containsKey(section) && layout.get().def().kind() == SectionKind.FIXED) {
                return Decision.reject(Rejection.of(ErrorCode.INVALID_IMPORT, "表 " + section + " 的行是固定的"));
            }
            Optional<String> locked = Locks.forSection(state, section);
            if (locked.isPresent()) {
                return Decision.reject(Locks.rejection(state, locked.get()));
            }
        }
        return Decision.accept(new SectionsReplaced(new ArrayList<>(sections), command.rows(), command.figures(),
                command.texts(), command.emptySections()));
    }

}
