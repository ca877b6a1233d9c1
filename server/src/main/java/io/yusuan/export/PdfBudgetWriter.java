package io.yusuan.export;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.ExceptionConverter;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.yusuan.domain.publish.NarrativeBlock;
import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.PublishedTable;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.function.Supplier;

/**
 * The budget as the published document, on A4: a title page with the stamp and the list of tables, each
 * table on its own pages (landscape when it is wide) under its heading and unit line, then the 说明.
 * {@link PdfPageDecorations} puts the stamp, the page numbers and, on a draft, 草稿 on every page. The
 * Chinese font is embedded as a subset.
 *
 * <p>Reproducible: the creation and modification dates are the stamp's time, the document ID and the
 * font subset's name come from the content's digest; OpenPDF would otherwise take the clock and a
 * random source.
 */
public final class PdfBudgetWriter implements BudgetWriter {

    static final float SIDE_MARGIN = 36;
    private static final float TOP_MARGIN = 56;
    private static final float BOTTOM_MARGIN = 48;
    private static final Color DRAFT_RED = new Color(192, 0, 0);

    private final Supplier<CjkFont> font;

    /** @param font resolved when the first PDF is written, so a server without a font still serves the other formats */
    public PdfBudgetWriter(Supplier<CjkFont> font) {
        this.font = font;
    }

    @Override
    public void write(PublishedBudget budget, OutputStream out, ExportProgress progress) throws IOException {
        byte[] digest = ContentDigest.of(budget);
        BaseFont base = font.get().newBaseFont(Arrays.copyOfRange(digest, 16, 32));
        Document document = new Document(PageSize.A4, SIDE_MARGIN, SIDE_MARGIN, TOP_MARGIN, BOTTOM_MARGIN);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false); // the caller owns the stream
            writer.setPageEvent(new PdfPageDecorations(base, budget.title(), budget.stamp()));
            document.addTitle(nonNull(budget.title()));
            document.addAuthor(nonNull(budget.entity()));
            document.addSubject(budget.stamp().label());
            document.addCreator("Yusuan 预算协同编制");
            document.open();

            titlePage(document, base, budget);
            int done = 0;
            for (PublishedTable table : budget.tables()) {
                tablePages(document, base, table);
                progress.tablesDone(++done, budget.tables().size());
            }
            if (!budget.narrative().isEmpty()) {
                narrative(document, base, budget);
            }
            fixIdentity(writer, budget, digest);
            document.close();
        } catch (DocumentException e) {
            throw new IOException("PDF layout failed: " + e.getMessage(), e);
        } catch (ExceptionConverter e) {
            // OpenPDF wraps the stream's IOException (a client that went away) in an unchecked one
            if (e.getException() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    private static void titlePage(Document document, BaseFont base, PublishedBudget budget) throws DocumentException {
        Paragraph title = new Paragraph(nonNull(budget.title()), new Font(base, 24, Font.BOLD));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingBefore(150);
        title.setSpacingAfter(24);
        document.add(title);
        if (budget.entity() != null && !budget.entity().isBlank()) {
            Paragraph entity = new Paragraph(budget.entity(), new Font(base, 14));
            entity.setAlignment(Element.ALIGN_CENTER);
            entity.setSpacingAfter(10);
            document.add(entity);
        }
        Font stampFont = budget.stamp().draft() ? new Font(base, 12, Font.BOLD, DRAFT_RED) : new Font(base, 11);
        Paragraph stamp = new Paragraph(budget.stamp().label(), stampFont);
        stamp.setAlignment(Element.ALIGN_CENTER);
        stamp.setSpacingAfter(48);
        document.add(stamp);

        Paragraph contents = new Paragraph("目  录", new Font(base, 14, Font.BOLD));
        contents.setAlignment(Element.ALIGN_CENTER);
        contents.setSpacingAfter(10);
        document.add(contents);
        Font entry = new Font(base, 11);
        for (PublishedTable table : budget.tables()) {
            Paragraph line = new Paragraph(table.heading(), entry);
            line.setIndentationLeft(80);
            line.setLeading(18);
            document.add(line);
        }
        if (!budget.narrative().isEmpty()) {
            Paragraph line = new Paragraph("说明", entry);
            line.setIndentationLeft(80);
            line.setLeading(18);
            document.add(line);
        }
    }

    private static void tablePages(Document document, BaseFont base, PublishedTable table) throws DocumentException {
        PdfTableLayout layout = new PdfTableLayout(table, base);
        document.setPageSize(layout.landscape() ? PageSize.A4.rotate() : PageSize.A4);
        document.newPage();

        Paragraph heading = new Paragraph(table.heading(), new Font(base, 15, Font.BOLD));
        heading.setAlignment(Element.ALIGN_CENTER);
        heading.setLeading(22);
        // without spacing after it, an 18-point paragraph overlaps the table that follows (OpenPDF)
        heading.setSpacingAfter(8);
        document.add(heading);

        Paragraph unit = new Paragraph(Tables.unitLine(table), new Font(base, 9));
        unit.setAlignment(Element.ALIGN_RIGHT);
        unit.setLeading(12);
        unit.setSpacingAfter(4);
        document.add(unit);

        PdfPTable pdf = layout.build();
        pdf.setSpacingBefore(0);
        document.add(pdf);
    }

    private static void narrative(Document document, BaseFont base, PublishedBudget budget) throws DocumentException {
        document.setPageSize(PageSize.A4);
        document.newPage();
        Paragraph title = new Paragraph("说明", new Font(base, 16, Font.BOLD));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setLeading(24);
        title.setSpacingAfter(12);
        document.add(title);
        Font headingFont = new Font(base, 12, Font.BOLD);
        Font textFont = new Font(base, 10.5f);
        for (NarrativeBlock block : budget.narrative()) {
            if (block.heading() != null && !block.heading().isBlank()) {
                Paragraph heading = new Paragraph(block.heading().strip(), headingFont);
                heading.setLeading(20);
                heading.setSpacingBefore(8);
                heading.setSpacingAfter(4);
                heading.setKeepTogether(true);
                document.add(heading);
            }
            for (String text : XlsxNarrativeSheet.paragraphs(block.text())) {
                Paragraph paragraph = new Paragraph(text, textFont);
                paragraph.setLeading(18);
                paragraph.setFirstLineIndent(21); // two characters, as Chinese prose is set
                paragraph.setAlignment(Element.ALIGN_JUSTIFIED);
                paragraph.setSpacingAfter(4);
                document.add(paragraph);
            }
        }
    }

    /**
     * Dates from the stamp and an ID from the content, set last so nothing OpenPDF does while opening the
     * document replaces them. OpenPDF 2.0.5 takes a document ID only through the info dictionary's
     * {@code /FileId} entry, which it then also writes there (harmless, readers ignore unknown keys).
     */
    private static void fixIdentity(PdfWriter writer, PublishedBudget budget, byte[] digest) {
        Calendar at = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        at.setTimeInMillis(Tables.time(budget.stamp()).toEpochMilli());
        PdfDate date = new PdfDate(at);
        writer.getInfo().put(PdfName.CREATIONDATE, date);
        writer.getInfo().put(PdfName.MODDATE, date);
        byte[] id = Arrays.copyOf(digest, 16);
        writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
