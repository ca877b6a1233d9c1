package io.yusuan.domain.template;

import java.util.List;

/**
 * One column of a section. {@code header} lists the group titles above the column title (the
 * published tables have two or three header levels); {@code formula}, when present, makes the
 * column computed in every row, e.g. {@code "basic + project"} for 合计. {@code leafFormula} makes
 * it computed in the rows without rows under them, while those with rows under them still sum
 * their children — a 收入总表's 一般公共预算 column drawn line by line from the 一般公共预算支出表
 * ({@code "gp_exp!{row}.total"}, {@code {row}} being the row's own key). {@code maxLength} bounds a
 * text column (0: the default for text cells).
 */
public record ColumnDef(String key, String title, List<String> header, ColumnKind kind, String formula,
                        boolean allowNegative, int maxLength, String leafFormula) {

    /** Longest text a cell takes unless its column says otherwise (a 说明 chapter may say more). */
    public static final int DEFAULT_TEXT_LENGTH = 500;

    public ColumnDef {
        header = List.copyOf(header);
    }

    public ColumnDef(String key, String title, List<String> header, ColumnKind kind, String formula,
                     boolean allowNegative) {
        this(key, title, header, kind, formula, allowNegative, 0, null);
    }

    public ColumnDef(String key, String title, List<String> header, ColumnKind kind, String formula,
                     boolean allowNegative, int maxLength) {
        this(key, title, header, kind, formula, allowNegative, maxLength, null);
    }

    public boolean computedEverywhere() {
        return formula != null;
    }

    public int textLimit() {
        return maxLength > 0 ? maxLength : DEFAULT_TEXT_LENGTH;
    }
}
