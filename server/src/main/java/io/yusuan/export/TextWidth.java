package io.yusuan.export;

/**
 * How wide a text prints, in the width of one Latin digit: a Chinese character (and full-width
 * punctuation such as （）、：) takes two. Good enough to size columns and estimate wrapped lines.
 */
final class TextWidth {

    private TextWidth() {
    }

    static int of(String text) {
        if (text == null) {
            return 0;
        }
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            width += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return width;
    }

    static boolean wide(int cp) {
        return cp >= 0x1100 && (cp <= 0x115f
                || cp >= 0x2e80 && cp <= 0xa4cf
                || cp >= 0xac00 && cp <= 0xd7a3
                || cp >= 0xf900 && cp <= 0xfaff
                || cp >= 0xfe30 && cp <= 0xfe4f
                || cp >= 0xff00 && cp <= 0xff60
                || cp >= 0xffe0 && cp <= 0xffe6
                || cp >= 0x20000 && cp <= 0x3fffd);
    }
}
