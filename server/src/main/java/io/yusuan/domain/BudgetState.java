package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.budget.TextCell;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.LayoutFactory;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.comments.CommentBook;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.workflow.Workflow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The live state of one document: its lines and layout, input and text cells with their revisions,
 * the computed cells derived from them, the current rule results, the review state and 批注, and the
 * version of the last applied event. Owned by exactly one room, which is the only thread that
 * touches it, so it is mutable on purpose (copying a 5,000-cell map per edit is waste).
 */
public final class BudgetState implements CheckResults.View, TextChecks.Texts {

    private final LayoutFactory factory;
    Map<String, List<CodeRow>> codeRows;
    DocumentLayout layout;
    final Map<CellRef, InputCell> inputs = new HashMap<>();
    final Map<CellRef, Money> computed = new HashMap<>();
    final Map<CellRef, TextCell> texts = new HashMap<>();
    final CheckResults checks = new CheckResults();
    /** Tables marked 空表, with the note printed under them. */
    final Map<String, String> emptyNotes = new LinkedHashMap<>();
    Workflow workflow = new Workflow();
    private final NarrativeChecks.Memo narrativeMemo = new NarrativeChecks.Memo();
    CommentBook comments = new CommentBook();
    long version;
    private Instant lastChange;

    BudgetState(LayoutFactory factory, Map<String, List<CodeRow>> codeRows) {
        this.factory = factory;
        this.codeRows = CodeRows.copy(codeRows);
        this.layout = factory.layoutFor(this.codeRows);
    }

    /**
     * Rebuilds a state from a snapshot (or {@link StateSnapshot#initial}) and the versions after it.
     * Everything is folded first and totals and rules derived once at the end.
     */
    public static BudgetState replay(LayoutFactory factory, StateSnapshot base, Map<String, List<CodeRow>> initialRows,
                                     List<AppliedEvent> events) {
        StateFold fold = new StateFold(base, initialRows);
        events.forEach(fold::apply);
        BudgetState state = new BudgetState(factory, fold.rows);
        fold.inputs.forEach((ref, cell) -> {
            if (state.layout.cell(ref).map(s -> s.isInput() && s.column().kind() == ColumnKind.AMOUNT).orElse(false)) {
                state.inputs.put(ref, cell);
            }
        });
        fold.texts.forEach((ref, cell) -> {
            if (state.isTextCell(ref)) {
                state.texts.put(ref, cell);
            }
        });
        state.version = fold.version;
        state.lastChange = fold.lastChange;
        state.emptyNotes.putAll(fold.empty);
        state.workflow = fold.workflow;
        state.comments = fold.comments;
        state.deriveAll();
        return state;
    }

    /** From a document's first lines and inputs at {@code baseVersion}, then the events after it. */
    public static BudgetState replay(LayoutFactory factory, Map<String, List<CodeRow>> baseRows, long baseVersion,
                                     Map<CellRef, InputCell> base, List<AppliedEvent> events) {
        StateSnapshot snapshot = new StateSnapshot(baseVersion, baseRows, Map.of(), base, Map.of(), Map.of(),
                List.of(), List.of());
        return replay(factory, snapshot, baseRows, events);
    }

    /**
     * A state showing frozen content (an approved version opened read-only): its lines, marks,
     * typed figures and texts, with totals derived again by the layout.
     */
    public static BudgetState frozen(LayoutFactory factory, VersionContent content, long atVersion) {
        Map<CellRef, InputCell> inputs = new HashMap<>();
        content.values().forEach((ref, value) -> inputs.put(ref, new InputCell(value, 0, content.authors().get(ref))));
        Map<CellRef, TextCell> textCells = new HashMap<>();
        content.texts().forEach((ref, text) -> textCells.put(ref, new TextCell(text, 0, content.authors().get(ref))));
        StateSnapshot base = new StateSnapshot(atVersion, content.codeRows(), content.emptySections(), inputs,
                textCells, Map.of(), List.of(), List.of());
        return replay(factory, base, content.codeRows(), List.of());
    }

    /** What a snapshot keeps of this state (everything but what is derived). */
    public StateSnapshot snapshot() {
        return new StateSnapshot(version, codeRows(), emptyNotes, inputs, texts, workflow.sections(),
                workflow.versions(), comments.list());
    }

