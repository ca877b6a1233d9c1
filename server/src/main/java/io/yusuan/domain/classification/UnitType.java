package io.yusuan.domain.classification;

import java.util.Optional;

/**
 * The kind of budget unit, which decides how 部门预算支出经济分类 maps to 政府预算支出经济分类
 * (a 行政单位 books wages under 501, a 事业单位 under 505). 参照公务员法管理的事业单位 (参公单位) count as
 * 行政单位: 501/502 are the spending of 行政 and 参公单位 (codes/README.md gives the source).
 */
public enum UnitType {
    ADMINISTRATIVE("行政单位"),
    PUBLIC_INSTITUTION("事业单位");

    private final String label;

    UnitType(String label) {
        this.label = label;
    }

    /** The label used in the code files and printed in budgets: 行政单位 or 事业单位. */
    public String label() {
        return label;
    }

    /**
     * Reads a unit type as budgets print it: 行政单位, 行政, 行政机关, 机关; 事业单位, 事业, 公益一类事业单位,
     * 全额拨款事业单位 …; 参照公务员法管理的事业单位, 参公单位, 参公事业单位 (→ 行政单位). Empty for anything else,
     * including labels that name both kinds (行政事业单位, 机关事业单位).
     */
    public static Optional<UnitType> fromLabel(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.replaceAll("[\\s　()（）\\[\\]【】“”\"]", "");
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.contains("参公") || s.contains("参照公务员") || s.contains("依照公务员") || s.contains("实行公务员管理")) {
            return Optional.of(ADMINISTRATIVE);
        }
        boolean institution = s.contains("事业");
        boolean administrative = s.contains("行政") || s.contains("机关");
        if (institution == administrative) {
            return Optional.empty();
        }
        return Optional.of(institution ? PUBLIC_INSTITUTION : ADMINISTRATIVE);
    }
}
