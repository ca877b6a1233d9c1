package io.yusuan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.publish.NarrativeBlock;
import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.PublishedCell;
import io.yusuan.domain.publish.PublishedRow;
import io.yusuan.domain.publish.PublishedTable;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF read back with PDFBox: its text, its fonts, its pages; and one document rendered for people to look at. */
class PdfExportTest {

    static final Path PAGES = Path.of("target", "export-pages");

    static byte[] pdf(PublishedBudget budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(null).write(ExportFormat.PDF, budget, out, ExportProgress.NONE);
        return out.toByteArray();
    }

    @Test
    void everyHeadingFigureAndNarrativeIsInTheText() throws IOException {
        PublishedBudget budget = SampleBudgets.seed001(SampleBudgets.approved());
        try (PDDocument doc = Loader.loadPDF(pdf(budget))) {
            List<String> pages = pageTexts(doc);
            String all = String.join("\n", pages);
            assertTrue(pages.get(0).contains(budget.title()), "title page");
            for (PublishedTable table : budget.tables()) {
                assertTrue(squeeze(all).contains(squeeze(table.heading())), table.heading());
                assertTrue(all.contains(Tables.unitLine(table)), table.heading() + " unit line");
                String text = textOfTable(budget, table, pages);
                checkFigures(table, text);
                if (table.empty()) {
                    assertTrue(squeeze(text).contains(squeeze(table.emptyNote())), "空表 note of " + table.heading());
                }
            }
            for (NarrativeBlock block : budget.narrative()) {
                assertTrue(squeeze(all).contains(squeeze(block.heading())), block.heading());
                for (String paragraph : XlsxNarrativeSheet.paragraphs(block.text())) {
                    assertTrue(squeeze(all).contains(squeeze(paragraph)), paragraph);
                }
            }
            // Chinese comes back as the same characters: the embedded font maps its glyphs to Unicode
            assertTrue(all.contains("社会保障和就业支出"));
            assertTrue(all.contains("机关事业单位基本养老保险缴费支出"));
            assertTrue(pages.stream().allMatch(p -> p.contains(budget.stamp().label())), "stamp on every page");
            assertTrue(pages.stream().noneMatch(p -> p.contains("草稿")), "an approved version is no draft");
        }
    }

    /** Every figure of the table, as printed (1,773.19), occurs among the words of its pages at least as often. */
    private static void checkFigures(PublishedTable table, String text) {
        Map<String, Integer> words = new HashMap<>();
        for (String word : text.split("\\s+")) {
            words.merge(word, 1, Integer::sum);
        }
        Map<String, Integer> expected = new HashMap<>();
        for (PublishedRow row : table.rows()) {
            for (PublishedCell cell : row.cells()) {
                if (cell instanceof PublishedCell.Amount amount) {
                    expected.merge(Figures.grouped(amount.shown()), 1, Integer::sum);
                } else if (cell instanceof PublishedCell.Text t) {
                    assertTrue(squeeze(text).contains(squeeze(t.text())), table.heading() + ": " + t.text());
                }
            }
        }
        expected.forEach((figure, count) -> assertTrue(words.getOrDefault(figure, 0) >= count,
                table.heading() + ": " + figure + " printed " + words.getOrDefault(figure, 0) + " times, expected " + count));
    }

    @Test
    void fontsAreEmbeddedAndPagesNumbered() throws IOException {
        PublishedBudget budget = SampleBudgets.seed001(SampleBudgets.approved());
        try (PDDocument doc = Loader.loadPDF(pdf(budget))) {
            int n = doc.getNumberOfPages();
            List<String> pages = pageTexts(doc);
            int fonts = 0;
            for (int i = 0; i < n; i++) {
                for (PDFont font : fonts(doc.getPage(i).getResources())) {
                    assertTrue(font.isEmbedded(), font.getName() + " on page " + (i + 1));
                    fonts++;
                }
                assertTrue(squeeze(pages.get(i)).contains("第" + (i + 1) + "页共" + n + "页"),
                        "page number on page " + (i + 1) + ": " + pages.get(i));
                PDRectangle box = doc.getPage(i).getMediaBox();
                assertEquals(595 * 842, Math.round(box.getWidth()) * Math.round(box.getHeight()), "A4");
            }
            assertTrue(fonts >= n, "fonts found on every page");
            // 表9 has a dozen columns: landscape; 表2 fits portrait
            assertTrue(landscape(doc.getPage(pageOf(pages, "表9"))));
            assertFalse(landscape(doc.getPage(pageOf(pages, "表2"))));
        }
    }

