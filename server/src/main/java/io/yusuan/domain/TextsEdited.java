package io.yusuan.domain;

import java.util.List;

/** Event: text cells were written (with the reason, when the table had been reopened). */
public record TextsEdited(List<TextEdit> edits, String reason) implements DocumentEvent {

    public static final String TYPE = "texts_edited";

    public TextsEdited {
        edits = List.copyOf(edits);
    }
}
