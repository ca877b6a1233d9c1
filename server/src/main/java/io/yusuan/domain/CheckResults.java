package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.rules.Rule;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import io.yusuan.domain.template.SectionDef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The current rule results of one document, kept up to date incrementally: after an edit only the
 * rules reading a changed cell, the X11 check of the touched tables and the text checks that read
 * what changed are evaluated again; what became violated or resolved is reported.
 */
final class CheckResults {

    /** What the checks read of the document. */
    interface View {
        DocumentLayout layout();

        io.yusuan.domain.budget.Money valueOf(CellRef ref);

        boolean hasContent(String section);

        Map<String, String> emptySections();

        TextChecks.Texts texts();

        NarrativeChecks.Memo narrativeMemo();
    }

    private final Map<String, RuleResult> results = new LinkedHashMap<>();

    /** Every rule, the code findings, X11 per table and the text checks, from scratch. */
    void deriveAll(View view) {
        results.clear();
        DocumentLayout layout = view.layout();
        layout.codeFindings().forEach(f -> results.put(f.key(), f));
        for (Rule rule : layout.rules().all()) {
            layout.rules().evaluate(rule, view::valueOf).ifPresent(r -> results.put(r.key(), r));
        }
        for (var section : layout.sections()) {
            emptiness(view, section.key()).ifPresent(r -> results.put(r.key(), r));
        }
        TextChecks.evaluate(view, null).forEach(r -> results.put(r.key(), r));
    }

    List<RuleResult> sorted() {
        List<RuleResult> all = new ArrayList<>(results.values());
        all.sort(Comparator.comparing(RuleResult::severity).thenComparing(RuleResult::key));
        return all;
    }

    Collection<RuleResult> all() {
        return results.values();
    }

    Map<String, RuleResult> copy() {
        return new HashMap<>(results);
    }

    void replaceAll(Map<String, RuleResult> with) {
        results.clear();
        results.putAll(with);
    }

    /** Re-evaluates the rules reading a changed cell. */
    List<CheckChange> recheckRules(View view, Set<CellRef> changed) {
        List<CheckChange> checks = new ArrayList<>();
        DocumentLayout layout = view.layout();
        for (Rule rule : layout.rules().affectedBy(changed)) {
            update(rule.key(), layout.rules().evaluate(rule, view::valueOf), checks);
        }
        return checks;
    }

    /** X11 for the tables an event touched. */
    List<CheckChange> recheckEmptiness(View view, Set<String> sections) {
        List<CheckChange> checks = new ArrayList<>();
        for (String section : sections) {
            update(emptinessKey(section), emptiness(view, section), checks);
        }
        return checks;
    }

    /**
     * The text checks (说明 against the tables, 绩效 indicator values) whose inputs changed: any
     * text of their sections, or — for the narrative, which quotes figures — any figure.
     */
    List<CheckChange> recheckTexts(View view, TextChecks.Trigger trigger) {
        List<CheckChange> checks = new ArrayList<>();
        Map<String, RuleResult> now = new LinkedHashMap<>();
        TextChecks.evaluate(view, trigger).forEach(r -> now.put(r.key(), r));
        Set<String> owned = TextChecks.keyPrefixes(view.layout(), trigger);
        for (String key : List.copyOf(results.keySet())) {
            if (owned.stream().anyMatch(key::startsWith) && !now.containsKey(key)) {
                checks.add(new CheckChange(results.remove(key), true));
            }
        }
        now.forEach((key, result) -> update(key, Optional.of(result), checks));
        return checks;
    }

    /** Diff against results from before a rebuild (rows changed): what became violated or resolved. */
    List<CheckChange> diff(Map<String, RuleResult> before) {
        List<CheckChange> checks = new ArrayList<>();
        results.forEach((key, now) -> {
            if (!now.equals(before.get(key))) {
                checks.add(new CheckChange(now, false));
            }
        });
        before.forEach((key, old) -> {
            if (!results.containsKey(key)) {
                checks.add(new CheckChange(old, true));
            }
        });
        return checks;
    }

    private void update(String key, Optional<RuleResult> now, List<CheckChange> checks) {
        RuleResult before = results.get(key);
        if (now.isPresent() && !now.get().equals(before)) {
            results.put(key, now.get());
            checks.add(new CheckChange(now.get(), false));
        } else if (now.isEmpty() && before != null) {
            results.remove(key);
            checks.add(new CheckChange(before, true));
        }
    }

    private static String emptinessKey(String section) {
        return "X11:" + section;
    }

    /**
     * X11: every table the template says must be published has content or is marked 空表 with its
     * note; a table marked 空表 must not show figures derived from other tables.
     */
    private static Optional<RuleResult> emptiness(View view, String section) {
        Optional<SectionDef> def = view.layout().template().section(section);
        if (def.isEmpty()) {
            return Optional.empty();
        }
        String name = (def.get().number() > 0 ? "表" + def.get().number() + " " : "") + def.get().title();
        if (view.emptySections().containsKey(section)) {
            return view.hasContent(section) ? Optional.of(new RuleResult(emptinessKey(section), "X11", Severity.ERROR,
                    name + "已标记为空表，但有从其他表得出的数：请核对或取消空表标记", List.of(), null, null)) : Optional.empty();
        }
        if (view.hasContent(section) || !def.get().mandatory()) {
            return Optional.empty();
        }
        return Optional.of(new RuleResult(emptinessKey(section), "X11", Severity.WARNING,
                name + "没有内容：若本单位无此项，请标记为空表并写明原因", List.of(), null, null));
    }
}