    @Test
    void aDraftIsMarkedOnEveryPageAndRenderedForPeople() throws IOException {
        PublishedBudget budget = SampleBudgets.seed001(SampleBudgets.draft());
        byte[] file = pdf(budget);
        Files.createDirectories(PAGES);
        Files.write(PAGES.resolve("seed001-draft.pdf"), file);
        try (PDDocument doc = Loader.loadPDF(file)) {
            List<String> pages = pageTexts(doc);
            for (int i = 0; i < pages.size(); i++) {
                assertTrue(pages.get(i).contains("草稿"), "草稿 on page " + (i + 1));
                assertTrue(pages.get(i).contains(budget.stamp().label()), "stamp on page " + (i + 1));
            }
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 110);
                ImageIO.write(image, "png", PAGES.resolve(String.format("seed001-draft-%02d.png", i + 1)).toFile());
            }
        }
    }

    @Test
    void aLongTableRepeatsItsHeaderOnEveryPage() throws IOException {
        PublishedBudget budget = SampleBudgets.large(SampleBudgets.approved());
        List<int[]> progress = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Exporter(null).write(ExportFormat.PDF, budget, out, (done, total) -> progress.add(new int[] {done, total}));
        assertEquals(12, progress.size());
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            List<String> pages = pageTexts(doc);
            int first = pageOf(pages, "表1 ");
            int next = pageOf(pages, "表2 ");
            assertTrue(next - first >= 3, "300 rows take several pages: " + first + ".." + next);
            for (int p = first; p < next; p++) {
                assertTrue(pages.get(p).contains("功能分类科目") && pages.get(p).contains("科目编码")
                        && pages.get(p).contains("上年结转"), "header repeated on page " + (p + 1));
            }
            checkFigures(budget.tables().get(0), String.join("\n", pages.subList(first, next)));
            // last rows of the last full table are there too
            String tail = String.join("\n", pages.subList(pageOf(pages, "表11 "), pageOf(pages, "表12 ")));
            checkFigures(budget.tables().get(10), tail);
        }
    }

    @Test
    void aTableWithNoRowsStillShowsItsHeader() throws IOException {
        PublishedBudget seed = SampleBudgets.seed001(SampleBudgets.approved());
        PublishedTable fund = seed.tables().get(3);
        PublishedTable noRows = new PublishedTable(8, "国有资本经营预算支出表", "万元", fund.header(), fund.columns(),
                List.of(), null);
        PublishedBudget budget = new PublishedBudget(seed.title(), seed.entity(), seed.year(), seed.stamp(),
                List.of(noRows), List.of());
        try (PDDocument doc = Loader.loadPDF(pdf(budget))) {
            String page = pageTexts(doc).get(1);
            assertTrue(page.contains("表8 国有资本经营预算支出表") && page.contains("本年政府性基金财政拨款支出")
                    && page.contains("科目名称"), page);
        }
    }

    // ---- helpers ----

    static List<String> pageTexts(PDDocument doc) throws IOException {
        List<String> pages = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper();
        for (int i = 1; i <= doc.getNumberOfPages(); i++) {
            stripper.setStartPage(i);
            stripper.setEndPage(i);
            pages.add(stripper.getText(doc));
        }
        return pages;
    }

    /** The text of the pages a table occupies: from its heading to the next table's (or the 说明). */
    private static String textOfTable(PublishedBudget budget, PublishedTable table, List<String> pages) {
        int start = pageOf(pages, table.heading());
        int end = pages.size();
        int index = budget.tables().indexOf(table);
        if (index + 1 < budget.tables().size()) {
            end = pageOf(pages, budget.tables().get(index + 1).heading());
        }
        return String.join("\n", pages.subList(start, end));
    }

    /** The first page after the title page whose text starts a table with this heading. */
    private static int pageOf(List<String> pages, String heading) {
        for (int i = 1; i < pages.size(); i++) {
            if (Arrays.stream(pages.get(i).split("\n")).anyMatch(line -> line.strip().startsWith(heading.strip()))) {
                return i;
            }
        }
        throw new AssertionError("no page starts «" + heading + "»");
    }

    /** As shown: OpenPDF writes a landscape page as a portrait media box turned by /Rotate 90. */
    private static boolean landscape(PDPage page) {
        boolean wide = page.getMediaBox().getWidth() > page.getMediaBox().getHeight();
        return page.getRotation() % 180 == 0 ? wide : !wide;
    }

    /** Fonts of a page and of the forms it draws (the page-count template is one). */
    private static List<PDFont> fonts(PDResources resources) throws IOException {
        List<PDFont> out = new ArrayList<>();
        if (resources == null) {
            return out;
        }
        for (COSName name : resources.getFontNames()) {
            out.add(resources.getFont(name));
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject xobject = resources.getXObject(name);
            if (xobject instanceof PDFormXObject form) {
                out.addAll(fonts(form.getResources()));
            }
        }
        return out;
    }

    /** Text without any white space: wrapped cells and justified lines break words where they like. */
    static String squeeze(String text) {
        return text.replaceAll("\\s+", "");
    }
}
