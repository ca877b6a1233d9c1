package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.classification.CodeRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two contents of a document — two approved versions, or a version and the
 * current draft: every figure (typed or derived) and text that differs, with who last set it on
 * the newer side; lines added or removed; 空表 marks that changed.
 */
public record VersionDiff(List<CellDifference> cells, List<RowDifference> rows, List<String> emptyChanged) {

    private static final Comparator<CellRef> ORDER = Comparator.comparing(CellRef::section)
            .thenComparing(CellRef::row).thenComparing(CellRef::column);

    /** A cell whose figure or text differs; {@code by} set it last on the newer side (null if derived). */
    public record CellDifference(CellRef cell, Money before, Money after, String textBefore, String textAfter,
                                 Actor by) {
    }

    /** A line present on one side only. */
    public record RowDifference(String section, String code, String name, boolean added) {
    }

    public static VersionDiff between(VersionContent older, VersionContent newer) {
        List<CellDifference> cells = new ArrayList<>();
        TreeSet<CellRef> amounts = new TreeSet<>(ORDER);
        amounts.addAll(older.values().keySet());
        amounts.addAll(newer.values().keySet());
        for (CellRef ref : amounts) {
            Money before = older.values().get(ref);
            Money after = newer.values().get(ref);
            if (!Objects.equals(before, after)) {
                cells.add(new CellDifference(ref, before, after, null, null, newer.authors().get(ref)));
            }
        }
        TreeSet<CellRef> texts = new TreeSet<>(ORDER);
        texts.addAll(older.texts().keySet());
        texts.addAll(newer.texts().keySet());
        for (CellRef ref : texts) {
            String before = older.texts().get(ref);
            String after = newer.texts().get(ref);
            if (!Objects.equals(before, after)) {
                cells.add(new CellDifference(ref, null, null, before, after, newer.authors().get(ref)));
            }
        }
        List<RowDifference> rows = new ArrayList<>();
        TreeSet<String> sections = new TreeSet<>(older.codeRows().keySet());
        sections.addAll(newer.codeRows().keySet());
        for (String section : sections) {
            Map<String, CodeRow> before = byCode(older.codeRows().getOrDefault(section, List.of()));
            Map<String, CodeRow> after = byCode(newer.codeRows().getOrDefault(section, List.of()));
            before.forEach((code, row) -> {
                if (!after.containsKey(code)) {
                    rows.add(new RowDifference(section, code, row.name(), false));
                }
            });
            after.forEach((code, row) -> {
                if (!before.containsKey(code)) {
                    rows.add(new RowDifference(section, code, row.name(), true));
                }
            });
        }
        TreeSet<String> marked = new TreeSet<>(older.emptySections().keySet());
        marked.addAll(newer.emptySections().keySet());
        List<String> emptyChanged = marked.stream()
                .filter(s -> !Objects.equals(older.emptySections().get(s), newer.emptySections().get(s))).toList();
        return new VersionDiff(cells, rows, emptyChanged);
    }

    private static Map<String, CodeRow> byCode(List<CodeRow> rows) {
        Map<String, CodeRow> map = new HashMap<>();
        rows.forEach(r -> map.put(r.code(), r));
        return map;
    }
}
