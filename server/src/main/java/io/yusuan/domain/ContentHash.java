package io.yusuan.domain;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.classification.CodeRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The content hash of a version: SHA-256 over a canonical text of its content — one line per row,
 * 空表 mark, figure and text, sorted — so the same content always gives the same hash, whatever the
 * order it was built in. Printed on every exported page as «sha256:&lt;hex&gt;».
 */
public final class ContentHash {

    private static final Comparator<CellRef> CELL_ORDER = Comparator.comparing(CellRef::section)
            .thenComparing(CellRef::row).thenComparing(CellRef::column);

    private ContentHash() {
    }

    public static String of(VersionContent content) {
        List<String> lines = new ArrayList<>();
        lines.add("template\t" + content.templateId());
        content.codeRows().forEach((section, rows) -> {
            for (CodeRow row : rows) {
                lines.add("row\t" + section + "\t" + row.code() + "\t" + row.name() + "\t" + nullable(row.parent())
                        + "\t" + nullable(row.kind()));
            }
        });
        content.emptySections().forEach((section, note) -> lines.add("empty\t" + section + "\t" + escape(note)));
        content.values().entrySet().stream().sorted(Map.Entry.comparingByKey(CELL_ORDER))
                .forEach(e -> lines.add("value\t" + e.getKey() + "\t" + e.getValue().toYuanString()));
        content.texts().entrySet().stream().sorted(Map.Entry.comparingByKey(CELL_ORDER))
                .forEach(e -> lines.add("text\t" + e.getKey() + "\t" + escape(e.getValue())));
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String nullable(String text) {
        return text == null ? "" : text;
    }

    /** Texts may hold tabs and line breaks; escaping keeps one entry per line. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }
}
