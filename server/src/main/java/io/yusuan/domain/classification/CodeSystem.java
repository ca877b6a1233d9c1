package io.yusuan.domain.classification;

import java.util.List;

/**
 * A classification code system and the lengths of its levels: 功能分类 类/款/项 are 3/5/7 digits,
 * 部门经济分类 and 政府经济分类 类/款 are 3/5 digits. A child's code always starts with its parent's.
 */
public enum CodeSystem {
    FUNCTION(List.of(3, 5, 7)),
    ECONOMIC(List.of(3, 5)),
    GOV_ECONOMIC(List.of(3, 5));

    private final List<Integer> levelLengths;

    CodeSystem(List<Integer> levelLengths) {
        this.levelLengths = levelLengths;
    }

    /** How many levels the system has: 3 for 功能分类 (类/款/项), 2 for the economic ones (类/款). */
    public int depth() {
        return levelLengths.size();
    }

    /** 1 for 类, 2 for 款, 3 for 项; 0 when the code has no valid length or is not all digits. */
    public int levelOf(String code) {
        if (code == null || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        return levelLengths.indexOf(code.length()) + 1;
    }

    /** The parent's code, or null for a top-level (类) code. */
    public String parentOf(String code) {
        int level = levelOf(code);
        return level <= 1 ? null : code.substring(0, levelLengths.get(level - 2));
    }
}
