package io.yusuan.domain.rules.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A 说明 text as paragraphs of sentences, in canonical characters ({@link Chars#canonical}).
 *
 * <p>Published texts break lines anywhere — inside a sentence, a word or a number («比 2023 年预» /
 * «算减少», «增» / «长 31.61%»), often with a blank line between the halves — so lines are joined
 * unless the previous one ended a sentence or the next one starts a heading («二、», «(三)», «1.»,
 * «（2）»). Table rows (markdown «| … |» or tab-separated) are not prose: they are dropped and end
 * the paragraph.
 */
final class NarrativeText {

    private static final Pattern HEADING = Pattern.compile(
            "^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十]+[)）]"
                    + "|\\d{1,2}[、.．](?!\\d)|[(（]\\d{1,2}[)）]|[一二三四五六七八九十]+是)");
    private static final String SENTENCE_END = "。！？!?";
    private static final String PARAGRAPH_END = "。！？!?；;：:";
    private static final String CLOSERS = "”’\"')）】*";

    private final List<List<String>> paragraphs;

    private NarrativeText(List<List<String>> paragraphs) {
        this.paragraphs = paragraphs;
    }

    static NarrativeText of(String text) {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean ended = true;
        for (String raw : text.split("\\R", -1)) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("|") || line.indexOf('\t') >= 0) {
                flush(current, joined);
                ended = true;
                continue;
            }
            line = unbullet(line);
            if (ended || HEADING.matcher(line).find()) {
                flush(current, joined);
            }
            current.append(line);
            ended = endsWith(line, PARAGRAPH_END) || isHeading(line);
        }
        flush(current, joined);
        List<List<String>> paragraphs = new ArrayList<>();
        for (String paragraph : joined) {
            paragraphs.add(sentences(Chars.canonical(paragraph)));
        }
        return new NarrativeText(paragraphs);
    }

    List<List<String>> paragraphs() {
        return paragraphs;
    }

    private static void flush(StringBuilder current, List<String> into) {
        if (!current.isEmpty()) {
            into.add(current.toString());
            current.setLength(0);
        }
    }

    /**
     * «三、机关运行经费安排情况», «（1）按照部门预算支出经济分类的类级科目说明»: a short numbered line
     * without clause marks or figures is a heading even without a full stop, and the sentence on
     * the next line is not its continuation.
     */
    private static boolean isHeading(String line) {
        return HEADING.matcher(line).find() && line.length() <= 40 && !line.matches(".*[，,；;%].*")
                && !line.contains("元");
    }

    /** Markdown list bullets and bold marks are layout, not text. */
    private static String unbullet(String line) {
        String s = line;
        if (s.startsWith("- ") || s.startsWith("* ")) {
            s = s.substring(2).strip();
        }
        return s.replace("**", "");
    }

    /** Whether the line ends with one of the marks, looking past closing quotes and brackets. */
    private static boolean endsWith(String line, String marks) {
        int i = line.length() - 1;
        while (i >= 0 && CLOSERS.indexOf(line.charAt(i)) >= 0) {
            i--;
        }
        return i >= 0 && marks.indexOf(line.charAt(i)) >= 0;
    }

    private static List<String> sentences(String paragraph) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < paragraph.length(); i++) {
            if (SENTENCE_END.indexOf(paragraph.charAt(i)) >= 0) {
                addSentence(out, paragraph.substring(start, i + 1));
                start = i + 1;
            }
        }
        addSentence(out, paragraph.substring(start));
        return out;
    }

    private static void addSentence(List<String> out, String sentence) {
        if (!sentence.isBlank()) {
            out.add(sentence);
        }
    }
}
