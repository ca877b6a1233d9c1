package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.DocumentLayout;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.LinkedHashMap;
import io.yusuan.domain.rules.CheckChange;
import io.yusuan.domain.rules.Rule;
import io.yusuan.domain.rules.RuleResult;
import java.util.Set;

/**
 * The live state of one document: input cells with their revisions, the computed cells derived
 * from them, and the version of the last applied event. Owned by exactly one room, which is the
 * only thread that touches it, so it is mutable on purpose (copying a 5,000-cell map per edit is
 * waste).
 */
public final class BudgetState {

    private final DocumentLayout layout;
    private final Map<CellRef, InputCell> inputs = new HashMap<>();
    private final Map<CellRef, Money> computed = new HashMap<>();
    /** Current rule results by key: the rules that do not hold, plus the static code findings. */
    private final Map<String, RuleResult> violations = new LinkedHashMap<>();
    private long version;

    public BudgetState(DocumentLayout layout) {
        this.layout = layout;
    }

    /** Restores inputs (from a snapshot) at a version, then derives every computed cell once. */
    public static BudgetState restore(DocumentLayout layout, long version, Map<CellRef, InputCell> inputs) {
        BudgetState state = new BudgetState(layout);
        inputs.forEach((ref, cell) -> {
            if (layout.cell(ref).map(CellSpec::isInput).orElse(false)) {
                state.inputs.put(ref, cell);
            }
        });
        state.version = version;
        state.recomputeAll();
        layout.codeFindings().forEach(f -> state.violations.put(f.key(), f));
        for (Rule rule : layout.rules().all()) {
            layout.rules().evaluate(rule, state::valueOf).ifPresent(r -> state.violations.put(r.key(), r));
        }
        return state;
    }

    /**
     * Rebuilds a state from a base (a snapshot's inputs at {@code baseVersion}, or nothing at 0) and
     * the events after it. Inputs are folded first and totals derived once at the end, so loading a
     * long history costs one recompute, not one per event.
     */
    public static BudgetState replay(DocumentLayout layout, long baseVersion, Map<CellRef, InputCell> base,
                                     List<AppliedEvent> events) {
        Map<CellRef, InputCell> inputs = new HashMap<>(base);
        long version = baseVersion;
        for (AppliedEvent event : events) {
            if (event.version() != version + 1) {
                throw new IllegalStateException("log gap: expected version " + (version + 1) + ", got "
                        + event.version());
            }
            for (CellChange change : event.changes()) {
                InputCell before = inputs.getOrDefault(change.cell(), InputCell.NEVER_SET);
                int rev = Objects.equals(before.value(), change.value()) ? before.rev() : before.rev() + 1;
                inputs.put(change.cell(), new InputCell(change.value(), rev, event.by()));
            }
            version = event.version();
        }
        return restore(layout, version, inputs);
    }

    /**
     * Undoes speculatively applied versions whose write failed: puts back the input cells as they
     * were and recomputes what they feed. {@code before} holds each touched cell's earlier state.
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
        return calc;
    }

    public DocumentLayout layout() {
        return layout;
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
     * Applies an event as the next version and returns what changed. The caller has decided it
     * already; cells not in the layout are skipped (an old event after a template change).
     */
    public AppliedEvent apply(CellsEdited event, Actor by, String clientOpId, Instant at) {
        List<CellChange> changes = new ArrayList<>();
        Set<CellRef> touched = new LinkedHashSet<>();
        for (CellEdit edit : event.edits()) {
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
        return new AppliedEvent(version, by, clientOpId, at, changes, calc, recheck(touched, calc));
    }

    /**
     * The rule results now, in an order that depends only on the results (errors, warnings, then
     * 尾差 and other info; by key within each), so a reloaded document shows them identically.
     */
    public List<RuleResult> violations() {
        List<RuleResult> all = new ArrayList<>(violations.values());
        all.sort(java.util.Comparator.comparing(RuleResult::severity).thenComparing(RuleResult::key));
        return all;
    }

    /** Re-evaluates only the rules that read a changed cell; returns what became violated or resolved. */
    private List<CheckChange> recheck(Set<CellRef> inputs, List<CalcChange> calc) {
        Set<CellRef> changed = new LinkedHashSet<>(inputs);
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

    private void recomputeAll() {
        computed.clear();
        for (CellRef ref : layout.graph().computeOrder()) {
            Money value = layout.cell(ref).orElseThrow().formula().evaluate(this::valueOf);
            if (value != null) {
                computed.put(ref, value);
            }
        }
    }
}
