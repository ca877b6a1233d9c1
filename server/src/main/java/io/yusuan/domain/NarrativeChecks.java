package io.yusuan.domain;

import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.template.CheckDef;
import java.util.List;

/** T01–T03 and X08: the 说明 chapters against the tables. */
final class NarrativeChecks {

    private NarrativeChecks() {
    }

    static List<RuleResult> evaluate(CheckResults.View view, CheckDef def) {
        return List.of();
    }
}
