package io.yusuan.bench;

import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.export.ExportFormat;
import io.yusuan.export.Exporter;
import io.yusuan.export.SampleBudgets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Times each export format on the generated large budget (12 tables, 11 × 300 rows and one 空表, a long
 * 说明) and on the seed-001-shaped one: the first call in the JVM (cold, includes class loading and, for
 * PDF, reading the font) and the best of the warm runs. Bounded by {@code -Druns} per format (5) and
 * {@code -Dseconds} in all (60). Prints one line per budget and format.
 */
public final class ExportBench {

    public static void main(String[] args) throws IOException {
        int runs = Integer.getInteger("runs", 5);
        long deadline = System.nanoTime() + Long.getLong("seconds", 60L) * 1_000_000_000L;
        Exporter exporter = new Exporter(System.getProperty("pdfFont"));
        System.out.printf("%-8s %-6s %10s %10s %10s %6s%n", "budget", "format", "cold ms", "warm ms", "bytes", "runs");
        for (String name : new String[] {"large", "seed001"}) {
            PublishedBudget budget = name.equals("large")
                    ? SampleBudgets.large(SampleBudgets.approved())
                    : SampleBudgets.seed001(SampleBudgets.approved());
            for (ExportFormat format : ExportFormat.values()) {
                long cold = time(exporter, format, budget);
                long best = Long.MAX_VALUE;
                int done = 0;
                int size = 0;
                while (done < runs && System.nanoTime() < deadline) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    long start = System.nanoTime();
                    exporter.write(format, budget, out, null);
                    best = Math.min(best, System.nanoTime() - start);
                    size = out.size();
                    done++;
                }
                System.out.printf(Locale.ROOT, "%-8s %-6s %10.1f %10.1f %10d %6d%n", name, format, cold / 1e6,
                        done == 0 ? Double.NaN : best / 1e6, size, done);
            }
        }
    }

    private static long time(Exporter exporter, ExportFormat format, PublishedBudget budget) throws IOException {
        long start = System.nanoTime();
        exporter.write(format, budget, new ByteArrayOutputStream(), null);
        return System.nanoTime() - start;
    }
}
