package io.yusuan.domain.template;

import io.yusuan.domain.rules.Severity;
import java.util.List;
import java.util.Map;

/**
 * A built-in check that a template switches on for some of its sections, for what formulas cannot
 * state: {@code narrative} (T01–T03, X08: the 说明 text against the tables), {@code indicators}
 * (P01: 绩效 indicator values of the right kind), {@code threePublic} (X10: 三公 against the
 * economic lines that book them). {@code scopes}: for the narrative, the tables each chapter (row
 * key) explains, so «关于财政拨款收支总表的说明» is read against that table only.
 */
public record CheckDef(String id, String check, List<String> sections, Severity severity,
                       Map<String, List<String>> scopes) {

    public CheckDef {
        sections = List.copyOf(sections);
        scopes = Map.copyOf(scopes);
    }

    public CheckDef(String id, String check, List<String> sections, Severity severity) {
        this(id, check, sections, severity, Map.of());
    }
}
