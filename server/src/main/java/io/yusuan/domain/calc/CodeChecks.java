package io.yusuan.domain.calc;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.classification.CodeBook;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import io.yusuan.domain.template.SectionKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * C02: every classification line's code is in the year's code list and carries its standard
 * name. An unknown code or a different name is flagged — never silently accepted or renamed.
 * C03: no 政府经济 (5xx) line in a 部门经济 table, and no 部门经济 (3xx) line in a 政府经济 table.
 * (C01, the code's format and parent prefix, is enforced when the layout is built.)
 */
final class CodeChecks {

    static final String RULE = "C02";
    /** C03: 部门经济分类 (3xx) and 政府经济分类 (5xx) codes never mixed in one table. */
    static final String MIXED = "C03";

    private CodeChecks() {
    }

    static List<RuleResult> check(List<SectionLayout> sections, CodeBook codeBook) {
        List<RuleResult> findings = new ArrayList<>();
        for (SectionLayout section : sections) {
            if (section.def().kind() != SectionKind.CODE_TREE) {
                continue;
            }
            CodeSystem system = section.def().codeSystem();
            if (codeBook.codes(system).isEmpty()) {
                continue; // no list for this year and system: nothing to judge against
            }
            for (RowLayout row : section.rows()) {
                if (row.code() == null) {
                    continue;
                }
                List<CellRef> cells = row.columns().stream().map(c -> new CellRef(section.key(), row.key(), c))
                        .toList();
                String key = RULE + ":" + section.key() + ":" + row.code();
                Optional<String> mixed = mixedSystem(system, row.code());
                if (mixed.isPresent()) {
                    findings.add(new RuleResult(MIXED + ":" + section.key() + ":" + row.code(), MIXED, Severity.ERROR,
                            "科目 " + row.code() + " " + mixed.get(), cells, null, null));
                    continue;
                }
                Optional<String> standard = codeBook.nameOf(system, row.code());
                if (standard.isEmpty()) {
                    findings.add(new RuleResult(key, RULE, Severity.WARNING,
                            "科目编码 " + row.code() + " 不在本年度科目表中，请核对", cells, null, null));
                } else if (!normalized(standard.get()).equals(normalized(row.label()))) {
                    findings.add(new RuleResult(key, RULE, Severity.WARNING, "科目 " + row.code() + " 的名称「"
                            + row.label() + "」与标准名称「" + standard.get() + "」不同", cells, null, null));
                }
            }
        }
        return findings;
    }

    /**
     * A 5xx code among 部门经济分类 lines, or a 3xx code among 政府经济分类 lines: the two
     * classifications are parallel breakdowns of the same spending, never lines of one table.
     */
    private static Optional<String> mixedSystem(CodeSystem system, String code) {
        if (system == CodeSystem.ECONOMIC && code.startsWith("5")) {
            return Optional.of("是政府预算支出经济分类科目，不能列在部门预算支出经济分类表中");
        }
        if (system == CodeSystem.GOV_ECONOMIC && code.startsWith("3")) {
            return Optional.of("是部门预算支出经济分类科目，不能列在政府预算支出经济分类表中");
        }
        return Optional.empty();
    }

    private static String normalized(String name) {
        return name.replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
    }
}
