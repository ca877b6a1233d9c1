package io.yusuan.domain;

import java.util.List;

/** Event: tables were marked empty with their note, or unmarked. */
public record SectionsMarked(List<SectionMark> marks) implements DocumentEvent {

    public static final String TYPE = "sections_marked";

    public SectionsMarked {
        marks = List.copyOf(marks);
    }
}
