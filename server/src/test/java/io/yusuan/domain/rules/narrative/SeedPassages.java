package io.yusuan.domain.rules.narrative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The 说明 passages of the seeds, cut straight out of the published texts. */
final class SeedPassages {

    static final Path SEEDS = Path.of("..", "..", "shared", "seeds");

    /** A chapter: its heading line and its text (heading included). */
    record Chapter(String heading, String text) {
    }

    private SeedPassages() {
    }

    static String read(String file) {
        try {
            return Files.readString(SEEDS.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the last occurrence of {@code from} (the body, not the table of contents) to that of {@code to}. */
    static String between(String text, String from, String to) {
        int start = text.lastIndexOf(from);
        int end = to == null ? text.length() : text.lastIndexOf(to);
        if (start < 0 || end < start) {
            throw new IllegalStateException("passage not found: " + from + " … " + to);
        }
        return text.substring(start, end);
    }

    /** Splits a passage at lines that start a chapter («一、», «十二、»). */
    static List<Chapter> chapters(String passage) {
        Matcher m = Pattern.compile("(?m)^[一二三四五六七八九十]+、.*$").matcher(passage);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.start());
        }
        List<Chapter> out = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            String text = passage.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : passage.length());
            out.add(new Chapter(text.lines().findFirst().orElse(""), text));
        }
        return out;
    }
}
