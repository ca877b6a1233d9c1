package io.yusuan.domain.rules.narrative;

/**
 * Character clean-up shared by the text and the labels. Published texts mix full-width and
 * half-width forms freely («（类）» and «(类)», «，» and «,», «％»); everything is brought to one
 * form so that the readers need to know only one.
 */
final class Chars {

    private Chars() {
    }

    /**
     * Full-width ASCII (digits, letters, parentheses, %, .) becomes half-width; the Chinese clause
     * marks stay Chinese, and their half-width look-alikes become Chinese — except a comma between
     * digits, which is a thousands separator and is dropped («1,773.19»). Whitespace is removed:
     * Chinese prose needs none, and OCR puts it inside numbers («6810 0200 .00»).
     */
    static String canonical(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00a0') {
                continue;
            }
            switch (c) {
                case '，', '﹐' -> out.append('，');
                case ',' -> {
                    if (!isThousandsComma(out, text, i)) {
                        out.append('，');
                    }
                }
                case ';', '；' -> out.append('；');
                case ':', '：' -> out.append('：');
                case '（' -> out.append('(');
                case '）' -> out.append(')');
                case '％' -> out.append('%');
                case '．' -> out.append('.');
                case '－', '−', '—' -> out.append(c == '—' ? c : '-');
                default -> out.append(c >= '！' && c <= '～' ? (char) (c - 0xFEE0) : c);
            }
        }
        return out.toString();
    }

    /** «1,773.19»: a comma after a digit and before exactly three digits that end the group. */
    private static boolean isThousandsComma(StringBuilder before, String text, int i) {
        if (before.length() == 0 || !Character.isDigit(before.charAt(before.length() - 1))) {
            return false;
        }
        int digits = 0;
        int j = i + 1;
        while (j < text.length() && (Character.isDigit(text.charAt(j)) || text.charAt(j) == ' ')) {
            if (Character.isDigit(text.charAt(j))) {
                digits++;
            }
            j++;
            if (digits == 3) {
                break;
            }
        }
        return digits == 3 && (j >= text.length() || !Character.isDigit(text.charAt(j)));
    }
}
