package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.template.CheckDef;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.ColumnKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The built-in checks a template switches on by name (docs/templates.md «Checks») for what
 * formulas cannot state. {@code indicators} (P01): a 成本指标 must carry an amount and a 时效指标 must
 * not — seed 003's project 15 has the two swapped. {@code narrative} (T01–T03, X08): the 说明 text
 * against the tables ({@link NarrativeChecks}).
 */
final class TextChecks {

    static final String INDICATORS = "indicators";
    static final String NARRATIVE = "narrative";

    private static final Pattern MONEY = Pattern.compile("\\d\\s*(万)?元");

    /** The document's text cells. */
    interface Texts {
        String text(CellRef cell);
    }

    /**
     * What changed, to pick the checks to run again: texts of these sections, and whether any
     * figure moved (the narrative quotes figures). Null stands for everything.
     */
    record Trigger(Set<String> textSections, Set<io.yusuan.domain.budget.CellRef> figures) {

        boolean figuresChanged() {
            return !figures.isEmpty();
        }
    }

    private TextChecks() {
    }

    static List<RuleResult> evaluate(CheckResults.View view, Trigger trigger) {
        List<RuleResult> results = new ArrayList<>();
        for (CheckDef def : view.layout().template().checks()) {
            if (!runs(def, trigger)) {
                continue;
            }
            switch (def.check()) {
                case INDICATORS -> def.sections().forEach(s -> results.addAll(indicators(view, def, s)));
                // A chapter whose text changed is read again by itself (its memo holds the old text);
                // the others only if a figure they looked up moved.
                case NARRATIVE -> results.addAll(NarrativeChecks.evaluate(view, def,
                        trigger == null ? null : trigger.figures()));
                default -> throw new IllegalStateException("unknown check " + def.check());
            }
        }
        return results;
    }

    /** Key prefixes of the results owned by the checks this trigger runs (so stale ones can be dropped). */
    static Set<String> keyPrefixes(DocumentLayout layout, Trigger trigger) {
        Set<String> prefixes = new HashSet<>();
        for (CheckDef def : layout.template().checks()) {
            if (runs(def, trigger)) {
                prefixes.add(NARRATIVE.equals(def.check()) ? NarrativeChecks.KEY_PREFIX : def.id() + ":");
            }
        }
        return prefixes;
    }

    private static boolean runs(CheckDef def, Trigger trigger) {
        if (trigger == null) {
            return true;
        }
        boolean textsTouched = def.sections().stream().anyMatch(trigger.textSections()::contains);
        return textsTouched || (trigger.figuresChanged() && NARRATIVE.equals(def.check()));
    }

    /**
     * P01 over an indicator tree: each row with a value column, judged by the 二级指标 it sits under
     * (the nearest ancestor whose label names 成本 or 时效).
     */
    private static List<RuleResult> indicators(CheckResults.View view, CheckDef def, String sectionKey) {
        List<RuleResult> results = new ArrayList<>();
        SectionLayout section = view.layout().section(sectionKey).orElse(null);
        if (section == null || section.def().labelColumn() == null) {
            return results;
        }
        String labelColumn = section.def().labelColumn();
        // The 指标值 column: the one keyed "value", else the last text column besides the label.
        String valueColumn = section.def().column("value").filter(c -> c.kind() == ColumnKind.TEXT)
                .map(ColumnDef::key).orElseGet(() -> section.def().columns().stream()
                        .filter(c -> c.kind() == ColumnKind.TEXT && !c.key().equals(labelColumn))
                        .map(ColumnDef::key).reduce((a, b) -> b).orElse(null));
        if (valueColumn == null) {
            return results;
        }
        Map<String, RowLayout> byKey = new HashMap<>();
        section.rows().forEach(r -> byKey.put(r.key(), r));
        for (RowLayout row : section.rows()) {
            if (!row.columns().contains(valueColumn)) {
                continue;
            }
            String value = view.texts().text(new CellRef(sectionKey, row.key(), valueColumn));
            if (value == null || value.isBlank()) {
                continue;
            }
            String group = groupOf(view, sectionKey, labelColumn, byKey, row);
            boolean money = MONEY.matcher(value).find();
            String problem = null;
            if (group.contains("成本") && !money) {
                problem = "成本指标的指标值应是金额（元或万元），这里是「" + value + "」";
            } else if (group.contains("时效") && money) {
                problem = "时效指标的指标值不应是金额，这里是「" + value + "」：是否与成本指标填反了？";
            }
            if (problem != null) {
                CellRef cell = new CellRef(sectionKey, row.key(), valueColumn);
                results.add(new RuleResult(def.id() + ":" + cell, def.id(), def.severity(),
                        label(view, sectionKey, labelColumn, row) + "：" + problem, List.of(cell), null, null));
            }
        }
        return results;
    }

    private static String groupOf(CheckResults.View view, String section, String labelColumn,
                                  Map<String, RowLayout> byKey, RowLayout row) {
        for (RowLayout at = byKey.get(row.parent()); at != null; at = byKey.get(at.parent())) {
            String label = label(view, section, labelColumn, at);
            if (label.contains("成本") || label.contains("时效") || label.contains("数量") || label.contains("质量")) {
                return label;
            }
        }
        return "";
    }

    private static String label(CheckResults.View view, String section, String labelColumn, RowLayout row) {
        String text = view.texts().text(new CellRef(section, row.key(), labelColumn));
        return text == null ? "" : text;
    }
}
