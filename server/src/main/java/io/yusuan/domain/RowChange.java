package io.yusuan.domain;

/** A classification line added to or removed from a code-tree section. */
public record RowChange(String section, String code, String name, boolean added) {
}
