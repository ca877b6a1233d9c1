package io.yusuan.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.demo.DemoBudget;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.CellEdit;
import io.yusuan.domain.CellsEdited;
import io.yusuan.domain.SectionMark;
import io.yusuan.domain.SectionsMarked;
import io.yusuan.domain.TextEdit;
import io.yusuan.domain.TextsEdited;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import io.yusuan.importer.ImportReport.Figure;
import io.yusuan.importer.ImportReport.Status;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.templates.TemplateLibrary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The published seed texts themselves, imported. For every printed table, every number it prints
 * is accounted for — an input, a derived figure equal or different (each difference explained by a
 * flagged rule result), a text, a figure printed again, a zero of a 空表, a code or 序号, or missing —
 * and compared with the value the imported document holds. Counts are asserted exactly.
 */
class ImportSeedTest {

    private static final Path SEEDS = Path.of("..", "..", "shared", "seeds");
    private static final TemplateLibrary LIBRARY = TemplateLibrary.shipped();
    private static final BudgetImporter IMPORTER = new BudgetImporter(LIBRARY);

    private static String seed(String name) throws Exception {
        return Files.readString(SEEDS.resolve(name), StandardCharsets.UTF_8);
    }

    private static void assertIdentified(ImportReport report, String template, String entity, int year) {
        assertEquals(template, report.templateId());
        assertEquals(entity, report.entity());
        assertEquals(year, report.year());
    }

    /** The document the draft creates, built the way DocumentCreator builds it. */
    private static BudgetState document(BudgetImporter.Draft draft) {
        DocumentInfo info = new DocumentInfo(1, draft.templateId(), draft.title(), draft.unit(), draft.year(), draft.rows());
        BudgetState state = BudgetState.replay(LIBRARY.factoryFor(info), draft.rows(), 0, Map.of(), List.of());
        Actor actor = new Actor(1, "测试");
        state.apply(new CellsEdited(draft.inputs()), actor, null, Instant.EPOCH);
        if (!draft.texts().isEmpty()) {
            state.apply(new TextsEdited(draft.texts(), null), actor, null, Instant.EPOCH);
        }
        if (!draft.emptySections().isEmpty()) {
            state.apply(new SectionsMarked(draft.emptySections().entrySet().stream()
                    .map(e -> new SectionMark(e.getKey(), true, e.getValue())).toList()), actor, null, Instant.EPOCH);
        }
        return state;
    }

    /**
     * Every printed number of every table, checked against the document: inputs and derived-equal
     * figures are the document's values, derived-different ones are not and name a flagged rule
     * result, texts are in their cells, 空表 zeros are in tables marked 空表. Also: the table's
     * numbers (counted here from the text, independently of the reader) are all accounted for.
     * Returns the counts per status over all tables.
     */
    private static Map<Status, Long> checkEveryNumber(BudgetImporter.Result result, String text) {
        BudgetState document = document(result.draft());
        ImportReport report = result.report();
        Set<String> flagged = report.checks().stream().map(RuleResult::key).collect(Collectors.toSet());
        List<RawTable> printed = PublishedText.parse(text).tables;
        assertEquals(printed.size(), report.tables().size(), "every printed table is reported");
        Map<Status, Long> counts = new TreeMap<>();
        for (int t = 0; t < printed.size(); t++) {
            RawTable table = printed.get(t);
            ImportReport.Table reported = report.tables().get(t); // in the order printed
            assertEquals(table.title(), reported.title());
            long numbers = table.rows().stream().flatMap(List::stream).filter(ImportSeedTest::looksLikeANumber).count();
            assertEquals(numbers + fragmentsJoined(reported), reported.figures().size(),
                    table.name() + " every printed number accounted for");
            for (Figure f : reported.figures()) {
                counts.merge(f.status(), 1L, Long::sum);
                String where = table.name() + " " + f.cell() + " printed " + f.printed();
                switch (f.status()) {
                    case INPUT, DERIVED_EQUAL -> {
                        Money value = document.valueOf(f.cell());
                        assertEquals(f.value(), value == null ? Money.ZERO : value, where);
                        if (looksLikeANumber(f.printed())) { // else the start of a number finished on the next page
                            assertEquals(Amounts.parse(f.printed(), unitOf(table, f)).orElse(null), f.value(),
                                    where + " read as printed");
                        }
                    }
                    case REPEATED -> assertEquals(Amounts.parse(f.printed(), unitOf(table, f)).orElse(null), f.value(), where);
                    case DERIVED_DIFFERENT -> {
                        Money value = document.valueOf(f.cell());
                        assertNotEquals(f.value(), value == null ? Money.ZERO : value, where);
                        assertNotNull(f.ruleKey(), where + " is explained");
                        assertTrue(flagged.contains(f.ruleKey()), where + ": " + f.ruleKey() + " is a flagged result");
                    }
                    case TEXT -> assertTrue(document.text(f.cell()).contains(PrintedText.clean(f.printed())), where);
                    case EMPTY_TABLE -> assertEquals(Money.ZERO, f.value(), where);
                    case LABEL, MISSING -> assertTrue(f.cell() == null || f.status() == Status.MISSING, where);
                    default -> throw new AssertionError(f.status());
                }
            }
            if (reported.emptyNote() != null) {
                assertEquals(reported.emptyNote(), document.emptySections().get(reported.section()));
            }
        }
        return counts;
    }

