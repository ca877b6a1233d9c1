package io.yusuan.export;

import io.yusuan.domain.publish.PublishedBudget;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one entry point the server needs: {@code exporter.write(format, budget, out, progress)}. Blocking
 * plain Java (run it with {@code executeBlocking}); safe to share between threads, each call builds its
 * own workbook or document. The PDF font is looked up on the first PDF export and then kept.
 */
public final class Exporter {

    private final String pdfFontSetting;
    private final Map<ExportFormat, BudgetWriter> writers = new EnumMap<>(ExportFormat.class);
    private volatile CjkFont font;

    /** @param pdfFontSetting the server's {@code PDF_FONT} setting ({@code /path/font.ttc,0}), or null for the default */
    public Exporter(String pdfFontSetting) {
        this.pdfFontSetting = pdfFontSetting;
        writers.put(ExportFormat.XLSX, new XlsxBudgetWriter());
        writers.put(ExportFormat.PDF, new PdfBudgetWriter(this::pdfFont));
        writers.put(ExportFormat.CSV, new CsvBudgetWriter());
        writers.put(ExportFormat.JSON, new JsonBudgetWriter());
    }

    /**
     * Writes the budget in that format to {@code out} (not closed). The same budget gives the same bytes.
     *
     * @throws FontUnavailableException for PDF when no Chinese font can be found
     */
    public void write(ExportFormat format, PublishedBudget budget, OutputStream out, ExportProgress progress)
            throws IOException {
        writers.get(format).write(budget, out, progress == null ? ExportProgress.NONE : progress);
    }

    /** «宿州市医疗保障局2024年部门预算_v2.pdf», «…_草稿.xlsx»: a download name (not ASCII: send it with RFC 5987). */
    public static String fileName(PublishedBudget budget, ExportFormat format) {
        String base = (budget.title() == null || budget.title().isBlank() ? "budget" : budget.title().strip())
                .replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        String version = budget.stamp().draft() ? "草稿" : "v" + budget.stamp().versionNumber();
        return base + "_" + version + "." + format.extension();
    }

    /**
     * Finds the PDF font now (the server can call this at start to log {@link CjkFont#source()} or warn).
     *
     * @throws FontUnavailableException with what to install or set
     */
    public CjkFont pdfFont() {
        CjkFont resolved = font;
        if (resolved == null) {
            synchronized (this) {
                resolved = font;
                if (resolved == null) {
                    resolved = CjkFont.resolve(pdfFontSetting);
                    font = resolved;
                }
            }
        }
        return resolved;
    }
}