    /** The content at this version, frozen: lines, marks, every figure, every text, and their authors. */
    public VersionContent content() {
        Map<CellRef, Money> values = new HashMap<>(computed);
        Map<CellRef, Actor> authors = new HashMap<>();
        inputs.forEach((ref, cell) -> {
            if (cell.value() != null) {
                values.put(ref, cell.value());
            }
            if (cell.by() != null) {
                authors.put(ref, cell.by());
            }
        });
        Map<CellRef, String> textValues = new HashMap<>();
        texts.forEach((ref, cell) -> {
            if (cell.text() != null && !cell.text().isEmpty()) {
                textValues.put(ref, cell.text());
            }
            if (cell.by() != null) {
                authors.put(ref, cell.by());
            }
        });
        return new VersionContent(layout.template().id(), codeRows(), emptyNotes, values, textValues, authors);
    }

    // ---- queries ----

    @Override
    public DocumentLayout layout() {
        return layout;
    }

    /** The lines now (for snapshots). */
    public Map<String, List<CodeRow>> codeRows() {
        return CodeRows.copy(codeRows);
    }

    /** Tables marked 空表 and their notes (for snapshots and the wire). */
    @Override
    public Map<String, String> emptySections() {
        return Collections.unmodifiableMap(emptyNotes);
    }

    public Workflow workflow() {
        return workflow;
    }

    public CommentBook comments() {
        return comments;
    }

    public long version() {
        return version;
    }

    /** When the last version was made (null for a document never changed since its snapshot). */
    public Instant lastChange() {
        return lastChange;
    }

    public InputCell input(CellRef ref) {
        return inputs.getOrDefault(ref, InputCell.NEVER_SET);
    }

    public Map<CellRef, InputCell> inputs() {
        return Collections.unmodifiableMap(inputs);
    }

    public TextCell textCell(CellRef ref) {
        return texts.getOrDefault(ref, TextCell.NEVER_SET);
    }

    @Override
    public String text(CellRef ref) {
        return textCell(ref).text();
    }

    @Override
    public TextChecks.Texts texts() {
        return this;
    }

    @Override
    public NarrativeChecks.Memo narrativeMemo() {
        return narrativeMemo;
    }

    public boolean isTextCell(CellRef ref) {
        return layout.cell(ref).map(s -> s.column().kind() == ColumnKind.TEXT).orElse(false);
    }

    /** The value shown in an amount cell, input or computed; null when empty. */
    @Override
    public Money valueOf(CellRef ref) {
        InputCell input = inputs.get(ref);
        return input != null ? input.value() : computed.get(ref);
    }

    /** Whether any amount cell of the section, typed or derived, holds a figure (0 included). */
    public boolean hasFigures(String section) {
        for (CellSpec spec : layout.cellsIn(section)) {
            if (spec.column().kind() == ColumnKind.AMOUNT && valueOf(spec.ref()) != null) {
                return true;
            }
        }
        return false;
    }