    /** A 绩效 card's amounts are in 万元 when it says so, whatever the document's unit. */
    private static long unitOf(RawTable table, Figure f) {
        boolean wan = table.rows().stream().flatMap(List::stream).anyMatch(c -> c.contains("万元"));
        return f.cell().section().startsWith("perf") || f.cell().section().equals("dept_perf")
                ? (wan ? 10_000 : table.unitFactor()) : table.unitFactor();
    }

    /** A number finished on the next page ("9162 500." + "00") counts once, where it starts. */
    private static long fragmentsJoined(ImportReport.Table table) {
        return table.figures().stream().filter(f -> f.cell() != null && !looksLikeANumber(f.printed())).count();
    }

    /** A cell that reads as a number: digits, with the separators and spaces OCR leaves in them. */
    private static boolean looksLikeANumber(String cell) {
        String t = cell.replaceAll("[\\s,，]", "");
        return t.matches("-?\\d+(\\.\\d+)?") && t.length() <= 24;
    }

    private static String counts(ImportReport.Table t) {
        return t.section() + " input=" + t.count(Status.INPUT) + " equal=" + t.count(Status.DERIVED_EQUAL)
                + " different=" + t.count(Status.DERIVED_DIFFERENT) + " missing=" + t.count(Status.MISSING)
                + (t.count(Status.TEXT) > 0 ? " text=" + t.count(Status.TEXT) : "")
                + (t.count(Status.REPEATED) > 0 ? " repeated=" + t.count(Status.REPEATED) : "")
                + (t.count(Status.EMPTY_TABLE) > 0 ? " emptyTable=" + t.count(Status.EMPTY_TABLE) : "");
    }

