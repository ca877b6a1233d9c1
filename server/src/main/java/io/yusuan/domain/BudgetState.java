package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.LayoutFactory;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.rules.Rule;
import io.yusuan.domain.rules.RuleResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The live state of one document: its classification rows and layout, input cells with their
 * revisions, the computed cells derived from them, the current rule results, and the version of
 * the last applied event. Owned by exactly one room, which is the only thread that touches it, so
 * it is mutable on purpose (copying a 5,000-cell map per edit is waste).
 */
public final class BudgetState {

    private final LayoutFactory factory;
    private Map<String, List<CodeRow>> codeRows;
    private DocumentLayout layout;
    private final Map<CellRef, InputCell> inputs = new HashMap<>();
    private final Map<CellRef, Money> computed = new HashMap<>();
    /** Current rule results by key: the rules that do not hold, plus the static code findings. */
    private final Map<String, RuleResult> violations = new LinkedHashMap<>();
    /** Tables marked 空表, with the note printed under them. */
    private final Map<String, String> emptyNotes = new LinkedHashMap<>();
    private long version;

    private BudgetState(LayoutFactory factory, Map<String, List<CodeRow>> codeRows) {
        this.factory = factory;
        this.codeRows = CodeRows.copy(codeRows);
        this.layout = factory.layoutFor(this.codeRows);
    }

    /**
     * Rebuilds a state from a base (a snapshot's rows and inputs at {@code baseVersion}, or the
     * document's initial rows at 0) and the events after it. Rows and inputs are folded first and
     * the layout, totals and rules derived once at the end, so loading a long history costs one
     * recompute, not one per event.
     */
    public static BudgetState replay(LayoutFactory factory, Map<String, List<CodeRow>> baseRows, long baseVersion,
                                     Map<CellRef, InputCell> base, List<AppliedEvent> events) {
        return replay(factory, baseRows, Map.of(), baseVersion, base, events);
    }

    /** As above, from a base that also has tables marked 空表 (a snapshot's). */
    public static BudgetState replay(LayoutFactory factory, Map<String, List<CodeRow>> baseRows,
                                     Map<String, String> baseEmpty, long baseVersion, Map<CellRef, InputCell> base,
                                     List<AppliedEvent> events) {
        Map<String, String> empty = new LinkedHashMap<>(baseEmpty);
        Map<String, List<CodeRow>> rows = CodeRows.copy(baseRows);
        Map<CellRef, InputCell> inputs = new HashMap<>(base);
        long version = baseVersion;
        for (AppliedEvent event : events) {
            if (event.version() != version + 1) {
                throw new IllegalStateException("log gap: expected version " + (version + 1) + ", got "
                        + event.version());
            }
            event.marks().forEach(mark -> {
                if (mark.empty()) {
                    empty.put(mark.section(), mark.note());
                } else {
                    empty.remove(mark.section());
                }
            });
            if (!event.marks().isEmpty()) {
                version = event.version();
                continue;
            }
            if (!event.rows().isEmpty()) {
                // A row event's cell changes only record the figures that left with a removed row,
                // or with a line that became a parent (its figures now derive from its children).
                event.rows().forEach(change -> CodeRows.apply(rows, change));
                inputs.keySet().removeIf(ref -> event.rows().stream().anyMatch(c -> c.section().equals(ref.section())
                        && (c.added() ? c.code().startsWith(ref.row()) && !c.code().equals(ref.row())
                        : c.code().equals(ref.row()))));
            } else {
                for (CellChange change : event.changes()) {
                    InputCell before = inputs.getOrDefault(change.cell(), InputCell.NEVER_SET);
                    int rev = Objects.equals(before.value(), change.value()) ? before.rev() : before.rev() + 1;
                    inputs.put(change.cell(), new InputCell(change.value(), rev, event.by()));
                }
            }
            version = event.version();
        }
        BudgetState state = new BudgetState(factory, rows);
        inputs.forEach((ref, cell) -> {
            if (state.layout.cell(ref).map(CellSpec::isInput).orElse(false)) {
                state.inputs.put(ref, cell);
            }
        });
        state.version = version;
        state.emptyNotes.putAll(empty);
        state.deriveAll();
        return state;
    }

