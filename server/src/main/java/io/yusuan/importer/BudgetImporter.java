package io.yusuan.importer;

import io.yusuan.domain.BudgetState;
import io.yusuan.domain.CellEdit;
import io.yusuan.domain.CellsEdited;
import io.yusuan.domain.SectionMark;
import io.yusuan.domain.SectionsMarked;
import io.yusuan.domain.TextEdit;
import io.yusuan.domain.TextsEdited;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.Term;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.rules.Severity;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.SectionKind;
import io.yusuan.domain.template.Template;
import io.yusuan.importer.ImportReport.Figure;
import io.yusuan.importer.ImportReport.Status;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.templates.TemplateLibrary;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Reads a published budget text into a draft document of the best-matching template: printed
 * figures of input cells become the inputs; printed figures of derived cells are compared with
 * what the inputs give, never copied; list tables become free rows, 绩效目标表 cards and their
 * indicator trees become rows and texts, the 说明 chapters become the narrative; tables printed
 * empty with a note (or listed as 空表 in the 目录) are marked 空表 with it. Pure: no I/O, so it runs
 * on a worker thread and in tests.
 */
public final class BudgetImporter {

    /** 0.005 万元 = 50 元 per rounded figure: the most a 万元 table's rounding can account for. */
    private static final long HALF_HUNDREDTH_WAN_IN_FEN = 5_000;
    /** A note under a table that says it is empty. */
    private static final Pattern EMPTY_NOTE = Pattern.compile("空表|无数据|无数字|本表无|不涉及|没有.*(收入|支出|预算)");
    private static final int MAX_NOTE = 200;
    /** Starts the message of an import refused because the importer itself failed. */
    static final String INTERNAL = "导入时出错，未创建预算：";
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final TemplateLibrary templates;

    public BudgetImporter(TemplateLibrary templates) {
        this.templates = templates;
    }

    /** A new document ready to be created: catalog fields, rows, input figures in 元, texts and 空表 marks. */
    public record Draft(String templateId, String title, String unit, int year, Map<String, List<CodeRow>> rows,
                        List<CellEdit> inputs, List<TextEdit> texts, Map<String, String> emptySections) {

        public Draft(String templateId, String title, String unit, int year, Map<String, List<CodeRow>> rows,
                     List<CellEdit> inputs) {
            this(templateId, title, unit, year, rows, inputs, List.of(), Map.of());
        }

        /** How many versions creating it makes: figures, texts, 空表 marks, each if any. */
        public int versions() {
            return (inputs.isEmpty() ? 0 : 1) + (texts.isEmpty() ? 0 : 1) + (emptySections.isEmpty() ? 0 : 1);
        }
    }

    public record Result(Draft draft, ImportReport report) {
    }

    /** One printed table and what reading it gave. */
    private record Read(RawTable table, SectionDef section, Reading reading, String emptyNote, boolean emptyByCatalog) {
    }

