package io.yusuan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.publish.NarrativeBlock;
import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.PublishedCell;
import io.yusuan.domain.publish.PublishedRow;
import io.yusuan.domain.publish.PublishedTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

/** The workbook read back with fastexcel-reader and compared with the model, cell by cell. */
class XlsxExportTest {

    private static byte[] xlsx(PublishedBudget budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxBudgetWriter().write(budget, out, ExportProgress.NONE);
        return out.toByteArray();
    }

    @Test
    void everyTableIsASheetLaidOutAsPublished() throws IOException {
        PublishedBudget budget = SampleBudgets.seed001(SampleBudgets.approved());
        byte[] file = xlsx(budget);
        Map<String, String> xml = entries(file);

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file), new ReadingOptions(true, false))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(budget.tables().size() + 1, sheets.size(), "one sheet per table plus 说明");
            Set<String> names = new HashSet<>();
            for (int i = 0; i < budget.tables().size(); i++) {
                PublishedTable table = budget.tables().get(i);
                Sheet sheet = sheets.get(i);
                assertTrue(sheet.getName().startsWith("表" + table.number() + " "), sheet.getName());
                assertTrue(sheet.getName().length() <= 31, sheet.getName());
                assertTrue(names.add(sheet.getName().toLowerCase()));
                checkTable(table, sheet.read(), xml.get("xl/worksheets/sheet" + (i + 1) + ".xml"), budget);
            }
            assertEquals("表2 一般公共预算支出表", sheets.get(1).getName(), "entity and year dropped from the sheet name");
            assertEquals("说明", sheets.get(sheets.size() - 1).getName());
            checkNarrative(budget, sheets.get(sheets.size() - 1).read());
        }
    }

    private static void checkTable(PublishedTable table, List<Row> rows, String sheetXml, PublishedBudget budget) {
        Map<Integer, Row> byNumber = new HashMap<>();
        rows.forEach(r -> byNumber.put(r.getRowNum() - 1, r));
        assertEquals(table.heading(), text(byNumber, 0, 0));
        assertEquals(Tables.unitLine(table), text(byNumber, 1, 0));
        assertTrue(rowText(byNumber.get(1)).contains(budget.stamp().label()), "stamp on the sheet: " + table.heading());

        // header: every cell at its place, every span a merged region
        HeaderGrid grid = new HeaderGrid(table);
        Set<String> merged = mergedRegions(sheetXml);
        for (HeaderGrid.Placed cell : grid.all()) {
            int r = XlsxTableSheet.FIRST_HEADER_ROW + cell.row();
            assertEquals(cell.text(), text(byNumber, r, cell.column()), table.heading() + " header " + cell);
            if (cell.rowSpan() > 1 || cell.colSpan() > 1) {
                String ref = ref(r, cell.column()) + ":" + ref(r + cell.rowSpan() - 1, cell.column() + cell.colSpan() - 1);
                assertTrue(merged.contains(ref), table.heading() + " merged " + ref + " in " + merged);
            }
        }
        int first = XlsxTableSheet.FIRST_HEADER_ROW + grid.rows();
        if (table.empty()) {
            assertEquals(table.emptyNote(), text(byNumber, first, 0));
            assertTrue(merged.contains(ref(first, 0) + ":" + ref(first, table.columns().size() - 1)));
            first++;
        }
        // body: codes and texts as strings, amounts as numbers with the amount format, blanks empty
        for (int i = 0; i < table.rows().size(); i++) {
            PublishedRow printed = table.rows().get(i);
            Row row = byNumber.get(first + i);
            for (int c = 0; c < table.columns().size(); c++) {
                PublishedCell expected = printed.cells().get(c);
                Cell cell = row == null ? null : row.getCell(c);
                String where = table.heading() + " row " + i + " column " + c;
                if (expected instanceof PublishedCell.Amount amount) {
                    assertEquals(CellType.NUMBER, cell.getType(), where);
                    assertEquals(0, amount.shown().compareTo(cell.asNumber()), where);
                    assertEquals(XlsxBudgetWriter.AMOUNT_FORMAT, cell.getDataFormatString(), where);
                } else if (expected instanceof PublishedCell.Text t) {
                    assertEquals(CellType.STRING, cell.getType(), where + " (codes are text, never numbers)");
                    assertEquals(t.text(), cell.asString(), where);
                } else {
                    assertTrue(cell == null || cell.getType() == CellType.EMPTY, where + " should be blank: " + cell);
                }
            }
        }
        assertTrue(header(sheetXml).contains(budget.stamp().label()), "the printed header carries the stamp");
    }

    private static void checkNarrative(PublishedBudget budget, List<Row> rows) {
        List<String> texts = new ArrayList<>();
        rows.forEach(r -> texts.add(rowText(r)));
        String all = String.join("\n", texts);
        assertTrue(all.contains(budget.stamp().label()));
        for (NarrativeBlock block : budget.narrative()) {
            assertTrue(texts.contains(block.heading()), block.heading());
            for (String paragraph : XlsxNarrativeSheet.paragraphs(block.text())) {
                assertTrue(all.contains(paragraph), paragraph);
            }
        }
    }

    @Test
    void aDraftSaysSoOnEverySheetAndEveryPrintedPage() throws IOException {
        PublishedBudget budget = SampleBudgets.seed001(SampleBudgets.draft());
        byte[] file = xlsx(budget);
        Map<String, String> xml = entries(file);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            for (int i = 0; i < sheets.size(); i++) {
                String visible = sheets.get(i).read().stream().limit(3).map(XlsxExportTest::rowText)
                        .reduce("", String::concat);
                assertTrue(visible.contains("草稿"), sheets.get(i).getName() + ": " + visible);
                String sheetXml = xml.get("xl/worksheets/sheet" + (i + 1) + ".xml");
                assertTrue(header(sheetXml).contains("草稿"), sheets.get(i).getName() + " printed header");
            }
        }
        // an approved version does not
        Map<String, String> approved = entries(xlsx(SampleBudgets.seed001(SampleBudgets.approved())));
        assertFalse(header(approved.get("xl/worksheets/sheet1.xml")).contains("草稿"));
    }

    @Test
    void headerRowsAreFrozenAndRepeatedWhenPrinted() throws IOException {
        Map<String, String> xml = entries(xlsx(SampleBudgets.seed001(SampleBudgets.approved())));
        String workbook = xml.get("xl/workbook.xml");
        assertTrue(workbook.contains("_xlnm.Print_Titles"), workbook);
        assertTrue(xml.get("xl/worksheets/sheet2.xml").contains("ySplit=\"4\""), "frozen under the two header rows");
        assertTrue(xml.get("xl/worksheets/sheet5.xml").contains("orientation=\"landscape\""), "表9 is wide");
        assertTrue(xml.get("xl/worksheets/sheet2.xml").contains("orientation=\"portrait\""));
    }

    @Test
    void largeBudgetReadsBack() throws IOException {
        PublishedBudget budget = SampleBudgets.large(SampleBudgets.approved());
        byte[] file = xlsx(budget);
        List<int[]> progress = new ArrayList<>();
        new XlsxBudgetWriter().write(budget, OutputStreamSink.INSTANCE, (done, total) -> progress.add(new int[] {done, total}));
        assertEquals(12, progress.size());
        assertEquals(12, progress.get(11)[0]);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(13, sheets.size());
            List<Row> rows = sheets.get(10).read();
            PublishedTable table = budget.tables().get(10);
            Row last = rows.get(rows.size() - 1);
            PublishedRow expected = table.rows().get(table.rows().size() - 1);
            assertEquals(((PublishedCell.Text) expected.cells().get(0)).text(), last.getCell(0).asString());
            assertEquals(0, ((PublishedCell.Amount) expected.cells().get(2)).shown().compareTo(last.getCell(2).asNumber()));
        }
    }

    // ---- reading the raw parts of the file ----

    static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Set<String> mergedRegions(String sheetXml) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("<mergeCell ref=\"([A-Z0-9:]+)\"/>").matcher(sheetXml);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** The printed page header, its character references decoded (fastexcel writes non-ASCII as &#x…;). */
    private static String header(String sheetXml) {
        int start = sheetXml.indexOf("<oddHeader>");
        String raw = start < 0 ? "" : sheetXml.substring(start, sheetXml.indexOf("</oddHeader>"));
        Matcher m = Pattern.compile("&#x([0-9a-fA-F]+);").matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String ref(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + (row + 1);
    }

    private static String text(Map<Integer, Row> rows, int row, int column) {
        Row r = rows.get(row);
        if (r == null || r.getCell(column) == null) {
            return null;
        }
        return r.getCell(column).getText();
    }

    private static String rowText(Row row) {
        StringBuilder out = new StringBuilder();
        if (row != null) {
            row.forEach(c -> out.append(c == null ? "" : c.getText()).append(' '));
        }
        return out.toString().trim();
    }

    /** Discards what is written: for runs that only observe progress. */
    static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