    /** Figures, or text (a 说明 chapter, a project's name): anything that would be printed. */
    @Override
    public boolean hasContent(String section) {
        if (hasFigures(section)) {
            return true;
        }
        for (CellSpec spec : layout.cellsIn(section)) {
            String text = spec.column().kind() == ColumnKind.TEXT ? text(spec.ref()) : null;
            if (text != null && !text.isBlank()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rule results now, in an order that depends only on the results (errors, warnings, then
     * 尾差 and other info; by key within each), so a reloaded document shows them identically.
     */
    public List<RuleResult> violations() {
        return checks.sorted();
    }

    // ---- applying decided events ----

    /** Applies a decided event as the next version and returns what changed. */
    public AppliedEvent apply(DocumentEvent event, Actor by, String clientOpId, Instant at) {
        AppliedEvent applied;
        if (event instanceof CellsEdited cells) {
            applied = applyCells(cells, by, clientOpId, at);
        } else if (event instanceof TextsEdited edits) {
            applied = applyTexts(edits, by, clientOpId, at);
        } else if (event instanceof RowsChanged rows) {
            applied = StructuralChange.rows(this, factory, rows, by, clientOpId, at);
        } else if (event instanceof SectionsReplaced replaced) {
            applied = StructuralChange.replace(this, factory, replaced, by, clientOpId, at);
        } else if (event instanceof SectionsMarked marks) {
            applied = ReviewChanges.marks(this, marks, by, clientOpId, at);
        } else if (event instanceof WorkflowChanged steps) {
            applied = ReviewChanges.workflow(this, steps, by, clientOpId, at);
        } else if (event instanceof CommentsChanged notes) {
            applied = ReviewChanges.comments(this, notes, by, clientOpId, at);
        } else {
            applied = ReviewChanges.approval(this, (VersionApproved) event, by, clientOpId, at);
        }
        lastChange = at;
        return applied;
    }

    private AppliedEvent applyCells(CellsEdited event, Actor by, String clientOpId, Instant at) {
        List<CellChange> changes = new ArrayList<>();
        Set<CellRef> touched = new LinkedHashSet<>();
        for (CellEdit edit : event.edits()) {
            // Cells not in the layout are skipped: an old event after a template change.
            if (!layout.cell(edit.cell()).map(CellSpec::isInput).orElse(false) || isTextCell(edit.cell())) {
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
        List<CheckChange> checkChanges = recheckAfterFigures(touched, calc);
        return new AppliedEvent(version, by, clientOpId, at, List.of(), List.of(), changes, List.of(), List.of(),
                List.of(), null, null, event.reason(), calc, checkChanges);
    }

    private AppliedEvent applyTexts(TextsEdited event, Actor by, String clientOpId, Instant at) {
        List<TextChange> changes = new ArrayList<>();
        Set<String> sections = new LinkedHashSet<>();
        for (TextEdit edit : event.edits()) {
            if (!isTextCell(edit.cell())) {
                continue;
            }
            changes.add(writeText(edit.cell(), edit.text(), by));
            sections.add(edit.cell().section());
        }
        version++;
        List<CheckChange> checkChanges = new ArrayList<>(checks.recheckEmptiness(this, sections));
        checkChanges.addAll(checks.recheckTexts(this, new TextChecks.Trigger(sections, Set.of())));
        return new AppliedEvent(version, by, clientOpId, at, List.of(), List.of(), List.of(), changes, List.of(),
                List.of(), null, null, event.reason(), List.of(), checkChanges);
    }

    TextChange writeText(CellRef cell, String text, Actor by) {
        TextCell before = textCell(cell);
        int rev = Objects.equals(before.text(), text) ? before.rev() : before.rev() + 1;
        texts.put(cell, new TextCell(text, rev, by));
        return new TextChange(cell, text, rev, before.text(), by);
    }

    /** After figures moved: the rules reading them, X11 of the tables touched, and the narrative. */
    List<CheckChange> recheckAfterFigures(Set<CellRef> touched, List<CalcChange> calc) {
        Set<CellRef> changed = new LinkedHashSet<>(touched);
        calc.forEach(c -> changed.add(c.cell()));
        List<CheckChange> result = new ArrayList<>(checks.recheckRules(this, changed));
        // A table may hold only derived figures (a 收支总表 drawn from other tables): recheck every
        // table whose inputs or derived cells changed.
        Set<String> sections = new LinkedHashSet<>();
        changed.forEach(ref -> sections.add(ref.section()));
        result.addAll(checks.recheckEmptiness(this, sections));
        if (!changed.isEmpty()) {
            result.addAll(checks.recheckTexts(this, new TextChecks.Trigger(Set.of(), changed)));
        }
        return result;
    }

    /**
     * Undoes speculatively applied cell and text edits whose write failed: puts back the cells as
     * they were and recomputes what they feed. (A failed structural change is undone by reloading.)
     */
    public List<CalcChange> rollback(long toVersion, Map<CellRef, InputCell> before, Map<CellRef, TextCell> textsBefore) {
        before.forEach((ref, cell) -> {
            if (cell.rev() == 0 && cell.value() == null) {
                inputs.remove(ref);
            } else {
                inputs.put(ref, cell);
            }
        });
        Set<String> textSections = new LinkedHashSet<>();
        textsBefore.forEach((ref, cell) -> {
            textSections.add(ref.section());
            if (cell.rev() == 0 && cell.text() == null) {
                texts.remove(ref);
            } else {
                texts.put(ref, cell);
            }
        });
        version = toVersion;
        List<CalcChange> calc = recompute(before.keySet());
        recheckAfterFigures(before.keySet(), calc);
        checks.recheckEmptiness(this, textSections);
        checks.recheckTexts(this, new TextChecks.Trigger(textSections, Set.of()));
        return calc;
    }

    public List<CalcChange> rollback(long toVersion, Map<CellRef, InputCell> before) {
        return rollback(toVersion, before, Map.of());
    }

    List<CalcChange> recompute(Set<CellRef> changedInputs) {
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

    /** Every computed cell once in topological order, then every check from scratch. */
    void deriveAll() {
        computed.clear();
        for (CellRef ref : layout.graph().computeOrder()) {
            Money value = layout.cell(ref).orElseThrow().formula().evaluate(this::valueOf);
            if (value != null) {
                computed.put(ref, value);
            }
        }
        checks.deriveAll(this);
    }
}
