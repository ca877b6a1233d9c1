package io.yusuan.export;

import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.PublishedTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The budget as an Excel workbook (fastexcel, no POI): one sheet per table laid out as published, then a
 * 说明 sheet when there is narrative. The workbook is built in memory and then rewritten by
 * {@link XlsxCanonical} so that the same budget always gives the same bytes.
 */
public final class XlsxBudgetWriter implements BudgetWriter {

    /** Chinese budget publications are set in 宋体; Excel and LibreOffice substitute when it is missing. */
    static final String FONT = "宋体";
    static final String AMOUNT_FORMAT = "#,##0.00";

    @Override
    public void write(PublishedBudget budget, OutputStream out, ExportProgress progress) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(64 * 1024);
        Workbook workbook = new Workbook(raw, "Yusuan", "1.0");
        // this archive is only an intermediate: XlsxCanonical compresses the final one
        workbook.setCompressionLevel(Deflater.NO_COMPRESSION);
        workbook.properties()
                .setTitle(budget.title())
                .setSubject(budget.stamp().label())
                .setCompany(budget.entity() == null ? "" : budget.entity());
        SheetNames names = new SheetNames();
        int total = budget.tables().size();
        int done = 0;
        for (PublishedTable table : budget.tables()) {
            Worksheet sheet = workbook.newWorksheet(names.next(sheetTitle(budget, table)));
            new XlsxTableSheet(sheet, budget.stamp(), table).write();
            // finishing a sheet writes it out and frees its rows: a large budget is not held twice
            sheet.finish();
            progress.tablesDone(++done, total);
        }
        if (!budget.narrative().isEmpty() || total == 0) {
            Worksheet sheet = workbook.newWorksheet(names.next("说明"));
            XlsxNarrativeSheet.write(sheet, budget);
            sheet.finish();
        }
        workbook.finish();
        XlsxCanonical.rewrite(raw.toByteArray(), budget.stamp(), out);
    }

    /** «表2 一般公共预算支出表»: the table number and its title without the entity and year in front. */
    static String sheetTitle(PublishedBudget budget, PublishedTable table) {
        String title = Tables.shortTitle(budget, table);
        return table.number() > 0 ? "表" + table.number() + " " + title : title;
    }
}
