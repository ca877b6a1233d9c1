package io.yusuan.domain;

/**
 * A line added to or removed from a section: a classification line of a code tree ({@code code},
 * its {@code name}), or a free row of a list section ({@code code} is its key, {@code kind} its
 * row kind, {@code parent} the row it sits under, null at the top).
 */
public record RowChange(String section, String code, String name, boolean added, String kind, String parent) {

    public RowChange(String section, String code, String name, boolean added) {
        this(section, code, name, added, null, null);
    }
}
