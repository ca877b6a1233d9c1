package io.yusuan.domain.publish;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a table's multi-level header from each leaf column's group titles: a column's path is its
 * groups then its own title; columns next to each other under the same groups share merged group
 * cells, and a column with fewer levels has its title reach down to the last header row (科目编码
 * beside 预算数 › 合计).
 */
final class HeaderGrid {

    private HeaderGrid() {
    }

    /** @param groups per leaf column, its group titles outermost first (may be empty) */
    static List<List<HeaderCell>> of(List<List<String>> groups, List<ColumnSpec> columns) {
        int depth = 1;
        for (List<String> g : groups) {
            depth = Math.max(depth, g.size() + 1);
        }
        List<List<HeaderCell>> rows = new ArrayList<>();
        for (int level = 0; level < depth; level++) {
            List<HeaderCell> row = new ArrayList<>();
            int j = 0;
            while (j < columns.size()) {
                List<String> path = groups.get(j);
                if (level < path.size()) {
                    int end = j + 1;
                    while (end < columns.size() && samePrefix(groups.get(end), path, level)) {
                        end++;
                    }
                    row.add(new HeaderCell(path.get(level), j, end - j, 1));
                    j = end;
                } else {
                    if (level == path.size()) {
                        row.add(new HeaderCell(columns.get(j).title(), j, 1, depth - path.size()));
                    }
                    j++;
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static boolean samePrefix(List<String> other, List<String> path, int level) {
        if (other.size() <= level) {
            return false;
        }
        for (int i = 0; i <= level; i++) {
            if (!other.get(i).equals(path.get(i))) {
                return false;
            }
        }
        return true;
    }
}
