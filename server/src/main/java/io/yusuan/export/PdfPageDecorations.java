package io.yusuan.export;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.yusuan.domain.publish.Stamp;
import java.awt.Color;

/**
 * What every page carries besides its content: the budget's title and the stamp line at the top, «第 n 页
 * 共 m 页» at the bottom, and on a draft a large 草稿 across the page. The total page count is only known
 * when the document closes, so it is drawn into a small template placed on every page and filled then.
 */
final class PdfPageDecorations extends PdfPageEventHelper {

    static final float HEADER_SIZE = 8;
    static final float FOOTER_SIZE = 9;
    private static final Color GREY = new Color(90, 90, 90);
    private static final Color DRAFT_RED = new Color(192, 0, 0);
    /** Room for the total and its «页»: up to four digits. */
    private static final float TOTAL_WIDTH = 40;

    private final BaseFont font;
    private final String title;
    private final Stamp stamp;
    private PdfTemplate total;

    PdfPageDecorations(BaseFont font, String title, Stamp stamp) {
        this.font = font;
        this.title = title == null ? "" : title;
        this.stamp = stamp;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(TOTAL_WIDTH, FOOTER_SIZE + 4);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        Rectangle page = document.getPageSize();
        float left = document.left();
        float right = document.right();
        if (stamp.draft()) {
            watermark(canvas, page);
        }

        // top: title left, stamp right, a hairline under both
        float top = page.getTop() - 24;
        text(canvas, title, HEADER_SIZE, GREY, left, top, Element.ALIGN_LEFT);
        // an approved stamp carries a 71-character hash: below the title when both do not fit on one line
        boolean twoLines = font.getWidthPoint(title, HEADER_SIZE) + font.getWidthPoint(stamp.label(), HEADER_SIZE) + 12
                > right - left;
        float stampY = twoLines ? top - HEADER_SIZE - 2 : top;
        text(canvas, stamp.label(), HEADER_SIZE, stamp.draft() ? DRAFT_RED : GREY, right, stampY, Element.ALIGN_RIGHT);
        canvas.saveState();
        canvas.setLineWidth(0.4f);
        canvas.setColorStroke(GREY);
        canvas.moveTo(left, stampY - 4);
        canvas.lineTo(right, stampY - 4);
        canvas.stroke();
        canvas.restoreState();

        // bottom: «第 n 页 共 » here, «m 页» in the template filled at the end
        String before = "第 " + writer.getPageNumber() + " 页 共 ";
        float width = font.getWidthPoint(before, FOOTER_SIZE) + font.getWidthPoint("99 页", FOOTER_SIZE);
        float x = (left + right) / 2 - width / 2;
        float y = page.getBottom() + 22;
        text(canvas, before, FOOTER_SIZE, Color.BLACK, x, y, Element.ALIGN_LEFT);
        canvas.addTemplate(total, x + font.getWidthPoint(before, FOOTER_SIZE), y - 2);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        // called after the last page was ended: the writer already counts the page that would come next
        total.beginText();
        total.setFontAndSize(font, FOOTER_SIZE);
        total.setTextMatrix(0, 2);
        total.showText((writer.getPageNumber() - 1) + " 页");
        total.endText();
    }

    private void watermark(PdfContentByte canvas, Rectangle page) {
        canvas.saveState();
        PdfGState faint = new PdfGState();
        faint.setFillOpacity(0.12f);
        canvas.setGState(faint);
        canvas.beginText();
        canvas.setFontAndSize(font, 120);
        canvas.setColorFill(DRAFT_RED);
        canvas.showTextAligned(Element.ALIGN_CENTER, "草稿", page.getWidth() / 2, page.getHeight() / 2 - 40, 30);
        canvas.endText();
        canvas.restoreState();
    }

    private void text(PdfContentByte canvas, String text, float size, Color color, float x, float y, int align) {
        canvas.saveState();
        canvas.beginText();
        canvas.setFontAndSize(font, size);
        canvas.setColorFill(color);
        canvas.showTextAligned(align, text, x, y, 0);
        canvas.endText();
        canvas.restoreState();
    }
}