    /** Where a long import is: a stage for people, and tables done of tables found. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (stage, done, total) -> { };

        void at(String stage, int done, int total);
    }

    public Result read(String text) throws ImportException {
        return read(text, Progress.NONE);
    }

    public Result read(String text, Progress progress) throws ImportException {
        progress.at("查找表格", 0, 0);
        if (text == null || text.isBlank()) {
            throw new ImportException("文件是空的");
        }
        PublishedText parsed;
        try {
            parsed = PublishedText.parse(text);
        } catch (PublishedText.TooLarge e) {
            throw new ImportException("这不像一份公开的部门预算：" + e.getMessage());
        }
        if (parsed.tables.isEmpty()) {
            throw new ImportException("没有找到编号的预算表（“表1”“表2”…），这不像一份公开的部门预算");
        }
        Template template = bestTemplate(parsed.tables);
        if (template == null) {
            throw new ImportException("找到了 " + parsed.tables.size() + " 张表，但没有一张能对应到已有模板");
        }
        int year = parsed.year != null ? parsed.year : 2024;
        String entity = parsed.entity != null ? parsed.entity : "未识别的单位";
        try {
            Result result = read(parsed, template, year, entity, progress);
            // The text as a whole: one unit per table (C04), one name of the department (C05).
            List<RuleResult> checks = new ArrayList<>(result.report().checks());
            checks.addAll(ConsistencyChecks.check(text, parsed.entity, parsed.tables));
            ImportReport report = result.report();
            return new Result(result.draft(), new ImportReport(report.templateId(), report.entity(), report.year(),
                    report.tables(), report.unplaced(), checks));
        } catch (IllegalStateException | IllegalArgumentException | ArithmeticException e) {
            throw new ImportException("这份文本无法组成预算：" + e.getMessage());
        } catch (RuntimeException bug) {
            // Never a half-read document or a 500: the uploader is told, the log keeps the cause.
            throw new ImportException(INTERNAL + bug);
        }
    }

    private Result read(PublishedText parsed, Template template, int year, String entity, Progress progress)
            throws ImportException {
        Map<String, List<CodeRow>> rows = new LinkedHashMap<>();
        Map<CellRef, Money> figures = new LinkedHashMap<>();
        Map<CellRef, String> texts = new LinkedHashMap<>();
        Map<String, String> empty = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        List<RuleResult> findings = new ArrayList<>();
        List<Read> reads = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        Map<String, String> knownCodes = functionCodes(parsed.tables);
        List<PerfReader.Project> projects = new ArrayList<>();
        Map<String, PerfReader.Seen> cards = new LinkedHashMap<>();
        Map<Integer, PublishedText.CatalogEntry> catalog = new HashMap<>();
        parsed.catalog.forEach(e -> catalog.put(e.number(), e));

        int done = 0;
        for (RawTable table : parsed.tables) {
            progress.at("读取表格", done++, parsed.tables.size());
            SectionDef section = sectionFor(template, table, taken);
            if (section == null) {
                continue; // reported below, in print order
            }
            if (!repeats(section)) {
                taken.add(section.key());
            }
            PublishedText.CatalogEntry listed = table.number() > 0 ? catalog.get(table.number()) : null;
            if (listed != null && listed.empty()) {
                // The 目录 says this table is published empty: its printed form (zeros, placeholders) is not read.
                String note = note(listed.reason().isBlank() ? "目录注明为空表" : listed.reason());
                empty.put(section.key(), note);
                reads.add(new Read(table, section, new Reading(table, 0), note, true));
                continue;
            }
            Reading reading = readTable(table, section, template, knownCodes, projects, cards);
            String note = emptyNote(table, reading);
            if (note != null) {
                empty.put(section.key(), note);
            }
            reads.add(new Read(table, section, reading, note, false));
            if (note != null) {
                continue; // an empty form: its zeros are not figures
            }
            reading.rows.forEach((key, list) -> {
                List<CodeRow> target = rows.computeIfAbsent(key, k -> new ArrayList<>());
                list.forEach(row -> {
                    if (target.stream().noneMatch(r -> r.code().equals(row.code()))) {
                        target.add(row);
                    }
                });
            });
            reading.figures.forEach(figures::putIfAbsent);
            texts.putAll(reading.texts);
            unplaced.addAll(reading.unplaced);
            findings.addAll(reading.findings);
            if (section.key().equals("projects")) {
                projects.addAll(projectsOf(section, reading));
            }
        }
        if (reads.isEmpty()) {
            throw new ImportException("没有一张表能对应到模板 " + template.id());
        }
        // Tables the 目录 lists but the text does not print.
        Set<Integer> printed = new HashSet<>();
        parsed.tables.forEach(t -> printed.add(t.number()));
        for (PublishedText.CatalogEntry entry : parsed.catalog) {
            if (printed.contains(entry.number())) {
                continue;
            }
            SectionDef section = sectionFor(template, new RawTable(entry.number(), entry.title(), 1, List.of(), 0), taken);
            if (entry.empty() && section != null) {
                empty.put(section.key(), note(entry.reason().isBlank() ? "目录注明为空表" : entry.reason()));
                taken.add(section.key());
            } else if (!entry.empty()) {
                unplaced.add("目录列出表" + entry.number() + "「" + entry.title() + "」（不是空表），但正文中没有这张表");
            } else {
                unplaced.add("目录列出表" + entry.number() + "「" + entry.title() + "」为空表，模板 " + template.id()
                        + " 中没有这张表");
            }
        }
        // The 说明.
        for (SectionDef section : template.sections()) {
            if ("narrative".equals(section.importHints().reader())) {
                texts.putAll(NarrativeReader.read(parsed.prose, section, unplaced));
            }
        }

        DocumentInfo info = new DocumentInfo(0, template.id(), entity + year + "年预算", entity, year, rows);
        DocumentLayout layout;
        try {
            layout = templates.factoryFor(info).layoutFor(rows);
        } catch (IllegalArgumentException e) {
            throw new ImportException("表中的科目无法组成科目树：" + e.getMessage());
        }
        List<CellEdit> inputs = new ArrayList<>();
        Map<CellRef, Money> printedDerived = new LinkedHashMap<>();
        sortFigures(layout, figures, inputs, printedDerived, unplaced);
        List<TextEdit> textEdits = textEdits(layout, texts, unplaced);

        progress.at("推导合计并审核", parsed.tables.size(), parsed.tables.size());
        BudgetState state = BudgetState.replay(templates.factoryFor(info), rows, 0, Map.of(), List.of());
        Actor importer = new Actor(0, "导入");
        try {
            if (!inputs.isEmpty()) {
                state.apply(new CellsEdited(inputs), importer, null, Instant.EPOCH);
            }
            if (!textEdits.isEmpty()) {
                state.apply(new TextsEdited(textEdits, null), importer, null, Instant.EPOCH);
            }
            if (!empty.isEmpty()) {
                List<SectionMark> marks = new ArrayList<>();
                empty.forEach((section, note) -> marks.add(new SectionMark(section, true, note)));
                state.apply(new SectionsMarked(marks), importer, null, Instant.EPOCH);
            }
        } catch (ArithmeticException overflow) {
            throw new ImportException("表中的金额合计超出可表示的范围");
        }

        List<RuleResult> checks = new ArrayList<>(state.violations());
        checks.addAll(findings);
        // The report lists the tables in the order printed.
        List<ImportReport.Table> tables = new ArrayList<>();
        Map<CellRef, Money> firstPrinted = new HashMap<>();
        Map<RawTable, Read> readOf = new java.util.IdentityHashMap<>();
        reads.forEach(r -> readOf.put(r.table(), r));
        for (RawTable table : parsed.tables) {
            Read read = readOf.get(table);
            if (read != null) {
                tables.add(tableReport(read, layout, state, firstPrinted, checks, unplaced));
            } else {
                tables.add(new ImportReport.Table(table.number(), table.title(), null, 0, 0, List.of(),
                        unmatchedFigures(table), null));
                unplaced.add(table.name() + "「" + table.title() + "」：模板 " + template.id() + " 中没有这张表");
            }
        }
        Draft draft = new Draft(template.id(), entity + " " + year + " 年预算（导入）", entity, year, rows, inputs,
                textEdits, empty);
        progress.at("核对完毕", parsed.tables.size(), parsed.tables.size());
        return new Result(draft, new ImportReport(template.id(), entity, year, tables, unplaced, checks));
    }

    private static boolean repeats(SectionDef section) {
        return "perfCard".equals(section.importHints().reader());
    }

    private static Reading readTable(RawTable table, SectionDef section, Template template, Map<String, String> knownCodes,
                                     List<PerfReader.Project> projects, Map<String, PerfReader.Seen> cards) {
        String reader = section.importHints().reader();
        if ("perfCard".equals(reader)) {
            return PerfReader.card(table, section, template.section("perf_indicators").orElse(null), projects, cards);
        }
        if ("deptPerf".equals(reader)) {
            return PerfReader.deptWide(table, section);
        }
        if (section.kind() == SectionKind.LIST) {
            return ListReader.read(table, section);
        }
        return SectionReader.read(table, section, knownCodes);
    }

    /** Every 7-digit function code a table prints in its first cells, with the name beside it (to read a truncated one, C01). */
    private static Map<String, String> functionCodes(List<RawTable> tables) {
        Map<String, String> codes = new HashMap<>();
        for (RawTable table : tables) {
            for (List<String> row : table.rows()) {
                for (int c = 0; c < Math.min(2, row.size()); c++) {
                    String code = SectionReader.squash(row.get(c));
                    if (code.matches("2\\d{6}")) {
                        codes.putIfAbsent(code, c + 1 < row.size() ? SectionReader.squash(row.get(c + 1)) : "");
                    }
                }
            }
        }
        return codes;
    }

