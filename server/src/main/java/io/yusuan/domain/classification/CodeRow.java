package io.yusuan.domain.classification;

/** One classification line of a document: its code and the name printed beside it. */
public record CodeRow(String code, String name) {
}
