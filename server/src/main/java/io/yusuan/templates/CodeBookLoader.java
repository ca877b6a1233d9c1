package io.yusuan.templates;

import io.yusuan.domain.classification.CodeBook;
import io.yusuan.domain.classification.CodeSystem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Loads the per-year code lists (codes/function-2024.tsv …; format in codes/README.md). */
public final class CodeBookLoader {

    private CodeBookLoader() {
    }

    public static CodeBook load(int year) {
        CodeBook book = new CodeBook();
        read(book, CodeSystem.FUNCTION, "codes/function-" + year + ".tsv");
        read(book, CodeSystem.ECONOMIC, "codes/economic-" + year + ".tsv");
        read(book, CodeSystem.GOV_ECONOMIC, "codes/gov-economic-" + year + ".tsv");
        return book;
    }

    private static void read(CodeBook book, CodeSystem system, String resource) {
        InputStream in = CodeBookLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            return;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 3);
                if (parts.length >= 2 && system.levelOf(parts[0].trim()) > 0) {
                    book.add(system, parts[0].trim(), parts[1].trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource.toLowerCase(Locale.ROOT), e);
        }
    }
}
