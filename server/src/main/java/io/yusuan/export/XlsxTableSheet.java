package io.yusuan.export;

import static io.yusuan.export.XlsxBudgetWriter.AMOUNT_FORMAT;
import static io.yusuan.export.XlsxBudgetWriter.FONT;

import io.yusuan.domain.publish.ColumnSpec;
import io.yusuan.domain.publish.PublishedCell;
import io.yusuan.domain.publish.PublishedRow;
import io.yusuan.domain.publish.PublishedTable;
import io.yusuan.domain.publish.Stamp;
import java.math.BigDecimal;
import java.util.List;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.StyleSetter;
import org.dhatim.fastexcel.Worksheet;

/**
 * One table on one sheet, as printed: the heading, a line with the unit on the left and the stamp on the
 * right, the header grid with its merged cells, then the rows (or the 空表 note right under the header).
 * Codes and texts are strings, amounts are numbers with {@value XlsxBudgetWriter#AMOUNT_FORMAT}.
 */
final class XlsxTableSheet {

    static final int TITLE_ROW = 0;
    static final int LINE_ROW = 1;
    static final int FIRST_HEADER_ROW = 2;

    /** Excel's height of one line of 10-point text, in points. */
    private static final double LINE_HEIGHT = 14.25;
    private static final String HEADER_FILL = "FFF2F2F2";
    private static final String DRAFT_RED = "FFC00000";

    private final Worksheet sheet;
    private final Stamp stamp;
    private final PublishedTable table;
    private final int width;
    private final double[] columnWidths;

    XlsxTableSheet(Worksheet sheet, Stamp stamp, PublishedTable table) {
        this.sheet = sheet;
        this.stamp = stamp;
        this.table = table;
        this.width = Math.max(1, table.columns().size());
        this.columnWidths = ColumnWidths.of(table);
    }

    void write() {
        writeTitleAndLine();
        HeaderGrid grid = new HeaderGrid(table);
        writeHeader(grid);
        int row = FIRST_HEADER_ROW + grid.rows();
        if (table.empty()) {
            writeNote(row++);
        }
        for (PublishedRow printed : table.rows()) {
            writeRow(row++, printed);
        }
        for (int c = 0; c < columnWidths.length; c++) {
            sheet.width(c, columnWidths[c]);
        }
        pageSetup(grid);
    }

    private void writeTitleAndLine() {
        sheet.value(TITLE_ROW, 0, table.heading());
        mergeIfWide(TITLE_ROW, 0, width - 1);
        sheet.range(TITLE_ROW, 0, TITLE_ROW, width - 1).style()
                .fontName(FONT).fontSize(14).bold().horizontalAlignment("center").verticalAlignment("center").set();
        sheet.rowHeight(TITLE_ROW, 24);

        String unit = Tables.unitLine(table);
        if (width == 1) {
            // one column: the unit and the stamp share the cell, the stamp must still be there
            sheet.value(LINE_ROW, 0, unit.isEmpty() ? stamp.label() : unit + "　" + stamp.label());
            stampStyle(sheet.range(LINE_ROW, 0, LINE_ROW, 0).style()).set();
            return;
        }
        int split = Math.max(1, width / 2);
        sheet.value(LINE_ROW, 0, unit);
        mergeIfWide(LINE_ROW, 0, split - 1);
        sheet.range(LINE_ROW, 0, LINE_ROW, split - 1).style().fontName(FONT).fontSize(10).horizontalAlignment("left").set();
        sheet.value(LINE_ROW, split, stamp.label());
        mergeIfWide(LINE_ROW, split, width - 1);
        // an approved stamp carries its 71-character hash: wrap it rather than let the merged cell cut it
        stampStyle(sheet.range(LINE_ROW, split, LINE_ROW, width - 1).style()).horizontalAlignment("right")
                .wrapText(true).set();
        int lines = lines(stamp.label(), spanWidth(split, width - split));
        if (lines > 1) {
            sheet.rowHeight(LINE_ROW, lines * LINE_HEIGHT + 2);
        }
    }

    /** A draft's stamp is red and bold: 草稿 must be impossible to miss. */
    private StyleSetter stampStyle(StyleSetter style) {
        style.fontName(FONT).fontSize(10);
        return stamp.draft() ? style.bold().fontColor(DRAFT_RED) : style;
    }

