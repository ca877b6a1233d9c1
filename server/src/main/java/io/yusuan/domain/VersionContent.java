package io.yusuan.domain;

import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.classification.CodeRow;
import java.util.List;
import java.util.Map;

/**
 * The content of a document frozen at one version: its lines, 空表 marks, every figure (typed and
 * derived, exact in 元), every text, and who last set each typed cell. An approved version keeps
 * this in its log entry, so later edits — or a later change of the template's formulas — can never
 * alter what was approved. {@link ContentHash} hashes it (authors excluded: they are not content).
 */
public record VersionContent(String templateId, Map<String, List<CodeRow>> codeRows, Map<String, String> emptySections,
                             Map<CellRef, Money> values, Map<CellRef, String> texts, Map<CellRef, Actor> authors) {

    public VersionContent {
        codeRows = Map.copyOf(codeRows);
        emptySections = Map.copyOf(emptySections);
        values = Map.copyOf(values);
        texts = Map.copyOf(texts);
        authors = Map.copyOf(authors);
    }
}
