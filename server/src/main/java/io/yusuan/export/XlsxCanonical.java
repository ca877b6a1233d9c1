package io.yusuan.export;

import io.yusuan.domain.publish.Stamp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes fastexcel's output reproducible. Two parts of it change from run to run although the workbook
 * does not: docProps/core.xml is dated {@code Instant.now()}, and each sheet lists its merged regions in
 * the order of a HashSet whose hash includes the worksheet's identity hash. This rewrites the archive:
 * the creation date becomes the stamp's time, merged regions are sorted top-left first, and the entries
 * are written again with {@link DeterministicZip}. Nothing else in the files is touched.
 */
final class XlsxCanonical {

    private static final Pattern CREATED = Pattern.compile(
            "(<dcterms:created xsi:type=\"dcterms:W3CDTF\">)[^<]*(</dcterms:created>)");
    private static final Pattern MERGE_CELLS = Pattern.compile("<mergeCells>(.*?)</mergeCells>", Pattern.DOTALL);
    private static final Pattern MERGE_CELL = Pattern.compile("<mergeCell ref=\"([A-Z]+)(\\d+):([A-Z]+\\d+)\"/>");
    private static final Pattern SHEET = Pattern.compile("xl/worksheets/sheet\\d+\\.xml");

    private XlsxCanonical() {
    }

    static void rewrite(byte[] workbook, Stamp stamp, OutputStream out) throws IOException {
        Map<String, byte[]> entries = DeterministicZip.read(workbook);
        Instant created = Tables.time(stamp);
        try (DeterministicZip zip = new DeterministicZip(out, Tables.utc(stamp))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                String name = entry.getKey();
                byte[] content = entry.getValue();
                if (name.equals("docProps/core.xml")) {
                    content = withCreated(content, created);
                } else if (SHEET.matcher(name).matches()) {
                    content = withSortedMerges(content);
                }
                zip.add(name, content);
            }
        }
    }

    private static byte[] withCreated(byte[] core, Instant created) {
        String xml = new String(core, StandardCharsets.UTF_8);
        String when = DateTimeFormatter.ISO_INSTANT.format(created.truncatedTo(ChronoUnit.SECONDS));
        return CREATED.matcher(xml).replaceFirst("$1" + when + "$2").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] withSortedMerges(byte[] sheet) {
        String xml = new String(sheet, StandardCharsets.UTF_8);
        Matcher block = MERGE_CELLS.matcher(xml);
        if (!block.find()) {
            return sheet;
        }
        List<String[]> refs = new ArrayList<>();
        Matcher cell = MERGE_CELL.matcher(block.group(1));
        while (cell.find()) {
            refs.add(new String[] {cell.group(1), cell.group(2), cell.group(3)});
        }
        if (refs.size() != block.group(1).split("<mergeCell ", -1).length - 1) {
            // a fastexcel release that writes merges differently must be noticed, not lose merged cells
            throw new IllegalStateException("unexpected <mergeCells> content: " + block.group(1));
        }
        refs.sort(Comparator.<String[]>comparingInt(r -> Integer.parseInt(r[1]))
                .thenComparingInt(r -> r[0].length()).thenComparing(r -> r[0]));
        StringBuilder sorted = new StringBuilder("<mergeCells count=\"").append(refs.size()).append("\">");
        for (String[] r : refs) {
            sorted.append("<mergeCell ref=\"").append(r[0]).append(r[1]).append(':').append(r[2]).append("\"/>");
        }
        sorted.append("</mergeCells>");
        return (xml.substring(0, block.start()) + sorted + xml.substring(block.end())).getBytes(StandardCharsets.UTF_8);
    }
}
