package io.yusuan.importer;

import io.yusuan.domain.BudgetState;
import io.yusuan.domain.CellEdit;
import io.yusuan.domain.CellsEdited;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.rules.RuleResult;
import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.Template;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.templates.TemplateLibrary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a published budget text into a draft document of the best-matching template: printed
 * figures of input cells become the inputs; printed figures of derived cells are compared with
 * what the inputs give, never copied. Pure: no I/O, so it runs on a worker thread and in tests.
 */
public final class BudgetImporter {

    /** 0.005 万元 = 50 元 per rounded figure: the most a 万元 table's rounding can account for. */
    private static final long HALF_HUNDREDTH_WAN_IN_FEN = 5_000;

    private final TemplateLibrary templates;

    public BudgetImporter(TemplateLibrary templates) {
        this.templates = templates;
    }

    /** A new document ready to be created: catalog fields, rows, and input figures in 元. */
    public record Draft(String templateId, String title, String unit, int year, Map<String, List<CodeRow>> rows,
                        List<CellEdit> inputs) {
    }

    public record Result(Draft draft, ImportReport report) {
    }

    public Result read(String text) throws ImportException {
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

        Map<String, List<CodeRow>> rows = new LinkedHashMap<>();
        Map<CellRef, Money> figures = new LinkedHashMap<>();
        Map<String, RawTable> tableOf = new LinkedHashMap<>();
        List<String> unplaced = new ArrayList<>();
        List<RawTable> unmatched = new ArrayList<>();
        for (RawTable table : parsed.tables) {
            SectionDef section = sectionFor(template, table, tableOf.keySet());
            if (section == null) {
                unmatched.add(table);
                continue;
            }
            SectionReader reader = SectionReader.read(table, section);
            tableOf.put(section.key(), table);
            if (!reader.codeRows.isEmpty()) {
                rows.put(section.key(), reader.codeRows);
            }
            figures.putAll(reader.figures);
            unplaced.addAll(reader.unplaced);
        }
        if (tableOf.isEmpty()) {
            throw new ImportException("没有一张表能对应到模板 " + template.id());
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

        BudgetState state = BudgetState.replay(templates.factoryFor(info), rows, 0, Map.of(), List.of());
        try {
            state.apply(new CellsEdited(inputs), new Actor(0, "导入"), null, Instant.EPOCH);
        } catch (ArithmeticException overflow) {
            throw new ImportException("表中的金额合计超出可表示的范围");
        }

        List<ImportReport.Table> tables = new ArrayList<>();
        for (Map.Entry<String, RawTable> entry : tableOf.entrySet()) {
            tables.add(tableReport(entry.getValue(), entry.getKey(), layout, state, inputs, printedDerived));
        }
        for (RawTable table : unmatched) {
            tables.add(new ImportReport.Table(table.number(), table.title(), null, 0, 0, List.of()));
            unplaced.add("表" + table.number() + "「" + table.title() + "」：模板 " + template.id() + " 中没有这张表");
        }
        tables.sort(java.util.Comparator.comparingInt(ImportReport.Table::number));
        Draft draft = new Draft(template.id(), entity + " " + year + " 年预算（导入）", entity, year, rows, inputs);
        return new Result(draft, new ImportReport(template.id(), entity, year, tables, unplaced, state.violations()));
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
                    taken.add(section.key());
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

    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern pattern(String regex) {
        return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    }

    /** Splits printed figures into inputs and printed derived figures, by the layout. */
    private static void sortFigures(DocumentLayout layout, Map<CellRef, Money> figures, List<CellEdit> inputs,
                                    Map<CellRef, Money> printedDerived, List<String> unplaced) {
        figures.forEach((ref, value) -> {
            CellRef cell = ref;
            if (SectionReader.SINGLE.equals(ref.column())) {
                cell = singleColumnCell(layout, ref);
            }
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

    /**
     * A table printed with one amount column: a line that takes input goes to the column its code
     * prefix names (e.g. 301/303 → 人员经费); any other line is compared with its 合计.
     */
    private static CellRef singleColumnCell(DocumentLayout layout, CellRef ref) {
        SectionDef section = layout.template().section(ref.section()).orElseThrow();
        Map<String, String> byPrefix = section.importHints().singleColumnByPrefix();
        String column = byPrefix.entrySet().stream().filter(e -> !e.getKey().equals("*") && ref.row().startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(byPrefix.get("*"));
        CellRef target = new CellRef(ref.section(), ref.row(), column);
        if (column != null && layout.cell(target).map(CellSpec::isInput).orElse(false)) {
            return target;
        }
        return new CellRef(ref.section(), ref.row(), "total");
    }

    private static ImportReport.Table tableReport(RawTable table, String section, DocumentLayout layout,
                                                  BudgetState state, List<CellEdit> inputs,
                                                  Map<CellRef, Money> printedDerived) {
        int imported = (int) inputs.stream().filter(i -> i.cell().section().equals(section)).count();
        int equal = 0;
        List<ImportReport.Difference> differences = new ArrayList<>();
        for (Map.Entry<CellRef, Money> printed : printedDerived.entrySet()) {
            CellRef cell = printed.getKey();
            if (!cell.section().equals(section)) {
                continue;
            }
            Money derived = state.valueOf(cell);
            long gap = Math.abs(printed.getValue().fen() - (derived == null ? 0 : derived.fen()));
            if (gap == 0) {
                equal++;
            } else {
                differences.add(new ImportReport.Difference(cell, printed.getValue(), derived,
                        explain(table, cell, gap, layout, state)));
            }
        }
        return new ImportReport.Table(table.number(), table.title(), section, imported, equal, differences);
    }

    private static String explain(RawTable table, CellRef cell, long gap, DocumentLayout layout, BudgetState state) {
        long tolerance = HALF_HUNDREDTH_WAN_IN_FEN * (layout.inputsBeneath(cell) + 1L);
        if (table.unitFactor() == 10_000 && gap <= tolerance) {
            return "尾差：按万元取整后的合计与明细之和不一致";
        }
        for (RuleResult result : state.violations()) {
            if (result.cells().contains(cell)) {
                return result.rule() + "：" + result.message();
            }
        }
        return "印刷的数与明细推导的数不一致";
    }
}