    public DocumentLayout layout() {
        return layout;
    }

    /** The classification rows now (for snapshots). */
    public Map<String, List<CodeRow>> codeRows() {
        return CodeRows.copy(codeRows);
    }

    /** Tables marked 空表 and their notes (for snapshots and the wire). */
    public Map<String, String> emptySections() {
        return java.util.Collections.unmodifiableMap(emptyNotes);
    }

    /** Whether any cell of the section, typed or derived, holds a figure (0 included). */
    public boolean hasFigures(String section) {
        return inputs.entrySet().stream()
                .anyMatch(e -> e.getKey().section().equals(section) && e.getValue().value() != null)
                || computed.keySet().stream().anyMatch(ref -> ref.section().equals(section));
    }

    public long version() {
        return version;
    }

    public InputCell input(CellRef ref) {
        return inputs.getOrDefault(ref, InputCell.NEVER_SET);
    }

    public Map<CellRef, InputCell> inputs() {
        return java.util.Collections.unmodifiableMap(inputs);
    }

    /** The value shown in a cell, input or computed; null when empty. */
    public Money valueOf(CellRef ref) {
        InputCell input = inputs.get(ref);
        return input != null ? input.value() : computed.get(ref);
    }

    /**
     * The rule results now, in an order that depends only on the results (errors, warnings, then
     * 尾差 and other info; by key within each), so a reloaded document shows them identically.
     */
    public List<RuleResult> violations() {
        List<RuleResult> all = new ArrayList<>(violations.values());
        all.sort(Comparator.comparing(RuleResult::severity).thenComparing(RuleResult::key));
        return all;
    }

    /** Applies a decided event as the next version and returns what changed. */
    public AppliedEvent apply(DocumentEvent event, Actor by, String clientOpId, Instant at) {
        if (event instanceof RowsChanged rows) {
            return applyRows(rows, by, clientOpId, at);
        }
        if (event instanceof SectionsMarked marks) {
            return applyMarks(marks, by, clientOpId, at);
        }
        return applyCells((CellsEdited) event, by, clientOpId, at);
    }

    private AppliedEvent applyCells(CellsEdited event, Actor by, String clientOpId, Instant at) {
        List<CellChange> changes = new ArrayList<>();
        Set<CellRef> touched = new LinkedHashSet<>();
        for (CellEdit edit : event.edits()) {
            // Cells not in the layout are skipped: an old event after a template change.
            if (!layout.cell(edit.cell()).map(CellSpec::isInput).orElse(false)) {
                continue;
            }
            InputCell before = input(edit.cell());
            boolean differs = !Objects.equals(before.value(), edit.value());
            int rev = differs ? before.rev() + 1 : before.rev();
            inputs.put(edit.cell(), new InputCell(edit.value(), rev, by));
            changes.add(new CellChange(edit.cell(), edit.value(), rev, before.value(), by));
            if (differs) {
                touched.add(edit.cell());
            }
        }
        version++;
        List<CalcChange> calc = recompute(touched);
        List<CheckChange> checks = recheck(touched, calc);
        // A table may hold only derived figures (a 收支总表 drawn from other tables): recheck every
        // table whose inputs or derived cells changed.
        Set<String> sections = new LinkedHashSet<>();
        touched.forEach(ref -> sections.add(ref.section()));
        calc.forEach(c -> sections.add(c.cell().section()));
        checks.addAll(recheckEmptiness(sections));
        return new AppliedEvent(version, by, clientOpId, at, List.of(), List.of(), changes, calc, checks);
    }

