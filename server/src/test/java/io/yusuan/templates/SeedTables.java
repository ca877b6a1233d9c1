package io.yusuan.templates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The classification lines printed in the tables of the three seed budgets, read straight from the
 * published texts (not through the importer, so tables no template has, such as 001 表6, count too).
 * A name split by a page break is joined, as a reader would; nothing else is repaired.
 */
final class SeedTables {

    static final Path SEEDS = Path.of("..", "..", "shared", "seeds");

    /** One printed line: a classification code and the name beside it; {@code gov} set for 002's paired 5xx columns. */
    static final class Printed {
        final String code;
        String name;
        final String govCode;
        final String govName;

        Printed(String code, String name, String govCode, String govName) {
            this.code = code;
            this.name = name;
            this.govCode = govCode;
            this.govName = govName;
        }
    }

    private SeedTables() {
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(SEEDS.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isCode(String s) {
        return s.matches("\\d{3,7}");
    }

    /** 001 (markdown): every {@code | code | name |} row; a table starts at its «表 N» line. */
    static List<Printed> seed001() {
        List<Printed> out = new ArrayList<>();
        Printed last = null;
        for (String line : lines("001_4c40129985d12d4c.txt")) {
            if (line.trim().matches("表 ?\\d+")) {
                last = null;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            if (cells.length < 3) {
                continue;
            }
            String first = cells[1].trim();
            String second = cells[2].trim();
            if (isCode(first)) {
                last = new Printed(first, second, null, null);
                out.add(last);
            } else if (first.isEmpty() && !second.isEmpty() && !second.equals("合计") && last != null) {
                last.name += second; // the rest of a name carried over a page break
            }
        }
        return out;
    }

    /** 002 (tab tables): 表5 to 表8, the code tables; 表6/表8 pair each 部门经济 款 with its 政府经济 款. */
    static List<Printed> seed002() {
        List<Printed> out = new ArrayList<>();
        boolean inCodeTables = false;
        for (String line : lines("002_208f12fb395773e2.txt")) {
            String t = line.trim();
            if (t.equals("表5")) {
                inCodeTables = true;
            } else if (t.equals("表9")) {
                inCodeTables = false;
            }
            if (!inCodeTables) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length >= 2 && isCode(f[0].trim())) {
                boolean paired = f[0].startsWith("3") && f.length >= 4 && f[2].trim().matches("5\\d{4}");
                out.add(new Printed(f[0].trim(), f[1].trim(), paired ? f[2].trim() : null, paired ? f[3].trim() : null));
            }
        }
        return out;
    }

    /**
     * 003 (OCR, tab tables with a 序号 column): rows {@code 序号 TAB code TAB name}, codes possibly split by
     * spaces ("2101 201"); a row whose 序号 and code cells are empty continues the previous row's name
     * after a page break. A table starts at its title line (no tab, ends in 表).
     */
    static List<Printed> seed003() {
        List<Printed> out = new ArrayList<>();
        Printed last = null;
        for (String line : lines("003_ce6cab5f862a266e.txt")) {
            if (!line.contains("\t")) {
                if (line.trim().endsWith("表")) {
                    last = null;
                }
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length < 3) {
                continue;
            }
            String code = f[1].replace(" ", "");
            if (f[0].trim().matches("\\d+") && code.matches("\\d{3}|\\d{5}|\\d{7}")) {
                last = new Printed(code, f[2].trim(), null, null);
                out.add(last);
            } else if (f[0].isBlank() && f[1].isBlank() && !f[2].isBlank() && !f[2].trim().equals("合计")
                    && last != null) {
                last.name += f[2].trim();
            }
        }
        return out;
    }
}
