package io.yusuan.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.classification.CodeBook;
import io.yusuan.domain.classification.CodeSystem;
import io.yusuan.domain.classification.UnitType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped code files themselves: format, order, parents, names, and that the loader reads all of it. */
class CodeListsTest {

    static final List<Integer> YEARS = List.of(2023, 2024);
    private static final Map<CodeSystem, String> FILES = Map.of(
            CodeSystem.FUNCTION, "function", CodeSystem.ECONOMIC, "economic", CodeSystem.GOV_ECONOMIC, "gov-economic");

    private static List<String> resourceLines(String resource) throws IOException {
        try (InputStream in = CodeListsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is shipped");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(text.startsWith("\uFEFF"), resource + " has no BOM");
            return text.lines().toList();
        }
    }

    private static List<String> dataLines(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    @Test
    void everyListIsWellFormedSortedAndHasItsParents() throws IOException {
        for (int year : YEARS) {
            CodeBook book = CodeBookLoader.load(year);
            for (Map.Entry<CodeSystem, String> file : FILES.entrySet()) {
                CodeSystem system = file.getKey();
                String resource = "codes/" + file.getValue() + "-" + year + ".tsv";
                List<String> lines = resourceLines(resource);
                assertTrue(lines.get(0).startsWith("# Names: "), resource + ": the first line says where names came from");
                List<String> data = dataLines(lines);
                assertFalse(data.isEmpty(), resource);
                Set<String> seen = new HashSet<>();
                String previous = "";
                for (String line : data) {
                    String[] parts = line.split("\t", -1);
                    assertEquals(2, parts.length, resource + ": code<TAB>name: " + line);
                    String code = parts[0];
                    String name = parts[1];
                    assertTrue(system.levelOf(code) > 0, resource + ": code length " + line);
                    assertTrue(!name.isBlank() && name.equals(name.strip()), resource + ": name " + line);
                    assertTrue(seen.add(code), resource + ": duplicate " + code);
                    assertTrue(code.compareTo(previous) > 0, resource + ": sorted as text at " + code);
                    String parent = system.parentOf(code);
                    assertTrue(parent == null || seen.contains(parent), resource + ": parent of " + code + " precedes it");
                    previous = code;
                }
                assertEquals(seen.size(), book.codes(system).size(), resource + ": the loader reads every line");
            }
        }
    }

    @Test
    void everyMapFileIsWellFormedAndNamesOnlyListedKuan() throws IOException {
        for (int year : YEARS) {
            CodeBook book = CodeBookLoader.load(year);
            String resource = "codes/economic-to-gov-" + year + ".tsv";
            List<String> lines = resourceLines(resource);
            assertTrue(lines.get(0).startsWith("# "), resource);
            Set<String> seen = new HashSet<>();
            List<String> order = new ArrayList<>();
            int count = 0;
            for (String line : dataLines(lines)) {
                String[] parts = line.split("\t", -1);
                assertEquals(3, parts.length, resource + ": unitType<TAB>economic<TAB>gov: " + line);
                assertTrue(parts[0].equals("行政单位") || parts[0].equals("事业单位"), resource + ": " + line);
                assertEquals(2, CodeSystem.ECONOMIC.levelOf(parts[1]), resource + ": a 部门经济 款: " + line);
                assertEquals(2, CodeSystem.GOV_ECONOMIC.levelOf(parts[2]), resource + ": a 政府经济 款: " + line);
                assertTrue(book.nameOf(CodeSystem.ECONOMIC, parts[1]).isPresent(), resource + ": listed " + line);
                assertTrue(book.nameOf(CodeSystem.GOV_ECONOMIC, parts[2]).isPresent(), resource + ": listed " + line);
                assertTrue(seen.add(parts[0] + parts[1]), resource + ": one line per unit type and code: " + line);
                order.add((parts[0].equals("行政单位") ? "0" : "1") + parts[1]);
                count++;
            }
            assertEquals(order.stream().sorted().toList(), order, resource + ": 行政单位 first, then 事业单位, codes in order");
            int loaded = 0;
            for (UnitType type : UnitType.values()) {
                loaded += book.govEconomicMap(type).size();
            }
            assertEquals(count, loaded, resource + ": the loader reads every line");
        }
    }

    @Test
    void theListsOfTheTwoYearsAreReadFromTheirOwnFiles() {
        TemplateLibrary library = TemplateLibrary.shipped();
        // 21012 is printed by 003 (2023), 2101506 by 002 (2024); each is in its year's list.
        assertTrue(library.codeBook(2023).nameOf(CodeSystem.FUNCTION, "21012").isPresent());
        assertTrue(library.codeBook(2024).nameOf(CodeSystem.FUNCTION, "2101506").isPresent());
        // A year without lists falls back to 2024, as before.
        assertEquals(library.codeBook(2024).codes(CodeSystem.FUNCTION), library.codeBook(2022).codes(CodeSystem.FUNCTION));
        assertEquals(library.codeBook(2024).govEconomicMap(UnitType.ADMINISTRATIVE),
                library.codeBook(2025).govEconomicMap(UnitType.ADMINISTRATIVE));
    }
}
