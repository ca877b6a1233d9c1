package io.yusuan.importer;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.RowDef;
import io.yusuan.domain.template.SectionDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the 说明 of a published budget into the chapters of the template's narrative section: a
 * chapter starts at a heading line that names one of them (ordinals, spaces and the year aside:
 * «一、关于 2024 年财政拨款收支总表的说明» is the chapter «关于财政拨款收支总表的说明»), and runs until the
 * next chapter, or a part heading that leaves the 说明 («第二部分 部门预算表», «第四部分 公开报表»). Lines
 * of a 目录 («- 1.主要职责») are not headings. The text keeps its line breaks; tables are not text.
 */
final class NarrativeReader {

    private static final Pattern PART = Pattern.compile("^第[一二三四五六七八九十]+部分\\s*");
    private static final Pattern ORDINAL = Pattern.compile(
            "^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\\d{1,2}[、.．](?!\\d))\\s*");
    private static final Pattern YEAR = Pattern.compile("\\d{4}\\s*年度?");
    private static final int MAX_HEADING = 60;

    private NarrativeReader() {
    }

    static Map<CellRef, String> read(List<PublishedText.Prose> prose, SectionDef section, List<String> unplaced) {
        ColumnDef column = section.columns().stream().filter(c -> c.kind() == ColumnKind.TEXT).findFirst()
                .orElseThrow(() -> new IllegalStateException("narrative section " + section.key() + " has no text column"));
        Map<String, List<String>> chapters = new LinkedHashMap<>();
        String current = null;
        for (int i = 0; i < prose.size(); i++) {
            String line = prose.get(i).text();
            if (line.startsWith("-") && current == null) {
                continue; // a 目录 line
            }
            String chapter = line.length() <= MAX_HEADING && !line.startsWith("-") ? chapterOf(line, section) : null;
            if (chapter != null && chapters.getOrDefault(chapter, List.of()).isEmpty()) {
                // A heading seen before with nothing under it (a 目录 line) starts the chapter now.
                current = chapter;
                chapters.put(chapter, new ArrayList<>());
                continue;
            }
            if (PART.matcher(line).find() && leavesTheNarrative(line, prose, i, section)) {
                current = null;
                continue;
            }
            if (current != null) {
                chapters.get(current).add(line);
            }
        }
        Map<CellRef, String> texts = new LinkedHashMap<>();
        chapters.forEach((row, lines) -> {
            String text = String.join("\n", lines).strip();
            if (text.length() > column.textLimit()) {
                unplaced.add("说明「" + labelOf(section, row) + "」超过 " + column.textLimit() + " 字，多出的部分没有读入");
                text = text.substring(0, column.textLimit());
            }
            if (!text.isEmpty()) {
                texts.put(new CellRef(section.key(), row, column.key()), text);
            }
        });
        return texts;
    }

    /** A part heading that names tables or a new 说明 ends the chapter; one inside a chapter («第一部分 部门整体绩效目标») does not. */
    private static boolean leavesTheNarrative(String line, List<PublishedText.Prose> prose, int at, SectionDef section) {
        if (line.contains("表") || line.contains("说明") || line.contains("概况") || line.contains("情况")) {
            return true;
        }
        for (int j = at + 1; j < prose.size() && j <= at + 1; j++) {
            if (chapterOf(prose.get(j).text(), section) != null) {
                return true;
            }
        }
        return false;
    }

    /** The chapter row a heading line names, or null. */
    static String chapterOf(String line, SectionDef section) {
        String heading = normalized(line);
        if (heading.isEmpty()) {
            return null;
        }
        for (Map.Entry<String, Pattern> chapter : chapters(section).entrySet()) {
            if (chapter.getValue().matcher(heading).matches()) {
                return chapter.getKey();
            }
        }
        return null;
    }

    private static final Map<SectionDef, Map<String, Pattern>> CHAPTERS =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Row key → the pattern its heading matches: its label as printed (normalized), or the hint's pattern. */
    private static Map<String, Pattern> chapters(SectionDef section) {
        return CHAPTERS.computeIfAbsent(section, s -> {
            Map<String, Pattern> out = new LinkedHashMap<>();
            Map<String, String> patterns = s.importHints().labels();
            for (RowDef row : s.rows()) {
                String pattern = patterns.get(row.key());
                out.put(row.key(), Pattern.compile(pattern != null
                        ? "(?:" + Pattern.quote(normalized(row.label())) + ")|(?:" + pattern + ")"
                        : Pattern.quote(normalized(row.label()))));
            }
            return out;
        });
    }

    static String normalized(String heading) {
        String text = PART.matcher(heading.strip()).replaceFirst("");
        text = ORDINAL.matcher(text).replaceFirst("");
        text = YEAR.matcher(text).replaceAll("");
        return text.replaceAll("[\\s*]", "").replace('（', '(').replace('）', ')').replaceAll("[。：:]$", "");
    }

    private static String labelOf(SectionDef section, String row) {
        return section.rows().stream().filter(r -> r.key().equals(row)).map(RowDef::label).findFirst().orElse(row);
    }
}
