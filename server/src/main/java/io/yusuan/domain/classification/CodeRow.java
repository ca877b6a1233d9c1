package io.yusuan.domain.classification;

/**
 * One line of a document's section: in a code tree, a classification code and the name printed
 * beside it (its parent follows from the code); in a list section, a free row's key, its row
 * {@code kind} and the key of the row it sits under ({@code parent}, null at the top). A free
 * row's printed label is the text of its label column, so {@code name} is empty there.
 */
public record CodeRow(String code, String name, String parent, String kind) {

    public CodeRow(String code, String name) {
        this(code, name, null, null);
    }
}
