package io.yusuan.domain.template;

import io.yusuan.domain.rules.Severity;
import java.util.List;

/**
 * A built-in check that a template switches on for some of its sections, for what formulas cannot
 * state: {@code narrative} (T01–T03, X08: the 说明 text against the tables), {@code indicators}
 * (P01: 绩效 indicator values of the right kind), {@code threePublic} (X10: 三公 against the
 * economic lines that book them).
 */
public record CheckDef(String id, String check, List<String> sections, Severity severity) {

    public CheckDef {
        sections = List.copyOf(sections);
    }
}
