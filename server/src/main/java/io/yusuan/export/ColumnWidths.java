package io.yusuan.export;

import io.yusuan.domain.publish.ColumnSpec;
import io.yusuan.domain.publish.PublishedCell;
import io.yusuan.domain.publish.PublishedRow;
import io.yusuan.domain.publish.PublishedTable;
import java.util.List;

/** Column widths in character units (one Latin digit each), shared by the sheet and the PDF layout. */
final class ColumnWidths {

    private ColumnWidths() {
    }

    /**
     * Widths that fit the content without letting one long project name take the page: codes as wide as
     * the longest code, labels and texts as wide as their content up to a limit (then they wrap),
     * amounts as wide as their largest figure with grouping.
     */
    static double[] of(PublishedTable table) {
        List<ColumnSpec> columns = table.columns();
        double[] widths = new double[Math.max(1, columns.size())];
        for (int c = 0; c < columns.size(); c++) {
            ColumnSpec.Kind kind = columns.get(c).kind();
            int content = 0;
            for (PublishedRow row : table.rows()) {
                PublishedCell cell = c < row.cells().size() ? row.cells().get(c) : PublishedCell.BLANK;
                if (cell instanceof PublishedCell.Text text) {
                    content = Math.max(content, TextWidth.of(text.text()) + (kind == ColumnSpec.Kind.LABEL ? 2 * row.level() : 0));
                } else if (cell instanceof PublishedCell.Amount amount) {
                    content = Math.max(content, Figures.grouped(amount.shown()).length());
                }
            }
            widths[c] = switch (kind) {
                case CODE -> clamp(content + 3, 10, 16);
                case LABEL -> clamp(content + 3, 18, 48);
                case TEXT -> clamp(content + 3, 12, 36);
                case AMOUNT -> clamp(content + 4, 13, 22);
            };
        }
        if (columns.isEmpty()) {
            widths[0] = 40;
        }
        return widths;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
