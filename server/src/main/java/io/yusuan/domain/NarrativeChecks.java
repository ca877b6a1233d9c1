package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import io.yusuan.domain.rules.narrative.FigureIndex;
import io.yusuan.domain.rules.narrative.NarrativeChecker;
import io.yusuan.domain.template.CheckDef;
import io.yusuan.domain.template.ColumnKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * T01–T03 and X08: each 说明 chapter against the tables ({@link NarrativeChecker}). A chapter is
 * checked again when its text changes or when a figure it looked up changes; otherwise its last
 * results stand — reading a long chapter takes milliseconds, and most edits touch no figure the
 * narrative quotes. A chapter may be limited to the tables it explains (the check's «scopes»).
 */
final class NarrativeChecks {

    /** Result keys are namespaced so they can never collide with formula rules of the same id. */
    static final String KEY_PREFIX = "narrative:";
    /** 0.005 万元 = 50 元: the most a figure printed to 0.01 万元 was rounded by. */
    private static final long HALF_HUNDREDTH_WAN_IN_FEN = 5_000;

    /** Per chapter: the text last checked, the labels it looked up, and what it found. */
    static final class Memo {
        private final Map<CellRef, Entry> chapters = new HashMap<>();
        private LayoutFigures figures;

        private record Entry(String text, Set<String> labels, boolean usedPublicExpense, List<RuleResult> results) {
        }
    }

    private NarrativeChecks() {
    }

    static List<RuleResult> evaluate(CheckResults.View view, CheckDef def, Set<CellRef> figuresChanged) {
        Memo memo = view.narrativeMemo();
        if (memo.figures == null || !memo.figures.builtFor(view.layout())) {
            memo.figures = LayoutFigures.of(view.layout());
            memo.chapters.clear();
        }
        Set<String> changedLabels = new HashSet<>();
        boolean publicExpenseChanged = false;
        if (figuresChanged != null) {
            for (CellRef cell : figuresChanged) {
                changedLabels.addAll(memo.figures.labelsOf(cell));
                publicExpenseChanged |= memo.figures.isPublicExpense(cell);
            }
        }
        List<RuleResult> results = new ArrayList<>();
        for (String sectionKey : def.sections()) {
            SectionLayout section = view.layout().section(sectionKey).orElse(null);
            if (section == null) {
                continue;
            }
            String column = section.def().columns().stream().filter(c -> c.kind() == ColumnKind.TEXT)
                    .map(c -> c.key()).findFirst().orElse(null);
            if (column == null) {
                continue;
            }
            for (RowLayout row : section.rows()) {
                CellRef cell = new CellRef(sectionKey, row.key(), column);
                results.addAll(chapter(view, def, memo, cell, figuresChanged == null, changedLabels,
                        publicExpenseChanged));
            }
        }
        return results;
    }

    private static List<RuleResult> chapter(CheckResults.View view, CheckDef def, Memo memo, CellRef cell,
                                            boolean all, Set<String> changedLabels, boolean publicExpenseChanged) {
        String text = view.texts().text(cell);
        if (text == null || text.isBlank()) {
            memo.chapters.remove(cell);
            return List.of();
        }
        Memo.Entry last = memo.chapters.get(cell);
        boolean stale = all || last == null || !Objects.equals(last.text(), text)
                || last.labels().stream().anyMatch(changedLabels::contains)
                || (publicExpenseChanged && last.usedPublicExpense());
        if (!stale) {
            return last.results();
        }
        Set<String> queried = new HashSet<>();
        FigureIndex index = memo.figures.index(view::valueOf, queried);
        List<String> scope = def.scopes().get(cell.row());
        if (scope != null && !scope.isEmpty()) {
            index = index.within(Set.copyOf(scope));
        }
        boolean[] usedPublic = {false};
        FigureIndex recording = recordPublicExpense(index, usedPublic);
        List<RuleResult> results = new ArrayList<>();
        boolean rounded = "万元".equals(view.layout().template().displayUnit());
        for (RuleResult r : NarrativeChecker.check(cell, text, recording).results()) {
            results.add(rounded && withinRoundingOfTheTables(view, r)
                    ? new RuleResult(KEY_PREFIX + r.key(), r.rule(), Severity.INFO, "尾差：" + r.message(), r.cells(),
                    r.left(), r.right())
                    : new RuleResult(KEY_PREFIX + r.key(), r.rule(), r.severity(), r.message(), r.cells(), r.left(),
                    r.right()));
        }
        memo.chapters.put(cell, new Memo.Entry(text, queried, usedPublic[0], List.copyOf(results)));
        return results;
    }

    /**
     * In a budget published in 万元 the tables' own totals carry 尾差: a total of n figures each
     * rounded to 0.01 万元 may be off by 0.005 万元 per figure. A quote that differs from the table's
     * derived total by no more than that quotes the printed table correctly — information, as for
     * the rules (RuleSet), not an error.
     */
    private static boolean withinRoundingOfTheTables(CheckResults.View view, RuleResult result) {
        if (!"T01".equals(result.rule()) || result.left() == null || result.right() == null || result.cells().size() < 2) {
            return false;
        }
        long tolerance = HALF_HUNDREDTH_WAN_IN_FEN * (view.layout().inputsBeneath(result.cells().get(1)) + 1L);
        return Math.abs(result.left().fen() - result.right().fen()) <= tolerance;
    }

    private static FigureIndex recordPublicExpense(FigureIndex index, boolean[] used) {
        return new FigureIndex() {
            @Override
            public java.util.List<io.yusuan.domain.rules.narrative.Figure> figures(String label) {
                return index.figures(label);
            }

            @Override
            public java.util.Optional<io.yusuan.domain.rules.narrative.Figure> publicExpenseTotal() {
                used[0] = true;
                return index.publicExpenseTotal();
            }

            @Override
            public int budgetYear() {
                return index.budgetYear();
            }
        };
    }
}
