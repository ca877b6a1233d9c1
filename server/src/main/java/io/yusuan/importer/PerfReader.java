package io.yusuan.importer;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.RowKindDef;
import io.yusuan.domain.template.SectionDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads 绩效目标表: a project's card (项目名称, 主管部门, 实施单位, 项目期, 项目资金 …, 年度目标) into a row of
 * {@code perf_projects} and its indicator tree (一级 › 二级 › 三级指标 with 指标值) into
 * {@code perf_indicators}; and the 部门整体支出绩效目标表 (年度主要任务 with their amounts, 年度总体目标,
 * the indicator tree) into {@code dept_perf}. These forms are printed with merged cells that a text
 * conversion shifts left or right from line to line, so they are read by what the cells say — field
 * labels from the template's import hints, the 一级 and 二级 indicator names — not by column position.
 */
final class PerfReader {

    static final List<String> LEVEL1 = List.of("产出指标", "效益指标", "满意度指标");
    static final List<String> LEVEL2 = List.of("数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
            "生态效益指标", "可持续影响指标", "服务对象满意度指标", "满意度指标");

    private static final java.util.Set<String> FRAGMENTS = java.util.Set.of("标", "指标", "绩效指标", "年度绩效指标");
    private static final Pattern TITLE_ORDINAL = Pattern.compile("^\\d{1,2}\\s*[、.．]\\s*");
    private static final Pattern TITLE_TAIL = Pattern.compile("(项目支出|部门预算|部门)?(专项业务经费)?绩效目标表?$");

    private PerfReader() {
    }

    /** A project of the 项目支出表 a card may belong to. */
    record Project(String key, String name, String unit, Money total) {
    }

    /** What identifies a card already read, to recognise a card printed twice. */
    record Seen(String name, Money total, List<String> indicators) {
    }

    /** One printed cell kept for the tree: its text and where it was. */
    private record Cell(int row, int column, String text) {
    }

    // ---- project cards ----

    /**
     * @param projects the 项目支出表 rows read so far (empty when the template has none)
     * @param seen     cards read so far, by key (a card printed again is compared, not added twice)
     */
    static Reading card(RawTable raw, SectionDef cards, SectionDef indicators, List<Project> projects,
                        Map<String, Seen> seen) {
        Reading out = new Reading(raw, 0);
        int header = indicatorHeader(raw);
        long unit = unitOf(raw, header);
        Map<String, Cell> fields = new LinkedHashMap<>();
        Map<String, String> labels = cards.importHints().labels();
        for (int r = 0; r < header; r++) {
            List<String> cells = raw.rows().get(r);
            boolean[] used = new boolean[cells.size()];
            for (int c = 0; c < cells.size(); c++) {
                if (used[c]) {
                    continue;
                }
                String label = labelKey(cells.get(c));
                for (Map.Entry<String, String> field : labels.entrySet()) {
                    if (fields.containsKey(field.getKey()) || label.isEmpty()
                            || !Pattern.compile(field.getValue()).matcher(label).find()) {
                        continue;
                    }
                    ColumnDef column = cards.column(field.getKey()).orElseThrow(() -> new IllegalStateException(
                            "template: import label for unknown column " + field.getKey() + " of " + cards.key()));
                    for (int v = c + 1; v < cells.size(); v++) {
                        String value = PrintedText.clean(cells.get(v));
                        if (value.isEmpty()) {
                            continue;
                        }
                        boolean isAmount = Amounts.isAmount(value);
                        if (column.kind() == ColumnKind.AMOUNT && !isAmount) {
                            break;
                        }
                        if (column.kind() == ColumnKind.TEXT && labelMatchesAny(labelKey(value), labels)) {
                            break; // the next cell is another field's label: this field is blank
                        }
                        fields.put(field.getKey(), new Cell(r, v, value));
                        used[v] = true;
                        break;
                    }
                    used[c] = true;
                    break;
                }
            }
        }
        String name = fields.containsKey("name") ? fields.get("name").text() : nameFromTitle(raw.title());
        String unitName = fields.containsKey("unit") ? fields.get("unit").text() : "";
        Money total = fields.containsKey("total") ? Amounts.parse(fields.get("total").text(), unit).orElse(null) : null;
        String key = keyFor(name, unitName, total, projects, seen);
        List<Cell> treeCells = new ArrayList<>();
        List<String> tree = indicators == null ? List.of() : readTree(raw, header + 1, indicators, key, name, out,
                treeCells);
        Seen now = new Seen(PrintedText.key(name), total, tree);
        Seen before = seen.get(key);
        // Figures always go to their cells (a card printed twice counts its figures as printed again).
        fields.forEach((column, cell) -> {
            ColumnDef def = cards.column(column).orElseThrow();
            CellRef ref = new CellRef(cards.key(), key, column);
            if (def.kind() == ColumnKind.AMOUNT) {
                Amounts.parse(cell.text(), unit).ifPresent(v -> out.figure(cell.row(), cell.column(), ref, v));
            } else if (before == null) {
                out.text(cell.row(), cell.column(), ref, cell.text());
            }
        });
        if (before != null) {
            out.rows.clear();
            out.texts.clear();
            treeCells.forEach(c -> out.accounting.label(c.row(), c.column()));
            if (!before.equals(now)) {
                out.unplaced.add(raw.name() + "「" + name + "」的绩效目标表印了两次，两次不完全相同：按第一次读入");
            }
            return out;
        }
        seen.put(key, now);
        if (!fields.containsKey("name")) {
            out.text(-1, -1, new CellRef(cards.key(), key, "name"), name);
        }
        out.rowsOf(cards.key()).add(new CodeRow(key, "", null, cards.rowKinds().get(0).key()));
        return out;
    }