    private static List<PerfReader.Project> projectsOf(SectionDef section, Reading reading) {
        List<PerfReader.Project> out = new ArrayList<>();
        for (CodeRow row : reading.rows.getOrDefault(section.key(), List.of())) {
            out.add(new PerfReader.Project(row.code(),
                    reading.texts.getOrDefault(new CellRef(section.key(), row.code(), "name"), ""),
                    reading.texts.getOrDefault(new CellRef(section.key(), row.code(), "unit"), ""),
                    reading.figures.get(new CellRef(section.key(), row.code(), "total"))));
        }
        return out;
    }

    /**
     * The note of a table printed empty: a note under it that says so, when the table has no figure
     * other than zero and no text. Null when the table is not printed empty.
     */
    private static String emptyNote(RawTable table, Reading reading) {
        boolean content = reading.figures.values().stream().anyMatch(v -> v.fen() != 0) || !reading.texts.isEmpty();
        if (content) {
            return null;
        }
        for (String line : table.notes()) {
            if (EMPTY_NOTE.matcher(line).find()) {
                return note(line.replaceFirst("^(注|备注说明|备注)\\s*[:：]\\s*", ""));
            }
        }
        return null;
    }

    private static String note(String text) {
        String note = text.strip().replaceAll("^[“\"]+", "").replaceAll("[”\"]+[。.]?$", "").strip();
        return note.length() > MAX_NOTE ? note.substring(0, MAX_NOTE) : note;
    }

