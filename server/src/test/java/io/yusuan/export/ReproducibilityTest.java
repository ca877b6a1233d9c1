package io.yusuan.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.Stamp;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.TimeZone;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same budget gives the same bytes: in every format, from fresh exporters, in any time zone, a moment later. */
class ReproducibilityTest {

    private static byte[] export(Exporter exporter, ExportFormat format, PublishedBudget budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(format, budget, out, ExportProgress.NONE);
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void sameBudgetSameBytes(ExportFormat format) throws Exception {
        for (PublishedBudget budget : new PublishedBudget[] {SampleBudgets.seed001(SampleBudgets.approved()),
                SampleBudgets.seed001(SampleBudgets.draft())}) {
            byte[] first = export(new Exporter(null), format, budget);
            // a second, independent exporter, later (past any second or millisecond boundary), elsewhere
            Thread.sleep(1100);
            TimeZone zone = TimeZone.getDefault();
            byte[] second;
            try {
                TimeZone.setDefault(TimeZone.getTimeZone(zone.getID().equals("Asia/Shanghai") ? "America/Lima" : "Asia/Shanghai"));
                second = export(new Exporter(null), format, budget);
            } finally {
                TimeZone.setDefault(zone);
            }
            assertArrayEquals(first, second, format + " differs between two exports of the same budget");
            Exporter shared = new Exporter(null);
            assertArrayEquals(export(shared, format, budget), export(shared, format, budget), format + " from one exporter");
        }
    }

    @Test
    void largeBudgetToo() throws IOException {
        PublishedBudget budget = SampleBudgets.large(SampleBudgets.draft());
        for (ExportFormat format : ExportFormat.values()) {
            assertArrayEquals(export(new Exporter(null), format, budget), export(new Exporter(null), format, budget),
                    format.toString());
        }
    }

    @Test
    void differentContentDifferentPdfIdentity() throws IOException {
        PublishedBudget one = SampleBudgets.seed001(SampleBudgets.approved());
        PublishedBudget other = SampleBudgets.seed001(Stamp.approved(3, SampleBudgets.HASH, "supervisor1",
                SampleBudgets.APPROVED_AT, 900));
        byte[][] ids = new byte[2][];
        int i = 0;
        for (PublishedBudget budget : new PublishedBudget[] {one, other}) {
            try (PDDocument doc = Loader.loadPDF(export(new Exporter(null), ExportFormat.PDF, budget))) {
                COSArray id = doc.getDocument().getTrailer().getCOSArray(COSName.ID);
                ids[i++] = ((org.apache.pdfbox.cos.COSString) id.get(0)).getBytes();
                assertEquals(SampleBudgets.APPROVED_AT, doc.getDocumentInformation().getCreationDate().toInstant());
                assertEquals(SampleBudgets.APPROVED_AT, doc.getDocumentInformation().getModificationDate().toInstant());
            }
        }
        assertEquals(16, ids[0].length);
        assertFalse(Arrays.equals(ids[0], ids[1]), "the document ID follows the content");
    }

    @Test
    void xlsxIsDatedWithTheStampNotTheClock() throws IOException {
        byte[] file = export(new Exporter(null), ExportFormat.XLSX, SampleBudgets.seed001(SampleBudgets.approved()));
        String core = XlsxExportTest.entries(file).get("docProps/core.xml");
        assertTrue(core.contains(">2024-02-20T08:30:00Z</dcterms:created>"), core);
        String sheet = XlsxExportTest.entries(file).get("xl/worksheets/sheet1.xml");
        assertTrue(sheet.indexOf("ref=\"A1:G1\"") < sheet.indexOf("ref=\"A3:B3\""), "merged regions sorted from the top");
    }
}