    /** The 项目支出表 row a card belongs to: by name, then 项目单位, then amount; else a key of its own. */
    private static String keyFor(String name, String unit, Money total, List<Project> projects, Map<String, Seen> seen) {
        List<Project> byName = projects.stream().filter(p -> PrintedText.key(p.name()).equals(PrintedText.key(name)))
                .toList();
        List<Project> byUnit = byName.stream().filter(p -> PrintedText.key(p.unit()).equals(PrintedText.key(unit)))
                .toList();
        List<Project> candidates = byUnit.isEmpty() ? byName : byUnit;
        if (candidates.size() > 1 && total != null) {
            List<Project> byTotal = candidates.stream().filter(p -> total.equals(p.total())).toList();
            candidates = byTotal.isEmpty() ? candidates : byTotal;
        }
        if (!candidates.isEmpty()) {
            return candidates.get(0).key();
        }
        // No 项目支出表 line for it: one key per distinct card.
        String prefix = projects.isEmpty() ? "p" : "x";
        for (Map.Entry<String, Seen> card : seen.entrySet()) {
            if (card.getKey().startsWith(prefix) && card.getValue().name().equals(PrintedText.key(name))
                    && Objects.equals(card.getValue().total(), total)) {
                return card.getKey();
            }
        }
        long count = seen.keySet().stream().filter(k -> k.startsWith(prefix)).count();
        return prefix + (count + 1);
    }

    private static String nameFromTitle(String title) {
        String name = TITLE_ORDINAL.matcher(PrintedText.clean(title)).replaceFirst("");
        return TITLE_TAIL.matcher(name).replaceFirst("");
    }

    // ---- the 部门整体支出绩效目标表 ----

