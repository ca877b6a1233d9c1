package io.yusuan.domain.rules.narrative;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link FigureIndex} filled figure by figure: labels are normalised on the way in, so a document
 * can add its rows with their printed labels («（十）卫生健康支出», «1、一般公共预算拨款»).
 */
public final class SimpleFigureIndex implements FigureIndex {

    private final Map<String, List<Figure>> byLabel = new LinkedHashMap<>();
    private Figure publicExpenseTotal;
    private int budgetYear;

    /** Adds a figure under a printed label or a code; a label that normalises to nothing is ignored. */
    public SimpleFigureIndex add(String label, CellRef cell, Money amount, String table) {
        String key = Labels.normalize(label);
        if (!key.isEmpty()) {
            byLabel.computeIfAbsent(key, k -> new ArrayList<>()).add(new Figure(cell, amount, table));
        }
        return this;
    }

    public SimpleFigureIndex publicExpenseTotal(CellRef cell, Money amount, String table) {
        publicExpenseTotal = new Figure(cell, amount, table);
        return this;
    }

    public SimpleFigureIndex budgetYear(int year) {
        budgetYear = year;
        return this;
    }

    @Override
    public int budgetYear() {
        return budgetYear;
    }

    @Override
    public List<Figure> figures(String label) {
        return List.copyOf(byLabel.getOrDefault(Labels.normalize(label), List.of()));
    }

    @Override
    public Optional<Figure> publicExpenseTotal() {
        return Optional.ofNullable(publicExpenseTotal);
    }
}
