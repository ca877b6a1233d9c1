package io.yusuan.domain;

import io.yusuan.domain.classification.CodeRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over a document's classification rows, per section. */
final class CodeRows {

    private CodeRows() {
    }

    static Map<String, List<CodeRow>> copy(Map<String, List<CodeRow>> rows) {
        Map<String, List<CodeRow>> copy = new LinkedHashMap<>();
        rows.forEach((section, list) -> copy.put(section, new ArrayList<>(list)));
        return copy;
    }

    static void apply(Map<String, List<CodeRow>> rows, RowChange change) {
        List<CodeRow> list = rows.computeIfAbsent(change.section(), s -> new ArrayList<>());
        list.removeIf(row -> row.code().equals(change.code()));
        if (change.added()) {
            list.add(new CodeRow(change.code(), change.name(), change.parent(), change.kind()));
        }
    }
}