    private static Map<String, String> perTable(ImportReport report) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ImportReport.Table t : report.tables()) {
            out.merge(t.number() > 0 ? "表" + t.number() : t.title(), counts(t), (a, b) -> a + "; " + b);
        }
        return out;
    }

    private static Map<String, Severity> checks(ImportReport report, String prefix) {
        Map<String, Severity> out = new TreeMap<>();
        report.checks().stream().filter(c -> c.key().startsWith(prefix)).forEach(c -> out.put(c.key(), c.severity()));
        return out;
    }

    /** The importer's reading is the demo budget's structured data: the same lines, inputs and texts. */
    private static void assertTheDemoIsTheReading(BudgetImporter.Result result, String demoFile, Set<String> demoOnly,
                                                  Set<String> ownWords) {
        DemoBudget demo = DemoBudget.resource(demoFile);
        BudgetImporter.Draft draft = result.draft();
        assertEquals(new HashSet<>(demo.values().stream().filter(v -> !demoOnly.contains(v.cell().section())).toList()),
                new HashSet<CellEdit>(draft.inputs()));
        Map<String, List<CodeRow>> demoRows = new TreeMap<>(demo.rows());
        demoOnly.forEach(demoRows::remove);
        assertEquals(demoRows, new TreeMap<>(draft.rows()));
        Set<TextEdit> demoTexts = new HashSet<>(demo.texts());
        Set<TextEdit> read = new HashSet<>(draft.texts());
        demoTexts.removeIf(t -> ownWords.contains(t.cell().column()) || t.cell().section().equals("narrative"));
        read.removeIf(t -> ownWords.contains(t.cell().column()) || t.cell().section().equals("narrative"));
        assertEquals(demoTexts, read);
        assertEquals(demo.emptySections().keySet(), draft.emptySections().keySet(), "the same tables are 空表");
    }

    @Test
    void seed001EveryNumberIsAccountedForAndItsDefectsAreFlagged() throws Exception {
        String text = seed("001_4c40129985d12d4c.txt");
        BudgetImporter.Result result = IMPORTER.read(text);
        ImportReport report = result.report();
        assertIdentified(report, "anhui-dept", "宿州市医疗保障局", 2024);
        Map<String, String> tables = perTable(report);
        assertEquals("fin_summary input=3 equal=6 different=10 missing=0", tables.get("表1"));
        assertEquals("gp_exp input=16 equal=36 different=9 missing=0", tables.get("表2"));
        assertEquals("basic_exp input=31 equal=2 different=2 missing=0", tables.get("表3"));
        assertEquals("gf_exp input=0 equal=0 different=0 missing=0", tables.get("表4"));
        assertEquals("summary input=0 equal=4 different=4 missing=0", tables.get("表5"));
        assertEquals("income input=1 equal=50 different=11 missing=0", tables.get("表6"));
        assertEquals("dept_exp input=16 equal=36 different=9 missing=0", tables.get("表7"));
        assertEquals("soe_exp input=0 equal=0 different=0 missing=0", tables.get("表8"));
        assertEquals("projects input=14 equal=18 different=0 missing=0", tables.get("表9"));
        assertEquals("procurement input=2 equal=8 different=0 missing=0", tables.get("表10"));
        assertEquals("purchase_services input=1 equal=0 different=0 missing=0 text=1", tables.get("表11"));
        // Ten 项目支出绩效目标表 printed, two of them a second time (医保经办能力提升, 医疗保障基金安全监管经费).
        assertEquals(10, report.tables().stream().filter(t -> "perf_projects".equals(t.section())).count());
        assertEquals(8, result.draft().rows().get("perf_projects").size());

        Map<Status, Long> all = checkEveryNumber(result, text);
        assertEquals(108, all.get(Status.INPUT), all::toString);
        assertEquals(168, all.get(Status.DERIVED_EQUAL), all::toString);
        assertEquals(45, all.get(Status.DERIVED_DIFFERENT), all::toString);
        assertEquals(8, all.get(Status.REPEATED), all::toString);
        assertEquals(4, all.get(Status.TEXT), all::toString); // 表11: 购买数量; 部门预算构成: 序
        assertEquals(null, all.get(Status.MISSING), all::toString);
        assertEquals(118, all.get(Status.LABEL), all::toString); // codes of the code tables
        assertEquals(null, all.get(Status.EMPTY_TABLE), all::toString); // 表4 and 表8 print no number

        // DOMAIN.md's defects of seed 001, each flagged by its rule:
        // 表6 prints six 项 codes one digit short: read as the 7-digit codes of 表2/表7, flagged C01.
        assertEquals(Map.of("C01:income:201999", Severity.WARNING, "C01:income:208010", Severity.WARNING,
                "C01:income:208050", Severity.WARNING, "C01:income:208999", Severity.WARNING,
                "C01:income:210019", Severity.WARNING, "C01:income:210159", Severity.WARNING), checks(report, "C01"));
        assertTrue(result.draft().rows().get("income").stream().map(CodeRow::code).toList()
                .containsAll(List.of("2019999", "2080109", "2080505", "2089999", "2100199", "2101599")));
        // 表9 puts the 1.43 of 上级转移支付 in the 单位资金 column: more 单位资金 spent than received (X13).
        assertEquals(Map.of("X13-1", Severity.WARNING), checks(report, "X13"));
        // No 三公 table, though 30217 公务接待费 = 3.00 (X11 and X10).
        assertEquals(Severity.WARNING, checks(report, "X11").get("X11:three_public"));
        assertEquals(1, checks(report, "X11").size());
        assertEquals(Map.of("X10-1", Severity.WARNING), checks(report, "X10"));
        // 30110 46.51 vs 2101101 + 2101102 = 46.60: the soft pair (X07).
        assertEquals(Map.of("X07-5", Severity.WARNING), checks(report, "X07"));
        // Every other difference is 尾差 of the 万元 rounding: information only.
        for (ImportReport.Difference d : report.tables().stream().flatMap(t -> t.differences().stream()).toList()) {
            RuleResult why = report.checks().stream().filter(c -> c.key().equals(d.ruleKey())).findFirst().orElseThrow();
            assertEquals(Severity.INFO, why.severity(), d.toString());
            assertTrue(why.message().startsWith("尾差"), why.message());
        }
        // Tables printed empty are marked 空表 with the printed note.
        assertEquals(Map.of("gf_exp", "宿州市医疗保障局部门没有政府性基金预算拨款收入，也没有政府性基金预算拨款安排的支出，故本表无数据",
                "soe_exp", "宿州市医疗保障局部门没有国有资本经营预算拨款收入，也没有国有资本经营预算拨款安排的支出，故本表无数字。"),
                result.draft().emptySections());
        // The 说明: every chapter of the template's list that the text has.
        assertEquals(16, result.draft().texts().stream().filter(t -> t.cell().section().equals("narrative")).count());
        // The card printed twice differently is reported, not silently merged.
        assertEquals(1, report.unplaced().size(), report.unplaced()::toString);
        assertTrue(report.unplaced().get(0).contains("医保经办能力提升"));
        assertTheDemoIsTheReading(result, "suzhou-2024.json", Set.of(), Set.of("goal"));
        // The 说明 against the tables: the three rates computed on the wrong base, nothing else above 尾差.
        assertEquals(List.of("T03 ERROR 45.53%", "T03 ERROR 45.79%", "T03 ERROR 15.77%"), narrative(report, "应为"));
        assertTrue(report.checks().stream().filter(c -> c.key().startsWith("narrative:T01"))
                .allMatch(c -> c.severity() == io.yusuan.domain.rules.Severity.INFO && c.message().startsWith("尾差")),
                "quotes of a 万元 table's rounded totals are 尾差, not errors");
    }

    @Test
    void seed002EveryNumberIsAccountedForAndItsDefectsAreFlagged() throws Exception {
        String text = seed("002_208f12fb395773e2.txt");
        BudgetImporter.Result result = IMPORTER.read(text);
        ImportReport report = result.report();
        assertIdentified(report, "shaanxi-unit", "西乡县医疗保险业务经办中心", 2024);
        Map<String, String> tables = perTable(report);
        // 表1's spending lines are drawn from 表3, which the text lists in its 目录 but never prints.
        assertEquals("summary input=31 equal=51 different=6 missing=0", tables.get("表1"));
        assertEquals("fin_summary input=17 equal=57 different=0 missing=0", tables.get("表4"));
        assertEquals("gp_exp input=6 equal=26 different=0 missing=0", tables.get("表5"));
        assertEquals("gp_econ input=20 equal=27 different=0 missing=0", tables.get("表6"));
        // 表7 is printed over two pages with its heading and 合计 repeated: one table, the 合计 once.
        assertEquals("basic_func input=5 equal=23 different=0 missing=0 repeated=3", tables.get("表7"));
        assertEquals(11, result.draft().rows().get("basic_func").size());
        assertEquals("basic_exp input=15 equal=24 different=0 missing=0", tables.get("表8"));
        assertEquals("gf_exp input=0 equal=0 different=0 missing=0 emptyTable=44", tables.get("表9"));
        assertEquals("projects input=1 equal=5 different=0 missing=0 text=2", tables.get("表10"));
        assertEquals("perf_projects input=1 equal=1 different=0 missing=0", tables.get("表13"));
        assertEquals("dept_perf input=6 equal=6 different=0 missing=0", tables.get("表14"));
        assertEquals("special_perf input=0 equal=0 different=0 missing=0", tables.get("表15"));

        Map<Status, Long> all = checkEveryNumber(result, text);
        assertEquals(102, all.get(Status.INPUT), all::toString);
        assertEquals(220, all.get(Status.DERIVED_EQUAL), all::toString);
        assertEquals(6, all.get(Status.DERIVED_DIFFERENT), all::toString);
        assertEquals(null, all.get(Status.MISSING), all::toString);
        assertEquals(3, all.get(Status.REPEATED), all::toString); // 表7's 合计 printed again on its second page
        assertEquals(44, all.get(Status.EMPTY_TABLE), all::toString); // the 0.00 of 表9, a 空表
        assertEquals(2, all.get(Status.TEXT), all::toString); // 表10's 单位编码
        assertEquals(92, all.get(Status.LABEL), all::toString); // 部门经济 and 政府经济 codes

        // 表6 names 30309 "奖金" (standard: 奖励金).
        assertEquals(Map.of("C02:gp_econ:30309", Severity.WARNING), checks(report, "C02"));
        // 表2 and 表3 are listed as non-empty but absent.
        assertEquals(Map.of("X11:income", Severity.WARNING, "X11:dept_exp", Severity.WARNING), checks(report, "X11"));
        assertTrue(report.unplaced().containsAll(List.of("目录列出表2「部门综合预算收入总表」（不是空表），但正文中没有这张表",
                "目录列出表3「部门综合预算支出总表」（不是空表），但正文中没有这张表")), report.unplaced()::toString);
        for (ImportReport.Difference d : report.tables().stream().flatMap(t -> t.differences().stream()).toList()) {
            assertEquals("X11:dept_exp", d.ruleKey(), d.toString());
        }
        // The 目录 says which tables are 空表 and why (表11 and 表12 are not printed at all).
        assertEquals(Map.of("gf_exp", "不涉及", "procurement", "不涉及", "three_public", "不涉及", "special_perf", "不涉及"),
                result.draft().emptySections());
        // The 专项业务经费 card belongs to the project of 表10 (R17 holds: 8 万元 = 80000 元).
        String project = result.draft().rows().get("perf_projects").get(0).code();
        assertTrue(result.draft().rows().get("projects").stream().anyMatch(r -> r.code().equals(project)));
        assertEquals(Map.of(), checks(report, "R17"));
        assertTheDemoIsTheReading(result, "xixiang-2024.json", Set.of("income", "dept_exp"),
                Set.of("goal", "intro", "content"));
        // The component changes under the stated −1.43 add to −1.39 (功能) and −1.46 (经济); the 505/509
        // breakdown (−1.41 − 0.02) agrees and is not flagged.
        assertEquals(List.of("T03 WARNING 减少1.39万元", "T03 WARNING 减少1.46万元"), narrative(report, "之和为"));
    }

    @Test
    void seed003EveryNumberIsAccountedForDespiteItsOcrDamage() throws Exception {
        String text = seed("003_ce6cab5f862a266e.txt");
        BudgetImporter.Result result = IMPORTER.read(text);
        ImportReport report = result.report();
        // The page headers say 南宫 (once misread as 南京); the document heading decides, and the misread
        // name is flagged (C05); the 政府采购 table printed in 万元 among tables in 元 is said (C04).
        assertIdentified(report, "hebei-dept", "南宫市医疗保障局", 2023);
        List<String> consistency = report.checks().stream().filter(c -> c.rule().startsWith("C0")
                && (c.rule().equals("C04") || c.rule().equals("C05"))).map(c -> c.rule() + " " + c.message()).toList();
        assertEquals(2, consistency.size(), consistency.toString());
        assertTrue(consistency.get(0).startsWith("C04 ") && consistency.get(0).contains("以万元列示"), consistency.toString());
        assertEquals("C05 文中 4 处把单位名称印为「南京市医疗保障局」，与「南宫市医疗保障局」不一致：请核对", consistency.get(1));
        Map<String, String> tables = perTable(report);
        assertEquals("summary input=0 equal=7 different=0 missing=0", tables.get("表1"));
        assertEquals("income input=0 equal=39 different=0 missing=0", tables.get("表2"));
        assertEquals("dept_exp input=7 equal=23 different=0 missing=0", tables.get("表3"));
        assertEquals("three_public input=0 equal=0 different=0 missing=0 emptyTable=10", tables.get("表9"));
        // No "表 N" headings: tables start at their titles; numbers like "6810 0200 .00" and rows split
        // across pages ("9162 500." … "00") are joined; every derived figure printed agrees.
        Map<Status, Long> all = checkEveryNumber(result, text);
        assertEquals(28, all.get(Status.INPUT), all::toString);
        assertEquals(124, all.get(Status.DERIVED_EQUAL), all::toString);
        assertEquals(null, all.get(Status.DERIVED_DIFFERENT), all::toString);
        assertEquals(null, all.get(Status.MISSING), all::toString);
        assertEquals(10, all.get(Status.EMPTY_TABLE), all::toString); // the 0 of the 三公 table, a 空表
        assertEquals(357, all.get(Status.LABEL), all::toString); // codes, 序号, 栏次, tails of split numbers
        // The 15 项目绩效目标表, each a card with its indicator tree.
        assertEquals(15, result.draft().rows().get("perf_projects").size());
        // 绩效 #15 has its 时效 and 成本 values swapped (P01); three 成本指标 of other cards are no amounts either.
        assertEquals(Map.of("P01:perf_indicators!p15_1_3_1.value", Severity.WARNING,
                "P01:perf_indicators!p15_1_4_1.value", Severity.WARNING,
                "P01:perf_indicators!p1_1_4_1.value", Severity.WARNING,
                "P01:perf_indicators!p2_1_4_1.value", Severity.WARNING,
                "P01:perf_indicators!p4_1_4_1.value", Severity.WARNING), checks(report, "P01"));
        // Tables printed empty with «注：…空表列示。» are marked with that note.
        assertEquals(Map.of("gf_exp", "无政府基金预算财政拨款预算，空表列示。", "soe_exp", "无国有资本经营预算财政拨款预算，空表列示。",
                "three_public", "无财政拨款“三公”经费支出表预算，空表列示。", "procurement", "无政府采购预算，空表列示。",
                "assets", "无固定资产占用情况，空表列示。"), result.draft().emptySections());
        // The two tables printed among the 说明 (机构设置, 固定资产) have their place too: nothing unplaced.
        assertEquals(2, result.draft().rows().get("units").size());
        assertEquals(List.of(), report.unplaced());
        assertEquals(9, result.draft().texts().stream().filter(t -> t.cell().section().equals("narrative")).count());
        assertTheDemoIsTheReading(result, "nangong-2023.json", Set.of(), Set.of("goal"));
        // 57.09 stated against 88.92 + 430.88 = 519.80; 机关运行经费 29.3 万 above 公用经费 18.80 万.
        assertEquals(List.of("T03 ERROR 增加519.80万元", "X08 WARNING 29.3万元"), narrative(report, "之和为|写为"));
    }

    /**
     * The narrative findings above 尾差, each as «rule severity <the figure after the marker>», in
     * report order: enough to tell which claim was flagged and with what correct value.
     */
    private static List<String> narrative(ImportReport report, String marker) {
        java.util.regex.Pattern after = java.util.regex.Pattern.compile("(?:" + marker + ")([^，。（,]*?(?:%|万元))");
        List<String> found = new java.util.ArrayList<>();
        report.checks().stream().filter(c -> c.key().startsWith("narrative:"))
                .filter(c -> c.severity() != io.yusuan.domain.rules.Severity.INFO)
                .sorted(java.util.Comparator.comparing(io.yusuan.domain.rules.RuleResult::key))
                .forEach(c -> {
                    java.util.regex.Matcher m = after.matcher(c.message());
                    found.add(c.rule() + " " + c.severity() + " " + (m.find() ? m.group(1) : c.message()));
                });
        return found;
    }

    @Test
    void damagedAndForeignInputsGiveAClearErrorNotACrash() {
        for (String text : new String[]{"", "   \n", "这是一段普通的文字，不是预算。\n第二行。",
                "表 1\n某某表\n| a | b |\n| 1 | 2 |", "\u0000\u0001garbage\t\t\n"}) {
            ImportException error = assertThrows(ImportException.class, () -> IMPORTER.read(text));
            assertFalse(error.getMessage().isBlank());
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
        assertEquals(1, report.tables().stream().filter(t -> "basic_exp".equals(t.section()))
                .mapToLong(t -> t.count(Status.MISSING)).sum(), "the garbage line's number is missing, not dropped");
    }

    @Test
    void damagedListAndCardTablesAreReportedNotGuessed() throws Exception {
        String full = seed("001_4c40129985d12d4c.txt");
        // A project line with a word where an amount belongs, a procurement line of no kind the table
        // knows under no unit, and a card cut off after its name.
        String damaged = full.replace("| 劳务派遣人员前台工作人员 | 宿州市医疗保障局 | 51.70 | 51.70 |",
                        "| 劳务派遣人员前台工作人员 | 宿州市医疗保障局 | 51.70 | 五十一 |")
                .replace("| 合计 | 60.47 | 60.47 | | | | | |\n", "| 合计 | 60.47 | 60.47 | | | | | |\n| 无单位的采购 | 1.00 | 1.00 | | | | | |\n");
        int card = damaged.indexOf("| 项目名称 | 劳务派遣聘用人员经费");
        damaged = damaged.substring(0, damaged.indexOf('\n', card) + 1) + "\n" + damaged.substring(damaged.indexOf("项目支出绩效目标表", card));
        BudgetImporter.Result result = IMPORTER.read(damaged);
        ImportReport report = result.report();
        assertTrue(report.unplaced().stream().anyMatch(u -> u.contains("「五十一」不是金额")), report.unplaced()::toString);
        assertTrue(report.unplaced().stream().anyMatch(u -> u.contains("放不进表的层次")), report.unplaced()::toString);
        // The cut card keeps its name and nothing it did not print.
        assertTrue(result.draft().texts().stream().anyMatch(t -> t.cell().section().equals("perf_projects")
                && t.text().equals("劳务派遣聘用人员经费")));
        assertTrue(result.draft().inputs().stream().noneMatch(i -> i.cell().section().equals("perf_projects")
                && i.cell().row().equals("p4")));
    }

    @Test
    void aCatalogThatCallsAPrintedTableEmptyIsReported() throws Exception {
        String text = seed("002_208f12fb395773e2.txt").replace("表5\t部门综合预算一般公共预算支出明细表（按支出功能分类科目）\t否",
                "表5\t部门综合预算一般公共预算支出明细表（按支出功能分类科目）\t是\t不涉及");
        BudgetImporter.Result result = IMPORTER.read(text);
        assertTrue(result.report().unplaced().stream().anyMatch(u -> u.contains("目录注明为空表，但表中印了")),
                result.report().unplaced()::toString);
        assertEquals("不涉及", result.draft().emptySections().get("gp_exp"));
    }

    @Test
    void aTextWithFarMoreTablesThanABudgetIsRefused() {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            text.append("表 ").append(i % 99 + 1).append("\n第").append(i).append("张一般公共预算支出表\n| 201 | x | 1 |\n");
        }
        ImportException error = assertThrows(ImportException.class, () -> IMPORTER.read(text.toString()));
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
        assertEquals(22, report.tables().stream().filter(t -> t.section() != null).count());
    }

    @Test
    void draftsCountTheVersionsTheyCreate() throws Exception {
        BudgetImporter.Draft draft = IMPORTER.read(seed("001_4c40129985d12d4c.txt")).draft();
        assertEquals(3, draft.versions(), "figures, texts and 空表 marks");
    }

    /**
     * Seeds damaged at random — lines dropped, duplicated or swapped, cells cut, characters
     * replaced — import or are refused with a reason; nothing else (no exception of another kind).
     */
    @Test
    void randomlyDamagedSeedsImportOrAreRefusedNeverCrash() throws Exception {
        java.util.Random random = new java.util.Random(Long.getLong("fuzzSeed", 2024L));
        String junk = "|\t0123456789.,：表合计注（）一二三";
        for (String name : List.of("001_4c40129985d12d4c.txt", "002_208f12fb395773e2.txt", "003_ce6cab5f862a266e.txt")) {
            List<String> lines = List.of(seed(name).split("\n", -1));
            for (int round = 0; round < Integer.getInteger("fuzzRounds", 12); round++) {
                List<String> damaged = new java.util.ArrayList<>(lines);
                for (int k = 0; k < 40; k++) {
                    int at = random.nextInt(damaged.size());
                    String line = damaged.get(at);
                    switch (random.nextInt(5)) {
                        case 0 -> damaged.remove(at);
                        case 1 -> damaged.add(at, line);
                        case 2 -> java.util.Collections.swap(damaged, at, random.nextInt(damaged.size()));
                        case 3 -> damaged.set(at, line.substring(0, random.nextInt(line.length() + 1)));
                        default -> {
                            if (!line.isEmpty()) {
                                int c = random.nextInt(line.length());
                                damaged.set(at, line.substring(0, c) + junk.charAt(random.nextInt(junk.length()))
                                        + line.substring(c + 1));
                            }
                        }
                    }
                }
                String text = String.join("\n", damaged);
                try {
                    ImportReport report = IMPORTER.read(text).report();
                    assertNotNull(report.templateId());
                } catch (ImportException refused) {
                    assertFalse(refused.getMessage().isBlank());
                    assertFalse(refused.getMessage().startsWith(BudgetImporter.INTERNAL), refused.getMessage());
                }
            }
        }
    }
}
