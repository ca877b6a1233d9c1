package io.yusuan.domain.template;

import java.util.List;
import java.util.Map;

/**
 * How to recognise a section in a published budget text: regular expressions its title matches
 * (and must not match), and, for tables published with a single amount column where the template
 * has several input columns, which column a row goes to by its code prefix ("*" for the rest).
 * {@code labels}: printed labels by regular expression — a fixed row's label (row key → pattern,
 * for labels printed in several ways), a 说明 chapter's heading, a 绩效 card's field (column key →
 * pattern). {@code kinds}: for a list table, which row kind a printed line is (kind → pattern on
 * its cells joined by "|"). {@code reader}: a reader other than the table reader, for printed
 * forms that are not tables of rows × columns ({@code perfCard}, {@code deptPerf}).
 */
public record ImportHints(List<String> titles, List<String> notTitles, Map<String, String> singleColumnByPrefix,
                          Map<String, String> labels, Map<String, String> kinds, String reader) {

    public static final ImportHints NONE = new ImportHints(List.of(), List.of(), Map.of());

    public ImportHints {
        titles = List.copyOf(titles);
        notTitles = List.copyOf(notTitles);
        singleColumnByPrefix = Map.copyOf(singleColumnByPrefix);
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        kinds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(kinds));
    }

    public ImportHints(List<String> titles, List<String> notTitles, Map<String, String> singleColumnByPrefix) {
        this(titles, notTitles, singleColumnByPrefix, Map.of(), Map.of(), null);
    }
}
