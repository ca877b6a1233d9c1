package io.yusuan.domain;

import io.yusuan.domain.classification.CodeRow;
import java.util.List;
import java.util.Map;

/**
 * Command: replace the figures of some tables of an existing document with those read from a
 * published text (the tables' lines, their input figures and texts, and 空表 marks). Tables not
 * named are left alone; a named table that is locked refuses the whole import.
 */
public record ImportFigures(Map<String, List<CodeRow>> rows, List<CellEdit> figures, List<TextEdit> texts,
                            Map<String, String> emptySections, String clientOpId) implements Command {

    public ImportFigures {
        rows = Map.copyOf(rows);
        figures = List.copyOf(figures);
        texts = List.copyOf(texts);
        emptySections = Map.copyOf(emptySections);
    }
}
