package io.yusuan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CjkFontTest {

    @Test
    void theBuildShipsTheFontInTheJar() {
        // the build copies Debian's file to fonts/ when the machine has it, as this one does
        assertTrue(Files.isReadable(CjkFont.DEBIAN), "fonts-wqy-microhei is installed on the build machine");
        assertEquals("classpath:fonts/wqy-microhei.ttc", CjkFont.resolve(null).source());
        assertEquals("classpath:fonts/wqy-microhei.ttc", CjkFont.resolve("  ").source());
    }

    @Test
    void anExplicitPathWins() {
        assertEquals(CjkFont.DEBIAN + ",0", CjkFont.resolve(CjkFont.DEBIAN.toString()).source());
        assertEquals(CjkFont.DEBIAN + ",0", CjkFont.resolve(CjkFont.DEBIAN + ",0").source());
    }

    @Test
    void aMissingFontSaysWhatToDo() {
        FontUnavailableException e = assertThrows(FontUnavailableException.class,
                () -> CjkFont.resolve("/nonexistent/font.ttc,0"));
        assertTrue(e.getMessage().contains("PDF_FONT=/nonexistent/font.ttc,0"), e.getMessage());
        assertTrue(e.getMessage().contains("fonts-wqy-microhei"), e.getMessage());
    }

    @Test
    void aFileThatIsNoFontIsRefusedWhenConfigured() throws Exception {
        Path bogus = Files.createTempFile("not-a-font", ".ttf");
        try {
            Files.writeString(bogus, "hello");
            assertThrows(FontUnavailableException.class, () -> CjkFont.resolve(bogus.toString()));
        } finally {
            Files.delete(bogus);
        }
    }

    @Test
    void thePdfExportReportsAMissingFontAndOtherFormatsStillWork() throws Exception {
        Exporter exporter = new Exporter("/nonexistent/font.ttf");
        var budget = SampleBudgets.seed001(SampleBudgets.approved());
        assertThrows(FontUnavailableException.class,
                () -> exporter.write(ExportFormat.PDF, budget, new ByteArrayOutputStream(), ExportProgress.NONE));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(ExportFormat.XLSX, budget, out, ExportProgress.NONE);
        assertTrue(out.size() > 0);
    }
}
