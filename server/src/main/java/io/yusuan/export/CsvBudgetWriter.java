package io.yusuan.export;

import io.yusuan.domain.publish.NarrativeBlock;
import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.PublishedCell;
import io.yusuan.domain.publish.PublishedRow;
import io.yusuan.domain.publish.PublishedTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget as a zip of CSV files, one per table, for people who load the figures into other tools.
 * Each CSV is plain data: one header line (multi-level titles flattened, «预算数 › 合计»), then one line
 * per row; amounts in the table's unit as plain decimals (1773.19), codes as written. What a table's CSV
 * cannot say (heading, unit, stamp, 空表 note) is in {@code 00_目录.csv}, and the 说明 in {@code 说明.txt}.
 * Files are UTF-8 with a byte-order mark, because Excel reads a CSV without one in the local code page and
 * garbles Chinese; lines end in CRLF (RFC 4180).
 */
public final class CsvBudgetWriter implements BudgetWriter {

    static final String INDEX = "00_目录.csv";
    static final String NARRATIVE = "说明.txt";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Override
    public void write(PublishedBudget budget, OutputStream out, ExportProgress progress) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < budget.tables().size(); i++) {
            names.add(fileName(i, budget, budget.tables().get(i)));
        }
        try (DeterministicZip zip = new DeterministicZip(out, Tables.utc(budget.stamp()))) {
            zip.add(INDEX, index(budget, names));
            int done = 0;
            for (int i = 0; i < budget.tables().size(); i++) {
                zip.add(names.get(i), table(budget.tables().get(i)));
                progress.tablesDone(++done, budget.tables().size());
            }
            if (!budget.narrative().isEmpty()) {
                zip.add(NARRATIVE, narrative(budget));
            }
        }
    }

    /** «03_表3 一般公共预算支出表.csv»: the position keeps files in order and names unique. */
    static String fileName(int position, PublishedBudget budget, PublishedTable table) {
        String title = XlsxBudgetWriter.sheetTitle(budget, table).replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        if (title.length() > 60) {
            title = title.substring(0, 60).strip();
        }
        return String.format("%02d_%s.csv", position + 1, title);
    }

    private static byte[] index(PublishedBudget budget, List<String> names) {
        Csv csv = new Csv();
        csv.record(List.of("文件", "表号", "表名", "单位", "行数", "空表说明", "版本"));
        for (int i = 0; i < budget.tables().size(); i++) {
            PublishedTable table = budget.tables().get(i);
            csv.record(List.of(names.get(i), table.number() > 0 ? String.valueOf(table.number()) : "",
                    nonNull(table.title()), Tables.unitLine(table), String.valueOf(table.rows().size()),
                    table.empty() ? table.emptyNote() : "", budget.stamp().label()));
        }
        return csv.bytes();
    }

    private static byte[] table(PublishedTable table) {
        Csv csv = new Csv();
        HeaderGrid grid = new HeaderGrid(table);
        int columns = table.columns().size();
        List<String> header = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) {
            String title = grid.flatTitle(c);
            header.add(title.isEmpty() && table.columns().get(c).title() != null ? table.columns().get(c).title() : title);
        }
        csv.record(header);
        for (PublishedRow row : table.rows()) {
            List<String> fields = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                PublishedCell cell = c < row.cells().size() ? row.cells().get(c) : PublishedCell.BLANK;
                if (cell instanceof PublishedCell.Amount amount) {
                    fields.add(Figures.plain(amount.shown()));
                } else if (cell instanceof PublishedCell.Text text) {
                    fields.add(text.text());
                } else {
                    fields.add("");
                }
            }
            csv.record(fields);
        }
        return csv.bytes();
    }

    private static byte[] narrative(PublishedBudget budget) {
        StringBuilder text = new StringBuilder();
        text.append(nonNull(budget.title())).append(" 说明\r\n").append(budget.stamp().label()).append("\r\n");
        for (NarrativeBlock block : budget.narrative()) {
            text.append("\r\n");
            if (block.heading() != null && !block.heading().isBlank()) {
                text.append(block.heading().strip()).append("\r\n");
            }
            // Windows editors still expect CRLF; the text's own line breaks are kept
            text.append(nonNull(block.text()).strip().replace("\r\n", "\n").replace("\n", "\r\n")).append("\r\n");
        }
        return withBom(text.toString());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    static byte[] withBom(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 3 + 3);
        out.writeBytes(BOM);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