    private Template bestTemplate(List<RawTable> tables) {
        Template best = null;
        int bestCount = 0;
        for (Template template : templates.all()) {
            Set<String> taken = new HashSet<>();
            int count = 0;
            for (RawTable table : tables) {
                SectionDef section = sectionFor(template, table, taken);
                if (section != null) {
                    if (!repeats(section)) {
                        taken.add(section.key());
                    }
                    count++;
                }
            }
            if (count > bestCount) {
                best = template;
                bestCount = count;
            }
        }
        return best;
    }

    private static SectionDef sectionFor(Template template, RawTable table, Set<String> taken) {
        for (SectionDef section : template.sections()) {
            if (taken.contains(section.key()) || section.importHints().titles().isEmpty()) {
                continue;
            }
            boolean matches = section.importHints().titles().stream()
                    .anyMatch(p -> pattern(p).matcher(table.title()).find());
            boolean excluded = section.importHints().notTitles().stream()
                    .anyMatch(p -> pattern(p).matcher(table.title()).find());
            if (matches && !excluded) {
                return section;
            }
        }
        return null;
    }

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    /** Splits printed figures into inputs and printed derived figures, by the layout. */
    private static void sortFigures(DocumentLayout layout, Map<CellRef, Money> figures, List<CellEdit> inputs,
                                    Map<CellRef, Money> printedDerived, List<String> unplaced) {
        figures.forEach((ref, value) -> {
            CellRef cell = placed(layout, ref);
            var spec = layout.cell(cell);
            if (spec.isEmpty()) {
                unplaced.add(ref.section() + " 行 " + ref.row() + "：模板中没有列 " + ref.column() + "（" + value + " 元）");
            } else if (spec.get().isInput()) {
                inputs.add(new CellEdit(cell, value));
            } else {
                printedDerived.put(cell, value);
            }
        });
    }

    /** The cell a printed figure is for (a single-column table's lines go to their column by code prefix). */
    private static CellRef placed(DocumentLayout layout, CellRef ref) {
        return SectionReader.SINGLE.equals(ref.column()) ? singleColumnCell(layout, ref) : ref;
    }

