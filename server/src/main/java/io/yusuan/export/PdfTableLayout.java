package io.yusuan.export;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import io.yusuan.domain.publish.ColumnSpec;
import io.yusuan.domain.publish.PublishedCell;
import io.yusuan.domain.publish.PublishedRow;
import io.yusuan.domain.publish.PublishedTable;
import java.awt.Color;
import java.util.List;

/**
 * One published table as an OpenPDF table: the header grid with its spans, repeated at the top of every
 * page the table runs onto; codes and labels left (labels indented by level), amounts right-aligned with
 * thousands separators, total rows bold, and for a 空表 its note in a row under the header.
 */
final class PdfTableLayout {

    /** Usable width of portrait A4 with the document's margins, in points. */
    static final float PORTRAIT_WIDTH = 595 - 2 * PdfBudgetWriter.SIDE_MARGIN;
    private static final Color HEADER_FILL = new Color(235, 235, 235);
    /** Average advance of a digit-width unit in a CJK sans font, as a fraction of the font size. */
    private static final float UNIT_ADVANCE = 0.55f;

    private final PublishedTable table;
    private final double[] widths;
    private final float size;
    private final Font regular;
    private final Font bold;

    PdfTableLayout(PublishedTable table, BaseFont font) {
        this.table = table;
        this.widths = ColumnWidths.of(table);
        // very wide tables (项目支出表 has a dozen funding columns) get a smaller type to stay legible on one page width
        this.size = table.columns().size() > 9 ? 7.5f : 9f;
        this.regular = new Font(font, size, Font.NORMAL);
        this.bold = new Font(font, size, Font.BOLD);
    }

    /** Landscape when the columns at their natural widths would not fit across portrait A4. */
    boolean landscape() {
        double units = 0;
        for (double w : widths) {
            units += w;
        }
        return units * size * UNIT_ADVANCE + widths.length * 6 > PORTRAIT_WIDTH;
    }

    PdfPTable build() {
        int columns = Math.max(1, table.columns().size());
        PdfPTable pdf = new PdfPTable(columns);
        pdf.setWidthPercentage(100);
        float[] relative = new float[columns];
        for (int c = 0; c < columns; c++) {
            relative[c] = (float) widths[c];
        }
        pdf.setWidths(relative);
        HeaderGrid grid = new HeaderGrid(table);
        for (int r = 0; r < grid.rows(); r++) {
            for (HeaderGrid.Placed cell : grid.row(r)) {
                pdf.addCell(headerCell(cell));
            }
        }
        pdf.setHeaderRows(grid.rows());
        if (table.empty()) {
            PdfPCell note = cell(table.emptyNote(), regular, Element.ALIGN_LEFT);
            note.setColspan(columns);
            note.setPaddingTop(6);
            note.setPaddingBottom(8);
            pdf.addCell(note);
        }
        for (PublishedRow row : table.rows()) {
            addRow(pdf, row);
        }
        if (table.rows().isEmpty() && !table.empty()) {
            // a table of header rows only is not drawn at all: give it one empty row
            addRow(pdf, new PublishedRow(0, false, List.of()));
        }
        return pdf;
    }

    private PdfPCell headerCell(HeaderGrid.Placed placed) {
        PdfPCell cell = cell(placed.text(), bold, Element.ALIGN_CENTER);
        cell.setColspan(placed.colSpan());
        cell.setRowspan(placed.rowSpan());
        cell.setBackgroundColor(HEADER_FILL);
        cell.setPaddingTop(4);
        cell.setPaddingBottom(5);
        return cell;
    }

    private void addRow(PdfPTable pdf, PublishedRow row) {
        List<ColumnSpec> columns = table.columns();
        Font font = row.total() ? bold : regular;
        for (int c = 0; c < Math.max(1, columns.size()); c++) {
            PublishedCell value = c < row.cells().size() ? row.cells().get(c) : PublishedCell.BLANK;
            ColumnSpec.Kind kind = columns.isEmpty() ? ColumnSpec.Kind.TEXT : columns.get(c).kind();
            PdfPCell cell;
            if (value instanceof PublishedCell.Amount amount) {
                cell = cell(Figures.grouped(amount.shown()), font, Element.ALIGN_RIGHT);
            } else if (value instanceof PublishedCell.Text text) {
                boolean centredTotal = kind == ColumnSpec.Kind.LABEL && row.total() && row.level() == 0;
                cell = cell(text.text(), font, centredTotal ? Element.ALIGN_CENTER
                        : kind == ColumnSpec.Kind.AMOUNT ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                if (kind == ColumnSpec.Kind.LABEL && !centredTotal) {
                    // one character of indent per level: 类, 款, 项 as in the printed tables
                    cell.setPaddingLeft(3 + Math.max(0, row.level()) * size);
                }
            } else {
                cell = cell("", font, Element.ALIGN_LEFT);
            }
            pdf.addCell(cell);
        }
    }

    private PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(align);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setBorder(Rectangle.BOX);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(2.5f);
        cell.setPaddingBottom(3.5f);
        cell.setPaddingLeft(3);
        cell.setPaddingRight(3);
        cell.setMinimumHeight(size * 2f);
        // wrapped project names and header titles need air between their lines
        cell.setLeading(0, 1.3f);
        cell.setUseAscender(true);
        return cell;
    }
}
