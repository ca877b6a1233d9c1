package io.yusuan.domain.rules.narrative;

import java.util.List;

/**
 * Which table figure a label names, if it names exactly one amount. A code given in the text
 * («（2080505）») is asked first; then the name as written, then without trailing filler words. The
 * first form the index knows decides: if its figures carry different amounts (卫生健康支出 is 1127.50
 * in 财政拨款收支总表 and 1128.93 in 收支总表), the label is ambiguous and nothing is judged — the
 * checker never picks the figure that happens to agree.
 */
final class Resolver {

    private Resolver() {
    }

    /** The figures (all of one amount) the keys name, or an empty list when none or ambiguous. */
    static List<Figure> figures(Labels.Keys keys, FigureIndex index) {
        if (keys.code() != null) {
            List<Figure> byCode = index.figures(keys.code());
            if (!byCode.isEmpty()) {
                return unambiguous(byCode);
            }
        }
        for (String name : keys.names()) {
            List<Figure> byName = index.figures(name);
            if (!byName.isEmpty()) {
                return unambiguous(byName);
            }
        }
        return List.of();
    }

    private static List<Figure> unambiguous(List<Figure> figures) {
        long amounts = figures.stream().map(Figure::amount).distinct().count();
        return amounts == 1 ? figures : List.of();
    }
}