    private AppliedEvent applyMarks(SectionsMarked event, Actor by, String clientOpId, Instant at) {
        Set<String> sections = new LinkedHashSet<>();
        for (SectionMark mark : event.marks()) {
            if (mark.empty()) {
                emptyNotes.put(mark.section(), mark.note());
            } else {
                emptyNotes.remove(mark.section());
            }
            sections.add(mark.section());
        }
        version++;
        return new AppliedEvent(version, by, clientOpId, at, List.of(), event.marks(), List.of(), List.of(),
                recheckEmptiness(sections));
    }

    /**
     * X11: every table has figures or is marked 空表 with its note. Re-evaluated for the tables an
     * event touched; returns what became violated or resolved.
     */
    private List<CheckChange> recheckEmptiness(Set<String> sections) {
        List<CheckChange> checks = new ArrayList<>();
        for (String section : sections) {
            String key = "X11:" + section;
            RuleResult before = violations.get(key);
            Optional<RuleResult> now = emptiness(section);
            if (now.isPresent() && !now.get().equals(before)) {
                violations.put(key, now.get());
                checks.add(new CheckChange(now.get(), false));
            } else if (now.isEmpty() && before != null) {
                violations.remove(key);
                checks.add(new CheckChange(before, true));
            }
        }
        return checks;
    }

    private Optional<RuleResult> emptiness(String section) {
        var def = layout.template().section(section);
        if (def.isEmpty()) {
            return Optional.empty();
        }
        if (emptyNotes.containsKey(section)) {
            // Marked 空表, yet figures derived from other tables arrive here: the mark is wrong.
            return hasFigures(section) ? Optional.of(new RuleResult("X11:" + section, "X11",
                    io.yusuan.domain.rules.Severity.ERROR, "表" + def.get().number() + " " + def.get().title()
                    + "已标记为空表，但有从其他表得出的数：请核对或取消空表标记", List.of(), null, null)) : Optional.empty();
        }
        if (hasFigures(section)) {
            return Optional.empty();
        }
        return Optional.of(new RuleResult("X11:" + section, "X11", io.yusuan.domain.rules.Severity.WARNING,
                "表" + def.get().number() + " " + def.get().title() + "没有数据：若本单位无此项，请标记为空表并写明原因",
                List.of(), null, null));
    }

    /**
     * Rows change the layout itself: rebuild it, drop the figures of removed rows (recorded in the
     * event for the audit trail), derive everything again, and report what moved.
     */
    private AppliedEvent applyRows(RowsChanged event, Actor by, String clientOpId, Instant at) {
        Map<String, List<CodeRow>> rows = CodeRows.copy(codeRows);
        event.changes().forEach(change -> CodeRows.apply(rows, change));
        // Built aside and adopted only when complete: if anything fails (a total out of range),
        // this state is untouched.
        BudgetState next = new BudgetState(factory, rows);
        // Inputs that are no longer inputs: the cells of removed lines, and of a line that became a
        // parent when a line was added under it. Their figures are recorded for the audit trail.
        List<CellChange> removed = new ArrayList<>();
        inputs.forEach((ref, cell) -> {
            if (next.layout.cell(ref).map(CellSpec::isInput).orElse(false)) {
                next.inputs.put(ref, cell);
            } else if (cell.value() != null) {
                removed.add(new CellChange(ref, null, cell.rev() + 1, cell.value(), by));
            }
        });
        next.emptyNotes.putAll(emptyNotes);
        next.deriveAll();
        Map<CellRef, Money> oldComputed = new HashMap<>(computed);
        Map<String, RuleResult> oldViolations = new HashMap<>(violations);
        codeRows = next.codeRows;
        layout = next.layout;
        inputs.clear();
        inputs.putAll(next.inputs);
        computed.clear();
        computed.putAll(next.computed);
        violations.clear();
        violations.putAll(next.violations);
        version++;
        List<CalcChange> calc = new ArrayList<>();
        Set<CellRef> cells = new HashSet<>(oldComputed.keySet());
        cells.addAll(computed.keySet());
        for (CellRef ref : cells) {
            boolean exists = layout.cell(ref).map(s -> !s.isInput()).orElse(false);
            if (exists && !Objects.equals(oldComputed.get(ref), computed.get(ref))) {
                calc.add(new CalcChange(ref, computed.get(ref)));
            }
        }
        calc.sort(Comparator.comparing(CalcChange::cell, Comparator.comparing(CellRef::toString)));
        List<CheckChange> checks = new ArrayList<>();
        violations.forEach((key, now) -> {
            if (!now.equals(oldViolations.get(key))) {
                checks.add(new CheckChange(now, false));
            }
        });
        oldViolations.forEach((key, before) -> {
            if (!violations.containsKey(key)) {
                checks.add(new CheckChange(before, true));
            }
        });
        return new AppliedEvent(version, by, clientOpId, at, event.changes(), List.of(), removed, calc, checks);
    }

