package io.yusuan.templates;

/**
 * The ordinals that number the lines of published tables: （一）, 一、, 1、, (1). Generated rows use
 * them so each province's labels read as printed (（一）一般公共服务支出 / 1、一般公共服务支出).
 */
final class Ordinals {

    private static final String[] DIGITS = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

    private Ordinals() {
    }

    static String format(String style, int n) {
        return switch (style) {
            case "（一）" -> "（" + chinese(n) + "）";
            case "(一)" -> "(" + chinese(n) + ")";
            case "一、" -> chinese(n) + "、";
            case "1、" -> n + "、";
            case "(1)" -> "(" + n + ")";
            case "none" -> "";
            default -> throw new IllegalArgumentException("unknown ordinal style " + style);
        };
    }

    /** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 31 → 三十一 (enough for every list of 类). */
    static String chinese(int n) {
        if (n <= 0 || n >= 100) {
            throw new IllegalArgumentException("ordinal out of range: " + n);
        }
        if (n < 10) {
            return DIGITS[n];
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : DIGITS[tens]) + "十" + DIGITS[ones];
    }
}
