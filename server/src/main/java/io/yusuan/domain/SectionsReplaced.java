package io.yusuan.domain;

import io.yusuan.domain.classification.CodeRow;
import java.util.List;
import java.util.Map;

/**
 * Event: the named tables were replaced by an import: their lines ({@code rows}, for code trees and
 * lists), their input figures and texts, and their 空表 marks. Everything else stays.
 */
public record SectionsReplaced(List<String> sections, Map<String, List<CodeRow>> rows, List<CellEdit> figures,
                               List<TextEdit> texts, Map<String, String> emptySections) implements DocumentEvent {

    public static final String TYPE = "sections_replaced";

    public SectionsReplaced {
        sections = List.copyOf(sections);
        rows = Map.copyOf(rows);
        figures = List.copyOf(figures);
        texts = List.copyOf(texts);
        emptySections = Map.copyOf(emptySections);
    }
}
