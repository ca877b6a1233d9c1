package io.yusuan.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.demo.DemoBudget;
import io.yusuan.domain.CellEdit;
import io.yusuan.templates.TemplateLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The published seed texts themselves, imported; counts asserted, not just "no exception". */
class ImportSeedTest {

    private static final Path SEEDS = Path.of("..", "..", "shared", "seeds");
    private static final BudgetImporter IMPORTER = new BudgetImporter(TemplateLibrary.shipped());

    private static void assertIdentified(ImportReport report, String template, String entity, int year) {
        assertEquals(template, report.templateId());
        assertEquals(entity, report.entity());
        assertEquals(year, report.year());
    }

    /** The importer's inputs are exactly the figures transcribed by hand into the demo budget. */
    private static void assertInputsAreTheTranscription(BudgetImporter.Result result, String demoFile) {
        DemoBudget demo = DemoBudget.resource(demoFile);
        assertEquals(new HashSet<>(demo.values()), new HashSet<CellEdit>(result.draft().inputs()));
    }

    private static int differences(ImportReport report) {
        return report.tables().stream().mapToInt(t -> t.differences().size()).sum();
    }

    private static int derivedEqual(ImportReport report) {
        return report.tables().stream().mapToInt(ImportReport.Table::derivedEqual).sum();
    }

    private static String seed(String name) throws Exception {
        return Files.readString(SEEDS.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void seed001ImportsIntoTheAnhuiTemplateWithEveryFigureAccountedFor() throws Exception {
        BudgetImporter.Result result = IMPORTER.read(seed("001_4c40129985d12d4c.txt"));
        ImportReport report = result.report();
        Map<String, String> perTable = new TreeMap<>();
        for (ImportReport.Table table : report.tables()) {
            perTable.put("表" + table.number(), table.section() + " imported=" + table.imported() + " equal="
                    + table.derivedEqual() + " differ=" + table.differences().size());
        }
        assertEquals("fin_summary imported=3 equal=6 differ=10", perTable.get("表1"));
        assertEquals("gp_exp imported=16 equal=36 differ=9", perTable.get("表2"));
        assertEquals("basic_exp imported=31 equal=2 differ=2", perTable.get("表3"));
        assertEquals("dept_exp imported=16 equal=36 differ=9", perTable.get("表7"));
        // Every difference is the 万元 rounding remainder (DOMAIN.md: 19 尾差 of ±0.01 万元 in the
        // printed tables; here they also propagate into the derived parents and cross-table lines).
        assertTrue(report.tables().stream().flatMap(t -> t.differences().stream())
                .allMatch(d -> d.explanation().startsWith("尾差")));
        // Tables the template does not have yet are reported, not silently dropped.
        assertEquals(7, report.unplaced().size(), report.unplaced()::toString);
        assertTrue(report.unplaced().stream().allMatch(u -> u.contains("模板 anhui-dept 中没有这张表")));
        assertIdentified(report, "anhui-dept", "宿州市医疗保障局", 2024);
        assertInputsAreTheTranscription(result, "suzhou-2024.json");
    }

    @Test
    void seed002ImportsIntoTheShaanxiTemplateWithNoDifference() throws Exception {
        BudgetImporter.Result result = IMPORTER.read(seed("002_208f12fb395773e2.txt"));
        ImportReport report = result.report();
        assertIdentified(report, "shaanxi-unit", "西乡县医疗保险业务经办中心", 2024);
        // 表7 is printed over two pages with its heading and 合计 repeated: one table here.
        assertEquals(1, report.tables().stream().filter(t -> t.number() == 7).count());
        assertEquals(0, differences(report));
        assertEquals(188, derivedEqual(report));
        // Only 表10 (project list) has no place in the template yet, and it is listed.
        assertEquals(1, report.unplaced().size(), report.unplaced()::toString);
        // DOMAIN.md: 表6 names 30309 "奖金" (standard 奖励金) — the one finding.
        assertEquals(List.of("C02:gp_econ:30309"), report.checks().stream().map(c -> c.key()).toList());
        assertInputsAreTheTranscription(result, "xixiang-2024.json");
    }

    @Test
    void seed003ImportsDespiteItsOcrDamage() throws Exception {
        BudgetImporter.Result result = IMPORTER.read(seed("003_ce6cab5f862a266e.txt"));
        ImportReport report = result.report();
        // The page headers say 南宫 (once misread as 南京); the document heading decides.
        assertIdentified(report, "hebei-dept", "南宫市医疗保障局", 2023);
        // No "表 N" headings: tables start at their titles; numbers like "6810 0200 .00" and rows split
        // across pages ("9162 500." … "00") are joined; every derived figure printed agrees.
        assertEquals(0, differences(report));
        assertEquals(125, derivedEqual(report));
        assertInputsAreTheTranscription(result, "nangong-2023.json");
    }

    @Test
    void damagedAndForeignInputsGiveAClearErrorNotACrash() {
        for (String text : new String[]{"", "   \n", "这是一段普通的文字，不是预算。\n第二行。",
                "表 1\n某某表\n| a | b |\n| 1 | 2 |", "\u0000\u0001garbage\t\t\n"}) {
            ImportException error = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                    () -> IMPORTER.read(text));
            assertTrue(!error.getMessage().isBlank());
        }
    }

    @Test
    void aTruncatedTableStillImportsWhatItHasAndListsWhatItCannotPlace() throws Exception {
        String full = seed("001_4c40129985d12d4c.txt");
        // Cut table 2 off in the middle of a line, and drop a garbage line into table 3.
        int cut = full.indexOf("| 2101505 |");
        String damaged = full.substring(0, cut + 14) + "\n" + full.substring(full.indexOf("表 3"))
                .replace("| 30101 | 基本工资 | 186.43 |", "| 30101 | 基本工资 | 186.43 |\n| ### | ??? | 12.5 |");
        ImportReport report = IMPORTER.read(damaged).report();
        assertTrue(report.unplaced().stream().anyMatch(u -> u.contains("???")), report.unplaced()::toString);
        assertTrue(report.tables().stream().anyMatch(t -> "gp_exp".equals(t.section()) && t.imported() > 0));
    }

    @Test
    void aTextWithFarMoreTablesThanABudgetIsRefused() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            text.append("表 ").append(i % 99 + 1).append("\n第").append(i).append("张一般公共预算支出表\n| 201 | x | 1 |\n");
        }
        ImportException error = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> IMPORTER.read(text.toString()));
        assertTrue(error.getMessage().contains("张表"), error.getMessage());
    }

    @Test
    void aTenMegabyteFileIsHandled() throws Exception {
        StringBuilder big = new StringBuilder(seed("001_4c40129985d12d4c.txt"));
        String filler = "这一行只是填充的说明文字，用来把文件撑到十兆字节。\n";
        while (big.length() < 10 * 1024 * 1024 / 3) {
            big.append(filler);
        }
        ImportReport report = IMPORTER.read(big.toString()).report();
        assertEquals("anhui-dept", report.templateId());
        assertEquals(4, report.tables().stream().filter(t -> t.section() != null).count());
    }
}