    /**
     * Undoes speculatively applied cell edits whose write failed: puts back the input cells as they
     * were and recomputes what they feed. {@code before} holds each touched cell's earlier state.
     * (A failed row change is undone by reloading from the log instead.)
     */
    public List<CalcChange> rollback(long toVersion, Map<CellRef, InputCell> before) {
        before.forEach((ref, cell) -> {
            if (cell.rev() == 0 && cell.value() == null) {
                inputs.remove(ref);
            } else {
                inputs.put(ref, cell);
            }
        });
        version = toVersion;
        List<CalcChange> calc = recompute(before.keySet());
        recheck(before.keySet(), calc);
        Set<String> sections = new LinkedHashSet<>();
        before.keySet().forEach(ref -> sections.add(ref.section()));
        calc.forEach(c -> sections.add(c.cell().section()));
        recheckEmptiness(sections);
        return calc;
    }

    private List<CalcChange> recompute(Set<CellRef> changedInputs) {
        List<CalcChange> calc = new ArrayList<>();
        for (CellRef ref : layout.graph().affectedBy(changedInputs)) {
            Money now = layout.cell(ref).orElseThrow().formula().evaluate(this::valueOf);
            Money before = now == null ? computed.remove(ref) : computed.put(ref, now);
            if (!Objects.equals(before, now)) {
                calc.add(new CalcChange(ref, now));
            }
        }
        return calc;
    }

    /** Re-evaluates only the rules that read a changed cell; returns what became violated or resolved. */
    private List<CheckChange> recheck(Set<CellRef> inputsChanged, List<CalcChange> calc) {
        Set<CellRef> changed = new LinkedHashSet<>(inputsChanged);
        calc.forEach(c -> changed.add(c.cell()));
        List<CheckChange> checks = new ArrayList<>();
        for (Rule rule : layout.rules().affectedBy(changed)) {
            Optional<RuleResult> now = layout.rules().evaluate(rule, this::valueOf);
            RuleResult before = violations.get(rule.key());
            if (now.isPresent() && !now.get().equals(before)) {
                violations.put(rule.key(), now.get());
                checks.add(new CheckChange(now.get(), false));
            } else if (now.isEmpty() && before != null) {
                violations.remove(rule.key());
                checks.add(new CheckChange(before, true));
            }
        }
        return checks;
    }

    /** Every computed cell once in topological order, then every rule and the code findings. */
    private void deriveAll() {
        computed.clear();
        for (CellRef ref : layout.graph().computeOrder()) {
            Money value = layout.cell(ref).orElseThrow().formula().evaluate(this::valueOf);
            if (value != null) {
                computed.put(ref, value);
            }
        }
        violations.clear();
        layout.codeFindings().forEach(f -> violations.put(f.key(), f));
        for (Rule rule : layout.rules().all()) {
            layout.rules().evaluate(rule, this::valueOf).ifPresent(r -> violations.put(r.key(), r));
        }
        for (var section : layout.sections()) {
            emptiness(section.key()).ifPresent(r -> violations.put(r.key(), r));
        }
    }
}
