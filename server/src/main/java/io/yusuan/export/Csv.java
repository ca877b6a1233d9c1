package io.yusuan.export;

import java.util.List;

/**
 * CSV text as RFC 4180 writes it: fields with a comma, quote or line break are quoted, quotes doubled,
 * records end in CRLF; the bytes are UTF-8 with a byte-order mark (see {@link CsvBudgetWriter}).
 */
final class Csv {

    private final StringBuilder text = new StringBuilder();

    void record(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(fields.get(i)));
        }
        text.append("\r\n");
    }

    static String field(String value) {
        String v = value == null ? "" : value;
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    byte[] bytes() {
        return CsvBudgetWriter.withBom(text.toString());
    }
}