    static Reading deptWide(RawTable raw, SectionDef section) {
        Reading out = new Reading(raw, 0);
        int header = indicatorHeader(raw);
        long unit = unitOf(raw, header);
        List<CodeRow> rows = out.rowsOf(section.key());
        int infos = 0;
        int tasks = 0;
        for (int r = 0; r < header; r++) {
            List<Cell> cells = nonEmpty(raw.rows().get(r), r);
            if (cells.isEmpty()) {
                continue;
            }
            int task = -1;
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).text().matches("任务\\d+")) {
                    task = i;
                }
            }
            String first = SectionReader.squash(cells.get(0).text());
            if (task >= 0) {
                String key = "t" + (++tasks);
                rows.add(new CodeRow(key, "", null, "task"));
                out.text(cells.get(task).row(), cells.get(task).column(), new CellRef(section.key(), key, "name"),
                        cells.get(task).text());
                List<String> amounts = List.of("total", "fiscal", "other");
                int a = 0;
                for (int i = task + 1; i < cells.size(); i++) {
                    Cell cell = cells.get(i);
                    if (Amounts.isAmount(cell.text()) && a < amounts.size()) {
                        CellRef ref = new CellRef(section.key(), key, amounts.get(a++));
                        Amounts.parse(cell.text(), unit).ifPresent(v -> out.figure(cell.row(), cell.column(), ref, v));
                    } else if (a == 0) {
                        out.text(cell.row(), cell.column(), new CellRef(section.key(), key, "content"), cell.text());
                    }
                }
            } else if (first.contains("合计")) {
                List<String> amounts = List.of("total", "fiscal", "other");
                int a = 0;
                for (Cell cell : cells) {
                    if (Amounts.isAmount(cell.text()) && a < amounts.size() && section.hasTotalRow()) {
                        CellRef ref = new CellRef(section.key(), section.totalRowKey(), amounts.get(a++));
                        Amounts.parse(cell.text(), unit).ifPresent(v -> out.figure(cell.row(), cell.column(), ref, v));
                    }
                }
            } else if (cells.size() >= 2 && !first.contains("任务名称") && !first.equals("总额")
                    && !cells.get(1).text().contains("任务名称")) {
                String key = "i" + (++infos);
                rows.add(new CodeRow(key, "", null, "info"));
                out.text(cells.get(0).row(), cells.get(0).column(), new CellRef(section.key(), key, "name"), first);
                Cell content = cells.get(cells.size() - 1);
                out.text(content.row(), content.column(), new CellRef(section.key(), key, "content"), content.text());
            }
        }
        readTree(raw, header + 1, section, null, null, out, new ArrayList<>());
        return out;
    }

    /** Amounts of a form are in 万元 when its labels say so («项目资金（万元）»), else in the table's unit. */
    private static long unitOf(RawTable raw, int header) {
        return raw.rows().subList(0, header).stream().flatMap(List::stream).anyMatch(c -> c.contains("万元"))
                ? 10_000 : raw.unitFactor();
    }

    // ---- indicator trees ----

    private static int indicatorHeader(RawTable raw) {
        for (int r = 0; r < raw.rows().size(); r++) {
            if (raw.rows().get(r).stream().anyMatch(c -> SectionReader.squash(c).equals("一级指标"))) {
                return r;
            }
        }
        return raw.rows().size();
    }

    /**
     * The indicator rows from {@code from} on into {@code section}: under a 项目 row keyed {@code key}
     * (cards), or at the top ({@code key} null: the 部门整体 table, whose 一级指标 rows are top-level).
     * Returns the indicators as «一级/二级/三级=值» lines, to compare two printings of a card.
     */
    private static List<String> readTree(RawTable raw, int from, SectionDef section, String key, String name,
                                         Reading out, List<Cell> kept) {
        List<String> lines = new ArrayList<>();
        RowKindDef indicatorKind = section.rowKind("indicator").orElse(null);
        if (indicatorKind == null) {
            return lines;
        }
        List<String> valueColumns = indicatorKind.columns().stream().filter(c -> !c.equals(section.labelColumn())).toList();
        List<CodeRow> rows = out.rowsOf(section.key());
        if (key != null) {
            rows.add(new CodeRow(key, "", null, "project"));
            out.text(-1, -1, new CellRef(section.key(), key, section.labelColumn()), name);
        }
        String l1Key = null;
        String l1 = null;
        String l2Key = null;
        String l2 = null;
        int l1Count = 0;
        int l2Count = 0;
        int count = 0;
        for (int r = from; r < raw.rows().size(); r++) {
            List<Cell> cells = new ArrayList<>(nonEmpty(raw.rows().get(r), r));
            // «标» and «指标»: the tail of a 一级指标 name broken by a page break; «绩效指标»: the block's label.
            cells.removeIf(c -> FRAGMENTS.contains(c.text()));
            if (cells.isEmpty() || cells.stream().anyMatch(c -> c.text().equals("一级指标"))) {
                continue;
            }
            String first = cells.get(0).text();
            String level1 = level1Of(first);
            boolean secondIsLevel2 = cells.size() > 1 && LEVEL2.contains(cells.get(1).text());
            if (level1 != null && (!level1.equals("满意度指标") || !"满意度指标".equals(l1) || secondIsLevel2)) {
                cells.remove(0);
                if (!level1.equals(l1)) {
                    l1 = level1;
                    l1Key = (key == null ? "l" + (++l1Count) : key + "_" + (++l1Count));
                    rows.add(new CodeRow(l1Key, "", key, "level1"));
                    out.text(-1, -1, new CellRef(section.key(), l1Key, section.labelColumn()), level1);
                    l2 = null;
                    l2Count = 0;
                }
            }
            String level2 = cells.isEmpty() ? null : LEVEL2.contains(cells.get(0).text()) ? cells.get(0).text() : null;
            if (level2 != null) {
                cells.remove(0);
                if (l1 == null) {
                    l1 = inferredLevel1(level2);
                    l1Key = (key == null ? "l" + (++l1Count) : key + "_" + (++l1Count));
                    rows.add(new CodeRow(l1Key, "", key, "level1"));
                    out.text(-1, -1, new CellRef(section.key(), l1Key, section.labelColumn()), l1);
                }
                if (!level2.equals(l2)) {
                    l2 = level2;
                    l2Key = l1Key + "_" + (++l2Count);
                    rows.add(new CodeRow(l2Key, "", l1Key, "level2"));
                    out.text(-1, -1, new CellRef(section.key(), l2Key, section.labelColumn()), level2);
                    count = 0;
                }
            } else if (l1 != null && l2 == null && !cells.isEmpty()) {
                // An indicator under a 一级指标 printed without its 二级指标: the 一级 name stands for it.
                l2 = l1;
                l2Key = l1Key + "_" + (++l2Count);
                rows.add(new CodeRow(l2Key, "", l1Key, "level2"));
                out.text(-1, -1, new CellRef(section.key(), l2Key, section.labelColumn()), l1);
                count = 0;
            }
            if (cells.isEmpty() || l2Key == null) {
                continue;
            }
            String indicatorKey = l2Key + "_" + (++count);
            rows.add(new CodeRow(indicatorKey, "", l2Key, "indicator"));
            Cell label = cells.get(0);
            out.text(label.row(), label.column(), new CellRef(section.key(), indicatorKey, section.labelColumn()),
                    label.text());
            kept.add(label);
            StringBuilder line = new StringBuilder(l1 + "/" + l2 + "/" + label.text());
            for (int i = 1; i < cells.size(); i++) {
                Cell cell = cells.get(i);
                kept.add(cell);
                if (i - 1 < valueColumns.size()) {
                    out.text(cell.row(), cell.column(), new CellRef(section.key(), indicatorKey, valueColumns.get(i - 1)),
                            cell.text());
                    line.append("=").append(cell.text());
                } else {
                    out.unplaced.add(raw.name() + "：指标「" + label.text() + "」多出的内容「" + cell.text() + "」");
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static String level1Of(String text) {
        for (String name : LEVEL1) {
            if (text.equals(name) || text.length() >= 3 && name.startsWith(text)) {
                return name;
            }
        }
        return null;
    }

    private static String inferredLevel1(String level2) {
        if (level2.contains("满意度")) {
            return "满意度指标";
        }
        return level2.contains("效益") || level2.contains("可持续") ? "效益指标" : "产出指标";
    }

    private static List<Cell> nonEmpty(List<String> cells, int row) {
        List<Cell> out = new ArrayList<>();
        for (int c = 0; c < cells.size(); c++) {
            String text = PrintedText.clean(cells.get(c));
            if (!text.isEmpty()) {
                out.add(new Cell(row, c, text));
            }
        }
        return out;
    }

    /** A printed field label as the hints match it: «其中：财政拨款» → «财政拨款», «项目资金 (万元)» → «项目资金». */
    private static String labelKey(String text) {
        return PrintedText.clean(text).replaceAll("^其中\\s*[:：]?", "").replaceAll("[（(]万元[)）]", "")
                .replaceAll("[:：]$", "").strip();
    }

    private static boolean labelMatchesAny(String label, Map<String, String> labels) {
        return !label.isEmpty() && labels.values().stream().anyMatch(p -> Pattern.compile(p).matcher(label).find());
    }
}