    private void writeHeader(HeaderGrid grid) {
        for (HeaderGrid.Placed cell : grid.all()) {
            int top = FIRST_HEADER_ROW + cell.row();
            int bottom = top + cell.rowSpan() - 1;
            int right = cell.column() + cell.colSpan() - 1;
            sheet.value(top, cell.column(), cell.text());
            if (bottom > top || right > cell.column()) {
                sheet.range(top, cell.column(), bottom, right).merge();
            }
            // borders on every cell of a merged region, or the region shows gaps in its frame
            sheet.range(top, cell.column(), bottom, right).style()
                    .fontName(FONT).fontSize(10).bold().fillColor(HEADER_FILL)
                    .horizontalAlignment("center").verticalAlignment("center").wrapText(true)
                    .borderStyle(BorderStyle.THIN).set();
        }
        for (int r = 0; r < grid.rows(); r++) {
            int lines = 1;
            for (HeaderGrid.Placed cell : grid.row(r)) {
                if (cell.rowSpan() == 1) {
                    lines = Math.max(lines, lines(cell.text(), spanWidth(cell.column(), cell.colSpan())));
                }
            }
            sheet.rowHeight(FIRST_HEADER_ROW + r, Math.max(20, lines * LINE_HEIGHT + 4));
        }
    }

    private void writeNote(int row) {
        sheet.value(row, 0, table.emptyNote());
        mergeIfWide(row, 0, width - 1);
        sheet.range(row, 0, row, width - 1).style().fontName(FONT).fontSize(10)
                .horizontalAlignment("left").verticalAlignment("center").wrapText(true)
                .borderStyle(BorderStyle.THIN).set();
        sheet.rowHeight(row, Math.max(20, lines(table.emptyNote(), spanWidth(0, width)) * LINE_HEIGHT + 4));
    }

    private void writeRow(int row, PublishedRow printed) {
        int lines = 1;
        List<ColumnSpec> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            PublishedCell cell = c < printed.cells().size() ? printed.cells().get(c) : PublishedCell.BLANK;
            ColumnSpec.Kind kind = columns.get(c).kind();
            StyleSetter style = sheet.style(row, c).fontName(FONT).fontSize(10).verticalAlignment("center")
                    .borderStyle(BorderStyle.THIN);
            if (printed.total()) {
                style.bold();
            }
            if (cell instanceof PublishedCell.Amount amount) {
                // a fresh BigDecimal from the plain digits: never written in exponent notation
                sheet.value(row, c, new BigDecimal(Figures.plain(amount.shown())));
                style.format(AMOUNT_FORMAT).horizontalAlignment("right");
            } else if (cell instanceof PublishedCell.Text text) {
                sheet.value(row, c, text.text());
                if (kind == ColumnSpec.Kind.LABEL) {
                    style.horizontalAlignment(printed.total() ? "center" : "left").indent(Math.max(0, printed.level()));
                } else {
                    style.horizontalAlignment(kind == ColumnSpec.Kind.AMOUNT ? "right" : "left");
                }
                if (kind != ColumnSpec.Kind.CODE) {
                    style.wrapText(true);
                    lines = Math.max(lines, lines(text.text(), columnWidths[c] - 2 * Math.max(0, printed.level())));
                }
            } else if (kind == ColumnSpec.Kind.AMOUNT) {
                style.format(AMOUNT_FORMAT).horizontalAlignment("right");
            }
            style.set();
        }
        if (lines > 1) {
            sheet.rowHeight(row, lines * LINE_HEIGHT + 2);
        }
    }

    private void pageSetup(HeaderGrid grid) {
        int headerEnd = FIRST_HEADER_ROW + grid.rows() - 1;
        sheet.freezePane(0, headerEnd + 1);
        sheet.repeatRows(FIRST_HEADER_ROW, headerEnd);
        sheet.paperSize(PaperSize.A4_PAPER);
        double total = 0;
        for (double w : columnWidths) {
            total += w;
        }
        // about 95 character widths fit across portrait A4 at 10 points
        sheet.pageOrientation(total > 95 ? "landscape" : "portrait");
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        // printed pages carry the stamp and the page number too; a draft says so on top of every page
        sheet.header(stamp.label(), Position.RIGHT, FONT, 9);
        if (stamp.draft()) {
            sheet.header("草稿", Position.LEFT, FONT, 16);
        }
        sheet.footer("第 &P 页 共 &N 页", Position.CENTER, FONT, 9);
    }

    private void mergeIfWide(int row, int left, int right) {
        if (right > left) {
            sheet.range(row, left, row, right).merge();
        }
    }

    private double spanWidth(int column, int span) {
        double sum = 0;
        for (int c = column; c < column + span && c < columnWidths.length; c++) {
            sum += columnWidths[c];
        }
        return sum;
    }

    /** Lines a text wraps to in a column this wide (Excel width units, roughly one digit each). */
    private static int lines(String text, double columnWidth) {
        if (text == null || text.isEmpty()) {
            return 1;
        }
        double usable = Math.max(4, columnWidth - 1.5);
        int lines = 0;
        for (String part : text.split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(TextWidth.of(part) / usable));
        }
        return lines;
    }

}
