package io.yusuan.domain.template;

import java.util.List;
import java.util.Map;

/**
 * How to recognise a section in a published budget text: regular expressions its title matches
 * (and must not match), and, for tables published with a single amount column where the template
 * has several input columns, which column a row goes to by its code prefix ("*" for the rest).
 */
public record ImportHints(List<String> titles, List<String> notTitles, Map<String, String> singleColumnByPrefix) {

    public static final ImportHints NONE = new ImportHints(List.of(), List.of(), Map.of());

    public ImportHints {
        titles = List.copyOf(titles);
        notTitles = List.copyOf(notTitles);
        singleColumnByPrefix = Map.copyOf(singleColumnByPrefix);
    }
}
