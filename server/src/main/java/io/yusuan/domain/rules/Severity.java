package io.yusuan.domain.rules;

import java.util.Locale;

/**
 * How serious a rule result is. INFO is used for 尾差: a difference small enough to be the
 * rounding remainder of figures entered in 万元.
 */
public enum Severity {
    ERROR, WARNING, INFO;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