    /**
     * A table printed with one amount column: a line that takes input goes to the column its code
     * prefix names (e.g. 301/303 → 人员经费); any other line is compared with its 合计.
     */
    private static CellRef singleColumnCell(DocumentLayout layout, CellRef ref) {
        SectionDef section = layout.template().section(ref.section()).orElseThrow();
        Map<String, String> byPrefix = section.importHints().singleColumnByPrefix();
        String column = byPrefix.entrySet().stream().filter(e -> !e.getKey().equals("*") && ref.row().startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(byPrefix.get("*"));
        if (column != null && layout.cell(new CellRef(ref.section(), ref.row(), column)).map(CellSpec::isInput)
                .orElse(false)) {
            return new CellRef(ref.section(), ref.row(), column);
        }
        return new CellRef(ref.section(), ref.row(), "total");
    }

    /** Text cells of the layout, each within its column's limit. */
    private static List<TextEdit> textEdits(DocumentLayout layout, Map<CellRef, String> texts, List<String> unplaced) {
        List<TextEdit> edits = new ArrayList<>();
        texts.forEach((cell, text) -> {
            Optional<CellSpec> spec = layout.cell(cell).filter(s -> s.column().kind() == ColumnKind.TEXT);
            if (spec.isEmpty()) {
                unplaced.add(cell.section() + " 行 " + cell.row() + "：模板中没有文字列 " + cell.column() + "（「" + text + "」）");
                return;
            }
            int limit = spec.get().column().textLimit();
            if (text.length() > limit) {
                unplaced.add(cell + "：文字超过 " + limit + " 字，多出的部分没有读入");
                text = text.substring(0, limit);
            }
            edits.add(new TextEdit(cell, text));
        });
        return edits;
    }

    private static ImportReport.Table tableReport(Read read, DocumentLayout layout, BudgetState state,
                                                  Map<CellRef, Money> firstPrinted, List<RuleResult> checks,
                                                  List<String> unplaced) {
        RawTable table = read.table();
        List<Figure> out = new ArrayList<>();
        List<ImportReport.Difference> differences = new ArrayList<>();
        for (int i = 0; i < read.reading().accounting.droppedLabels(); i++) {
            out.add(new Figure("", null, null, Status.LABEL, "序号或栏次", null));
        }
        for (Reading.Accounting.Printed p : read.reading().accounting.printed()) {
            if (p.label()) {
                out.add(new Figure(p.text(), null, null, Status.LABEL, "科目编码、序号或跨页拆开的数字的后半段", null));
                continue;
            }
            if (read.emptyNote() != null || read.emptyByCatalog()) {
                Optional<Money> zero = Amounts.parse(p.text(), table.unitFactor()).filter(v -> v.fen() == 0);
                if (zero.isPresent()) {
                    out.add(new Figure(p.text(), null, Money.ZERO, Status.EMPTY_TABLE, "空表：" + read.emptyNote(), null));
                } else {
                    out.add(new Figure(p.text(), null, null, Status.MISSING, "目录注明为空表，但表中印了数", null));
                    unplaced.add(table.name() + "「" + table.title() + "」：目录注明为空表，但表中印了 " + p.text());
                }
                continue;
            }
            if (p.cell() == null) {
                out.add(new Figure(p.text(), null, null, Status.MISSING, "无法放进模板的数", null));
                continue;
            }
            CellRef cell = placed(layout, p.cell());
            Optional<CellSpec> spec = layout.cell(cell);
            if (spec.isEmpty()) {
                out.add(new Figure(p.text(), cell, p.value(), Status.MISSING, "模板中没有这一格", null));
                continue;
            }
            if (spec.get().column().kind() == ColumnKind.TEXT) {
                out.add(new Figure(p.text(), cell, null, Status.TEXT, "文字", null));
                continue;
            }
            Money printed = p.value();
            Money first = firstPrinted.putIfAbsent(cell, printed);
            if (first != null) {
                boolean same = printed.equals(first);
                out.add(new Figure(p.text(), cell, printed, same ? Status.REPEATED : Status.MISSING,
                        same ? "同一格再次印出" : "同一格再次印出，但数不同（按第一次读入）", null));
                if (!same) {
                    unplaced.add(table.name() + "：" + cell + " 再次印出为 " + p.text() + "，与第一次不同（按第一次读入）");
                }
                continue;
            }
            if (spec.get().isInput()) {
                out.add(new Figure(p.text(), cell, printed, Status.INPUT, "录入数", null));
                continue;
            }
            Money derived = state.valueOf(cell);
            long gap = Math.abs(printed.fen() - (derived == null ? 0 : derived.fen()));
            if (gap == 0) {
                out.add(new Figure(p.text(), cell, printed, Status.DERIVED_EQUAL, "推导数与印刷数一致", null));
                continue;
            }
            RuleResult why = explain(table, cell, gap, printed, derived, layout, state, checks);
            out.add(new Figure(p.text(), cell, printed, Status.DERIVED_DIFFERENT, why.rule() + "：" + why.message(),
                    why.key()));
            differences.add(new ImportReport.Difference(cell, printed, derived, why.rule() + "：" + why.message(),
                    why.key()));
        }
        int imported = (int) out.stream().filter(f -> f.status() == Status.INPUT).count();
        int equal = (int) out.stream().filter(f -> f.status() == Status.DERIVED_EQUAL).count();
        return new ImportReport.Table(table.number(), table.title(), read.section().key(), imported, equal, differences,
                out, read.emptyNote());
    }

    /**
     * The rule result that explains a printed derived figure different from the derivation: the X11
     * finding of a table the cell is drawn from (a table listed but not printed); else a rule of the
     * document reading the cell; else an I01 finding of its own — 尾差 (info) within the rounding
     * of a 万元 table, else a warning.
     */
    private static RuleResult explain(RawTable table, CellRef cell, long gap, Money printed, Money derived,
                                      DocumentLayout layout, BudgetState state, List<RuleResult> checks) {
        Set<String> sources = sourcesOf(layout, cell);
        for (RuleResult result : state.violations()) {
            if (result.rule().equals("X11") && sources.contains(result.key().substring(4))) {
                return result; // drawn from a table the text does not print: the root cause
            }
        }
        for (RuleResult result : state.violations()) {
            if (result.cells().contains(cell) && !result.rule().equals("X11")) {
                return result;
            }
        }
        long tolerance = HALF_HUNDREDTH_WAN_IN_FEN * (layout.inputsBeneath(cell) + 1L);
        String figures = "印刷 " + printed.toYuanString() + " 元，由明细推导 " + (derived == null ? "空" : derived.toYuanString() + " 元");
        RuleResult finding = table.unitFactor() == 10_000 && gap <= tolerance
                ? new RuleResult("I01:" + cell, "I01", Severity.INFO, "尾差：按万元取整后的合计与明细之和不一致（" + figures + "）",
                List.of(cell), printed, derived)
                : new RuleResult("I01:" + cell, "I01", Severity.WARNING, "印刷的数与明细推导的数不一致（" + figures + "）",
                List.of(cell), printed, derived);
        checks.add(finding);
        return finding;
    }

    /** The sections whose cells a derived cell is drawn from, through every level of formulas. */
    private static Set<String> sourcesOf(DocumentLayout layout, CellRef cell) {
        Set<String> sections = new HashSet<>();
        Set<CellRef> visited = new HashSet<>();
        Deque<CellRef> todo = new ArrayDeque<>(List.of(cell));
        while (!todo.isEmpty()) {
            CellRef at = todo.pop();
            if (!visited.add(at)) {
                continue;
            }
            sections.add(at.section());
            layout.cell(at).filter(s -> !s.isInput()).ifPresent(s -> {
                for (Term term : s.formula().terms()) {
                    todo.push(term.ref());
                }
                // A term for a row the document lacks is dropped from the formula, but its table is
                // still where the figure should come from (a line drawn from a table never printed).
                sections.addAll(namedSections(layout, at));
            });
        }
        return sections;
    }

    private static Set<String> namedSections(DocumentLayout layout, CellRef cell) {
        Set<String> named = new HashSet<>();
        SectionDef def = layout.template().section(cell.section()).orElse(null);
        if (def == null) {
            return named;
        }
        Pattern ref = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)!");
        List<String> formulas = new ArrayList<>();
        def.rows().stream().filter(r -> r.key().equals(cell.row())).forEach(r -> formulas.addAll(r.formulas().values()));
        def.column(cell.column()).ifPresent(c -> {
            if (c.formula() != null) {
                formulas.add(c.formula());
            }
            if (c.leafFormula() != null) {
                formulas.add(c.leafFormula());
            }
        });
        for (String formula : formulas) {
            var m = ref.matcher(formula);
            while (m.find()) {
                named.add(m.group(1));
            }
        }
        return named;
    }

    private static List<Figure> unmatchedFigures(RawTable table) {
        List<Figure> out = new ArrayList<>();
        for (List<String> row : table.rows()) {
            for (String cell : row) {
                if (Amounts.isAmount(cell)) {
                    out.add(new Figure(cell, null, null, Status.MISSING, "模板中没有这张表", null));
                }
            }
        }
        return out;
    }
}
