package io.yusuan.importer;

/** Printed cell text as a reader means it: the spaces a PDF conversion puts between Chinese characters removed. */
final class PrintedText {

    private PrintedText() {
    }

    /**
     * "医疗保 障基 金安 全监 管 经 费" → "医疗保障基金安全监管经费", "2022 年省级" → "2022年省级"; a space
     * between two Latin letters or digits ("DIP 2.0") stays, as one space.
     */
    static String clean(String text) {
        String t = text.strip();
        StringBuilder out = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (!Character.isWhitespace(ch)) {
                out.append(ch);
                continue;
            }
            int j = i;
            while (j < t.length() && Character.isWhitespace(t.charAt(j))) {
                j++;
            }
            char before = out.length() == 0 ? ' ' : out.charAt(out.length() - 1);
            char after = j < t.length() ? t.charAt(j) : ' ';
            if (latin(before) && latin(after)) {
                out.append(' ');
            }
            i = j - 1;
        }
        return out.toString();
    }

    private static boolean latin(char ch) {
        return ch < 128 && Character.isLetterOrDigit(ch);
    }

    /** For comparing names across tables: no spaces, no punctuation, ASCII parentheses. */
    static String key(String text) {
        return clean(text).replaceAll("[\\s“”\"'《》〈〉（）()【】\\[\\]、，,。．.：:；;·]", "");
    }
}
