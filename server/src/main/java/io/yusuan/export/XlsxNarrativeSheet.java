package io.yusuan.export;

import static io.yusuan.export.XlsxBudgetWriter.FONT;

import io.yusuan.domain.publish.NarrativeBlock;
import io.yusuan.domain.publish.PublishedBudget;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Worksheet;

/**
 * The 说明 on one sheet: the budget's title, the stamp, then each chapter's heading in bold and its
 * paragraphs, one wrapped cell each. Row heights are set from an estimate of the wrapped lines because
 * Excel does not grow a row for wrapped text written by a program.
 */
final class XlsxNarrativeSheet {

    private static final double WIDTH = 100;
    private static final double LINE_HEIGHT = 15;
    /** Excel's tallest row; longer paragraphs are split at sentence ends so no text is cut off. */
    private static final double MAX_ROW_HEIGHT = 409;
    private static final int MAX_CHUNK_WIDTH = (int) ((MAX_ROW_HEIGHT / LINE_HEIGHT - 1) * (WIDTH - 4));

    private XlsxNarrativeSheet() {
    }

    static void write(Worksheet sheet, PublishedBudget budget) {
        sheet.width(0, WIDTH);
        int row = 0;
        sheet.value(row, 0, budget.title() + " 说明");
        sheet.style(row, 0).fontName(FONT).fontSize(14).bold().horizontalAlignment("center").set();
        sheet.rowHeight(row++, 24);
        sheet.value(row, 0, budget.stamp().label());
        var stampStyle = sheet.style(row, 0).fontName(FONT).fontSize(10).horizontalAlignment("right");
        if (budget.stamp().draft()) {
            stampStyle.bold().fontColor("FFC00000");
        }
        stampStyle.set();
        row += 2;
        for (NarrativeBlock block : budget.narrative()) {
            if (block.heading() != null && !block.heading().isBlank()) {
                sheet.value(row, 0, block.heading().strip());
                sheet.style(row, 0).fontName(FONT).fontSize(12).bold().set();
                sheet.rowHeight(row++, 20);
            }
            for (String paragraph : paragraphs(block.text())) {
                for (String chunk : chunks(paragraph)) {
                    sheet.value(row, 0, chunk);
                    sheet.style(row, 0).fontName(FONT).fontSize(11).wrapText(true).verticalAlignment("top").set();
                    int lines = Math.max(1, (int) Math.ceil(TextWidth.of(chunk) / (WIDTH - 4)));
                    sheet.rowHeight(row++, Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3));
                }
            }
            row++;
        }
        sheet.paperSize(PaperSize.A4_PAPER);
        sheet.fitToWidth((short) 1);
        sheet.fitToHeight((short) 0);
        sheet.header(budget.stamp().label(), Position.RIGHT, FONT, 9);
        if (budget.stamp().draft()) {
            sheet.header("草稿", Position.LEFT, FONT, 16);
        }
        sheet.footer("第 &P 页 共 &N 页", Position.CENTER, FONT, 9);
    }

    /** Paragraphs are separated by blank lines; single line breaks inside one are kept. */
    static List<String> paragraphs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            String paragraph = part.strip();
            if (!paragraph.isEmpty()) {
                out.add(paragraph);
            }
        }
        return out;
    }

    private static List<String> chunks(String paragraph) {
        if (TextWidth.of(paragraph) <= MAX_CHUNK_WIDTH) {
            return List.of(paragraph);
        }
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int width = 0;
        for (int i = 0; i < paragraph.length(); ) {
            int cp = paragraph.codePointAt(i);
            i += Character.charCount(cp);
            current.appendCodePoint(cp);
            width += TextWidth.wide(cp) ? 2 : 1;
            boolean sentenceEnd = "。；！？".indexOf(cp) >= 0;
            if ((sentenceEnd && width > MAX_CHUNK_WIDTH * 0.8) || width >= MAX_CHUNK_WIDTH) {
                out.add(current.toString());
                current.setLength(0);
                width = 0;
            }
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }
}
