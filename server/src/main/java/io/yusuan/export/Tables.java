package io.yusuan.export;

import io.yusuan.domain.publish.ColumnSpec;
import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.PublishedTable;
import io.yusuan.domain.publish.Stamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/** Small readings of the model that every writer shares, so the formats say the same thing. */
final class Tables {

    /** Used when a stamp carries no time: any fixed instant keeps the output reproducible. */
    private static final Instant NO_TIME = Instant.parse("2000-01-01T00:00:00Z");

    private static final Pattern LEADING_UNIT_AND_YEAR = Pattern.compile("^(部门|单位)?\\s*(\\d{4}\\s*年度?)?\\s*");

    private Tables() {
    }

    /** «单位：万元»: the model may hold the whole line or only the unit. */
    static String unitLine(PublishedTable table) {
        String unit = table.unitLabel() == null ? "" : table.unitLabel().trim();
        if (unit.isEmpty() || unit.startsWith("单位")) {
            return unit;
        }
        return "单位：" + unit;
    }

    /** The instant every file is dated with: the stamp's, never the clock's. */
    static Instant time(Stamp stamp) {
        return stamp.at() == null ? NO_TIME : stamp.at();
    }

    /** The stamp time as a wall-clock time in UTC (zip entries store local times; UTC makes them machine-independent). */
    static LocalDateTime utc(Stamp stamp) {
        return LocalDateTime.ofInstant(time(stamp), ZoneOffset.UTC);
    }

    /**
     * The title without what every title of the budget repeats: «宿州市医疗保障局部门 2024 年一般公共预算支出表»
     * → «一般公共预算支出表». Used where space is short (sheet names, file names).
     */
    static String shortTitle(PublishedBudget budget, PublishedTable table) {
        String title = table.title() == null ? "" : table.title().strip();
        String entity = budget.entity() == null ? "" : budget.entity().strip();
        if (!entity.isEmpty() && title.startsWith(entity)) {
            title = title.substring(entity.length()).strip();
        }
        title = LEADING_UNIT_AND_YEAR.matcher(title).replaceFirst("").strip();
        return title.isEmpty() ? (table.title() == null ? "" : table.title().strip()) : title;
    }

    static boolean isAmount(PublishedTable table, int column) {
        return table.columns().get(column).kind() == ColumnSpec.Kind.AMOUNT;
    }
}
