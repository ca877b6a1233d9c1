package io.yusuan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.publish.ColumnSpec;
import io.yusuan.domain.publish.HeaderCell;
import io.yusuan.domain.publish.PublishedTable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pieces every format leans on: figures, sheet names, the header grid, file names. */
class ExportHelpersTest {

    @Test
    void figuresAreGroupedButNeverRounded() {
        assertEquals("1,773.19", Figures.grouped(new BigDecimal("1773.19")));
        assertEquals("0.22", Figures.grouped(new BigDecimal("0.22")));
        assertEquals("-1,234,567.00", Figures.grouped(new BigDecimal("-1234567.00")));
        assertEquals("123,456.789", Figures.grouped(new BigDecimal("123456.789")), "three decimals stay three");
        assertEquals("100", Figures.grouped(new BigDecimal("1E+2")));
        assertEquals("1773.19", Figures.plain(new BigDecimal("1773.19")));
    }

    @Test
    void sheetNamesAreLegalShortAndUnique() {
        SheetNames names = new SheetNames();
        assertEquals("表1 收支总表", names.next("表1 收支总表"));
        assertEquals("表1 收支总表(2)", names.next("表1 收支总表"));
        assertEquals("a_b_c_d_e_f_g", names.next("a:b\\c/d?e*f[g"));
        String longName = names.next("表10 宿州市医疗保障局部门2024年政府购买服务支出表（含上级转移支付和提前下达资金）");
        assertEquals(31, longName.length());
        String clash = names.next("表10 宿州市医疗保障局部门2024年政府购买服务支出表（含上级转移支付和提前下达资金）");
        assertTrue(clash.endsWith("(2)") && clash.length() <= 31, clash);
        assertEquals("Sheet", names.next("''"));
        assertEquals("SHEET(2)", names.next("SHEET"), "unique ignoring case");
        assertEquals("Sheet_History", names.next("History"));
    }

    @Test
    void shortTitlesDropTheEntityAndYear() {
        var budget = SampleBudgets.seed001(SampleBudgets.approved());
        assertEquals("表1 财政拨款收支总表", XlsxBudgetWriter.sheetTitle(budget, budget.tables().get(0)));
        assertEquals("05_表9 项目支出表.csv", CsvBudgetWriter.fileName(4, budget, budget.tables().get(4)));
        assertEquals("宿州市医疗保障局2024年部门预算_v2.pdf", Exporter.fileName(budget, ExportFormat.PDF));
        assertEquals("宿州市医疗保障局2024年部门预算_草稿.xlsx",
                Exporter.fileName(SampleBudgets.seed001(SampleBudgets.draft()), ExportFormat.XLSX));
    }

    @Test
    void headerGridFillsHolesAndRefusesOverlaps() {
        List<ColumnSpec> columns = List.of(new ColumnSpec("a", ColumnSpec.Kind.CODE), new ColumnSpec("b", ColumnSpec.Kind.AMOUNT),
                new ColumnSpec("c", ColumnSpec.Kind.AMOUNT));
        PublishedTable holes = new PublishedTable(1, "t", "元",
                List.of(List.of(new HeaderCell("组", 1, 2, 1)), List.of(new HeaderCell("b", 1, 1, 1), new HeaderCell("c", 2, 1, 1))),
                columns, List.of(), null);
        HeaderGrid grid = new HeaderGrid(holes);
        assertEquals(2, grid.row(0).size(), "a blank fills column 0 of row 0");
        assertTrue(grid.row(0).get(0).filler());
        assertEquals("组 › c", grid.flatTitle(2));
        assertEquals("", grid.flatTitle(0));

        PublishedTable overlap = new PublishedTable(1, "t", "元",
                List.of(List.of(new HeaderCell("x", 0, 2, 2), new HeaderCell("y", 2, 1, 1)), List.of(new HeaderCell("z", 1, 1, 1))),
                columns, List.of(), null);
        assertThrows(IllegalArgumentException.class, () -> new HeaderGrid(overlap));
        PublishedTable outside = new PublishedTable(1, "t", "元", List.of(List.of(new HeaderCell("x", 2, 2, 1))),
                columns, List.of(), null);
        assertThrows(IllegalArgumentException.class, () -> new HeaderGrid(outside));

        PublishedTable none = new PublishedTable(1, "t", "元", List.of(), columns, List.of(), null);
        assertEquals("b", new HeaderGrid(none).flatTitle(1), "no header rows: the leaf titles");
    }

    @Test
    void unitLineAcceptsTheUnitOrTheWholeLine() {
        PublishedTable wan = new PublishedTable(1, "t", "万元", List.of(), List.of(), List.of(), null);
        PublishedTable line = new PublishedTable(1, "t", "单位：元", List.of(), List.of(), List.of(), null);
        assertEquals("单位：万元", Tables.unitLine(wan));
        assertEquals("单位：元", Tables.unitLine(line));
    }

    @Test
    void aStreamThatFailsIsReportedAsAnIOExceptionInEveryFormat() {
        var budget = SampleBudgets.seed001(SampleBudgets.approved());
        OutputStream gone = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("client went away");
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw new IOException("client went away");
            }
        };
        Exporter exporter = new Exporter(null);
        for (ExportFormat format : ExportFormat.values()) {
            assertThrows(IOException.class, () -> exporter.write(format, budget, gone, ExportProgress.NONE), format.toString());
        }
    }

    @Test
    void formatsKnowTheirContentTypes() {
        assertEquals("application/pdf", ExportFormat.PDF.contentType());
        assertEquals("zip", ExportFormat.CSV.extension());
        assertEquals(ExportFormat.XLSX, ExportFormat.parse(" xlsx "));
        assertEquals(null, ExportFormat.parse("doc"));
    }
}
