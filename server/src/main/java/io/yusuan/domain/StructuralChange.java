package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.budget.TextCell;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.LayoutFactory;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.template.ColumnKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Changes that alter a document's shape — lines added or removed, whole tables replaced by an
 * import — rebuild the layout. The new state is built aside and adopted only when complete: if
 * anything fails (a total out of range, a malformed line), the document is untouched. Figures and
 * texts that leave (a removed row's, or a line's that became a parent) are recorded in the version
 * for the audit trail.
 */
final class StructuralChange {

    private StructuralChange() {
    }

    static AppliedEvent rows(BudgetState state, LayoutFactory factory, RowsChanged event, Actor by, String clientOpId,
                             Instant at) {
        Map<String, List<CodeRow>> rows = CodeRows.copy(state.codeRows);
        event.changes().forEach(change -> CodeRows.apply(rows, change));
        BudgetState next = new BudgetState(factory, rows);
        List<CellChange> cells = carryInputs(state, next, Set.of(), by);
        List<TextChange> texts = carryTexts(state, next, Set.of(), by);
        next.emptyNotes.putAll(state.emptyNotes);
        for (TextEdit edit : event.texts()) {
            if (next.isTextCell(edit.cell())) {
                texts.add(next.writeText(edit.cell(), edit.text(), by));
            }
        }
        return adopt(state, next, by, clientOpId, at, event.changes(), cells, texts, null);
    }

    static AppliedEvent replace(BudgetState state, LayoutFactory factory, SectionsReplaced event, Actor by,
                                String clientOpId, Instant at) {
        Set<String> sections = new HashSet<>(event.sections());
        Map<String, List<CodeRow>> rows = CodeRows.copy(state.codeRows);
        event.rows().forEach((section, list) -> rows.put(section, new ArrayList<>(list)));
        BudgetState next = new BudgetState(factory, rows);
        Map<CellRef, Money> imported = new HashMap<>();
        event.figures().forEach(edit -> imported.put(edit.cell(), edit.value()));
        Map<CellRef, String> importedTexts = new HashMap<>();
        event.texts().forEach(edit -> importedTexts.put(edit.cell(), edit.text()));
        List<CellChange> cells = carryInputs(state, next, sections, by);
        List<TextChange> texts = carryTexts(state, next, sections, by);
        // The replaced tables' cells: what the import says, each against what the cell held before.
        for (CellSpec spec : next.layout.cells()) {
            CellRef ref = spec.ref();
            if (!sections.contains(ref.section()) || !spec.isInput()) {
                continue;
            }
            if (spec.column().kind() == ColumnKind.AMOUNT) {
                InputCell before = state.input(ref);
                Money value = imported.get(ref);
                if (!Objects.equals(before.value(), value)) {
                    InputCell now = new InputCell(value, before.rev() + 1, by);
                    next.inputs.put(ref, now);
                    cells.add(new CellChange(ref, value, now.rev(), before.value(), by));
                } else if (before.rev() > 0) {
                    next.inputs.put(ref, before);
                }
            } else {
                TextCell before = state.textCell(ref);
                String text = importedTexts.get(ref);
                if (!Objects.equals(before.text(), text)) {
                    TextCell now = new TextCell(text, before.rev() + 1, by);
                    next.texts.put(ref, now);
                    texts.add(new TextChange(ref, text, now.rev(), before.text(), by));
                } else if (before.rev() > 0) {
                    next.texts.put(ref, before);
                }
            }
        }
        next.emptyNotes.putAll(state.emptyNotes);
        sections.forEach(next.emptyNotes::remove);
        next.emptyNotes.putAll(event.emptySections());
        return adopt(state, next, by, clientOpId, at, List.of(), cells, texts, event);
    }

    /** Inputs that are still inputs move over; the others leave, recorded (tables in {@code skip} aside). */
    private static List<CellChange> carryInputs(BudgetState from, BudgetState to, Set<String> skip, Actor by) {
        List<CellChange> removed = new ArrayList<>();
        from.inputs.forEach((ref, cell) -> {
            if (skip.contains(ref.section())) {
                return;
            }
            boolean stillInput = to.layout.cell(ref).map(s -> s.isInput() && s.column().kind() == ColumnKind.AMOUNT)
                    .orElse(false);
            if (stillInput) {
                to.inputs.put(ref, cell);
            } else if (cell.value() != null) {
                removed.add(new CellChange(ref, null, cell.rev() + 1, cell.value(), by));
            }
        });
        return removed;
    }

    private static List<TextChange> carryTexts(BudgetState from, BudgetState to, Set<String> skip, Actor by) {
        List<TextChange> removed = new ArrayList<>();
        from.texts.forEach((ref, cell) -> {
            if (skip.contains(ref.section())) {
                return;
            }
            if (to.isTextCell(ref)) {
                to.texts.put(ref, cell);
            } else if (cell.text() != null) {
                removed.add(new TextChange(ref, null, cell.rev() + 1, cell.text(), by));
            }
        });
        return removed;
    }

    /** Derives the new state, then takes it over and reports every computed cell and rule that moved. */
    private static AppliedEvent adopt(BudgetState state, BudgetState next, Actor by, String clientOpId, Instant at,
                                      List<RowChange> rowChanges, List<CellChange> cells, List<TextChange> texts,
                                      SectionsReplaced replaced) {
        next.workflow = state.workflow;
        next.comments = state.comments;
        next.deriveAll();
        Map<CellRef, Money> oldComputed = new HashMap<>(state.computed);
        Map<String, RuleResult> oldChecks = state.checks.copy();
        state.codeRows = next.codeRows;
        state.layout = next.layout;
        state.inputs.clear();
        state.inputs.putAll(next.inputs);
        state.texts.clear();
        state.texts.putAll(next.texts);
        state.computed.clear();
        state.computed.putAll(next.computed);
        state.emptyNotes.clear();
        state.emptyNotes.putAll(next.emptyNotes);
        state.checks.replaceAll(next.checks.copy());
        state.version++;
        List<CalcChange> calc = new ArrayList<>();
        Set<CellRef> computedCells = new HashSet<>(oldComputed.keySet());
        computedCells.addAll(state.computed.keySet());
        for (CellRef ref : computedCells) {
            boolean exists = state.layout.cell(ref).map(s -> !s.isInput()).orElse(false);
            if (exists && !Objects.equals(oldComputed.get(ref), state.computed.get(ref))) {
                calc.add(new CalcChange(ref, state.computed.get(ref)));
            }
        }
        calc.sort(Comparator.comparing(CalcChange::cell, Comparator.comparing(CellRef::toString)));
        List<CheckChange> checks = state.checks.diff(oldChecks);
        return new AppliedEvent(state.version, by, clientOpId, at, rowChanges, List.of(), cells, texts, List.of(),
                List.of(), null, replaced, null, calc, checks);
    }
}
