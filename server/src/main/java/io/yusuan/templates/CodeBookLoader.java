package io.yusuan.templates;

import io.yusuan.domain.classification.CodeBook;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.classification.UnitType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Loads the per-year code lists (codes/function-2024.tsv …) and the 部门经济 → 政府经济 map
 * (codes/economic-to-gov-2024.tsv); formats in codes/README.md.
 */
public final class CodeBookLoader {

    private CodeBookLoader() {
    }

    public static CodeBook load(int year) {
        CodeBook book = new CodeBook();
        read(book, CodeSystem.FUNCTION, "codes/function-" + year + ".tsv");
        read(book, CodeSystem.ECONOMIC, "codes/economic-" + year + ".tsv");
        read(book, CodeSystem.GOV_ECONOMIC, "codes/gov-economic-" + year + ".tsv");
        readGovMap(book, "codes/economic-to-gov-" + year + ".tsv");
        return book;
    }

    private static void read(CodeBook book, CodeSystem system, String resource) {
        for (String[] parts : rows(resource, 3)) {
            if (parts.length >= 2 && system.levelOf(parts[0].trim()) > 0) {
                book.add(system, parts[0].trim(), parts[1].trim());
            }
        }
    }

    /**
     * The map file is checked strictly: a line that is not {@code 行政单位|事业单位 TAB 款 TAB 款}, or that
     * names a code missing from the year's lists, stops the load (a wrong map would silently misfile money).
     */
    private static void readGovMap(CodeBook book, String resource) {
        for (String[] parts : rows(resource, 4)) {
            String line = String.join(" | ", parts);
            if (parts.length != 3) {
                throw new IllegalStateException(resource + ": expected unitType, economicCode, govEconomicCode: " + line);
            }
            UnitType type = null;
            for (UnitType t : UnitType.values()) {
                if (t.label().equals(parts[0].trim())) {
                    type = t;
                }
            }
            String economic = parts[1].trim();
            String gov = parts[2].trim();
            if (type == null) {
                throw new IllegalStateException(resource + ": unit type must be 行政单位 or 事业单位: " + line);
            }
            if (book.nameOf(CodeSystem.ECONOMIC, economic).isEmpty()
                    || book.nameOf(CodeSystem.GOV_ECONOMIC, gov).isEmpty()) {
                throw new IllegalStateException(resource + ": code not in this year's lists: " + line);
            }
            try {
                book.mapToGov(type, economic, gov);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(resource + ": " + e.getMessage(), e);
            }
        }
    }

    /** The non-comment, non-blank lines of a resource split at tabs; none if the resource is absent. */
    private static List<String[]> rows(String resource, int limit) {
        List<String[]> rows = new ArrayList<>();
        InputStream in = CodeBookLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            return rows;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t", limit));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource.toLowerCase(Locale.ROOT), e);
        }
        return rows;
    }
}
