package io.yusuan.domain.calc;

import io.yusuan.domain.classification.CodeRow;
import java.util.List;
import java.util.Map;

/** Builds a document's layout for a given set of classification rows (its template is fixed). */
@FunctionalInterface
public interface LayoutFactory {

    DocumentLayout layoutFor(Map<String, List<CodeRow>> codeRows);
}
