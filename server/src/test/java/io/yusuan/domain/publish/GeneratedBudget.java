package io.yusuan.domain.publish;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.DocumentLayout;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.SectionDef;
import io.yusuan.domain.template.SectionKind;
import io.yusuan.domain.template.Template;
import io.yusuan.store.Catalog.DocumentInfo;
import io.yusuan.templates.TemplateLibrary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * A budget of realistic size for any shipped template, from a seeded Random: hundreds of function
 * codes (类/款/项, some 款 without 项), economic codes, and random 分 amounts in every input cell —
 * from 0.01 元 to tens of millions of 元, some cells empty, some 0, negatives where a column allows them.
 * Public for {@code io.yusuan.bench.RoundingBalanceBench}.
 */
public record GeneratedBudget(String templateId, Map<String, List<CodeRow>> rows, Map<CellRef, Money> inputs) {

    static final TemplateLibrary LIBRARY = TemplateLibrary.shipped();

    private static final String[] FUNCTION_CLASSES = {"201", "203", "204", "205", "206", "207", "208", "210",
        "211", "212", "213", "214", "215", "216", "217", "219", "220", "221", "222", "224", "227", "229"};
    private static final String[] ECONOMIC_CLASSES = {"301", "302", "303", "307", "309", "310", "399"};
    private static final String[] GOV_CLASSES = {"501", "502", "503", "505", "506", "507", "509", "599"};

    public static GeneratedBudget generate(String templateId, long seed, int functionItems) {
        Random random = new Random(seed);
        Template template = LIBRARY.get(templateId).orElseThrow();
        List<String> functions = codes(random, FUNCTION_CLASSES, functionItems, true);
        List<String> economics = codes(random, ECONOMIC_CLASSES, 60, false);
        List<String> govs = codes(random, GOV_CLASSES, 30, false);
        Map<String, List<CodeRow>> rows = new LinkedHashMap<>();
        for (SectionDef section : template.sections()) {
            if (section.kind() != SectionKind.CODE_TREE) {
                continue;
            }
            List<String> pool = section.codeSystem() == CodeSystem.FUNCTION ? functions
                    : section.codeSystem() == CodeSystem.ECONOMIC ? economics : govs;
            // Most tables have most codes; each leaves some out, so the trees differ between tables.
            List<CodeRow> chosen = new ArrayList<>();
            for (String code : pool) {
                if (random.nextInt(10) < 8) {
                    chosen.add(new CodeRow(code, "科目" + code));
                }
            }
            rows.put(section.key(), chosen);
        }
        DocumentLayout layout = layoutOf(templateId, rows);
        Map<CellRef, Money> inputs = new LinkedHashMap<>();
        for (SectionLayout section : layout.sections()) {
            for (RowLayout row : section.rows()) {
                for (String column : row.columns()) {
                    CellSpec spec = layout.cell(new CellRef(section.key(), row.key(), column)).orElseThrow();
                    if (spec.isInput() && spec.column().kind() == ColumnKind.AMOUNT) {
                        Money value = amount(random, spec.column().allowNegative());
                        if (value != null) {
                            inputs.put(spec.ref(), value);
                        }
                    }
                }
            }
        }
        return new GeneratedBudget(templateId, rows, inputs);
    }

    static DocumentLayout layoutOf(String templateId, Map<String, List<CodeRow>> rows) {
        return LIBRARY.factoryFor(new DocumentInfo(1, templateId, "生成", "生成单位", 2024, rows)).layoutFor(rows);
    }

    public DocumentLayout layout() {
        return layoutOf(templateId, rows);
    }

    /** Raises one input by {@code fen} (creating it when empty). */
    void add(CellRef input, long fen) {
        inputs.merge(input, Money.ofFen(fen), Money::plus);
    }

    /**
     * Makes {@code a} and {@code b} equal in 元 by raising an input beneath the smaller one: how
     * the two independently typed breakdowns of one total look in a correct budget.
     */
    public void equalise(CellRef a, CellRef raiseUnderA, CellRef b, CellRef raiseUnderB) {
        Map<CellRef, Money> exact = BalanceCheck.exact(layout(), inputs::get);
        long difference = exact.get(a).fen() - exact.get(b).fen();
        if (difference > 0) {
            add(raiseUnderB, difference);
        } else if (difference < 0) {
            add(raiseUnderA, -difference);
        }
    }

    /** A 3/5/7-digit (or 3/5) code list: {@code items} leaves under random 类 and 款, sorted. */
    private static List<String> codes(Random random, String[] classes, int items, boolean threeLevels) {
        TreeSet<String> codes = new TreeSet<>();
        while (codes.size() < items) {
            String kuan = classes[random.nextInt(classes.length)] + String.format("%02d", 1 + random.nextInt(30));
            if (!threeLevels || random.nextInt(8) == 0) {
                codes.add(kuan); // an economic 款, or a function 款 booked without 项
            } else {
                int count = 1 + random.nextInt(9);
                for (int i = 0; i < count && codes.size() < items; i++) {
                    codes.add(kuan + String.format("%02d", 1 + random.nextInt(99)));
                }
            }
        }
        // A 款 with 项 beneath it is a parent: keep only leaves, the layout adds the parents.
        List<String> leaves = new ArrayList<>();
        for (String code : codes) {
            String next = codes.higher(code);
            if (next == null || !next.startsWith(code)) {
                leaves.add(code);
            }
        }
        return leaves;
    }

    /** Empty, 0, a few 分, or up to tens of millions of 元 — each 分 random. */
    private static Money amount(Random random, boolean allowNegative) {
        int kind = random.nextInt(20);
        if (kind < 2) {
            return null;
        }
        if (kind == 2) {
            return Money.ZERO;
        }
        long magnitude = (long) Math.pow(10, 1 + random.nextInt(9));
        long fen = Math.floorMod(random.nextLong(), magnitude) + 1;
        return Money.ofFen(allowNegative && random.nextInt(4) == 0 ? -fen : fen);
    }

    /** The same budget with every list and map in another order. */
    GeneratedBudget shuffled(long seed) {
        Random random = new Random(seed);
        List<String> keys = new ArrayList<>(rows.keySet());
        java.util.Collections.shuffle(keys, random);
        Map<String, List<CodeRow>> rows2 = new HashMap<>();
        for (String key : keys) {
            List<CodeRow> list = new ArrayList<>(rows.get(key));
            java.util.Collections.shuffle(list, random);
            rows2.put(key, list);
        }
        List<CellRef> cells = new ArrayList<>(inputs.keySet());
        java.util.Collections.shuffle(cells, random);
        Map<CellRef, Money> inputs2 = new HashMap<>(4);
        cells.forEach(c -> inputs2.put(c, inputs.get(c)));
        return new GeneratedBudget(templateId, rows2, inputs2);
    }
}
