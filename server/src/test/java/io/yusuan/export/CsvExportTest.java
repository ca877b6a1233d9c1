package io.yusuan.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.PublishedCell;
import io.yusuan.domain.publish.PublishedRow;
import io.yusuan.domain.publish.PublishedTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void oneCsvPerTableWithFlatHeadersAndPlainFigures() throws IOException {
        PublishedBudget budget = SampleBudgets.seed001(SampleBudgets.approved());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CsvBudgetWriter().write(budget, out, ExportProgress.NONE);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
                assertEquals(LocalDateTime.of(2024, 2, 20, 8, 30), e.getTimeLocal(), "dated with the stamp (UTC)");
            }
        }
        List<String> names = new ArrayList<>(entries.keySet());
        assertEquals(List.of("00_目录.csv", "01_表1 财政拨款收支总表.csv", "02_表2 一般公共预算支出表.csv",
                "03_表3 一般公共预算基本支出表.csv", "04_表4 政府性基金预算支出表.csv", "05_表9 项目支出表.csv", "说明.txt"), names);

        for (byte[] content : entries.values()) {
            assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(content, 3), "BOM");
        }
        for (int t = 0; t < budget.tables().size(); t++) {
            PublishedTable table = budget.tables().get(t);
            List<List<String>> records = parse(entries.get(names.get(t + 1)));
            assertEquals(table.rows().size() + 1, records.size(), table.heading());
            for (int r = 0; r < table.rows().size(); r++) {
                PublishedRow row = table.rows().get(r);
                for (int c = 0; c < table.columns().size(); c++) {
                    PublishedCell cell = row.cells().get(c);
                    String expected = cell instanceof PublishedCell.Amount a ? a.shown().toPlainString()
                            : cell instanceof PublishedCell.Text x ? x.text() : "";
                    assertEquals(expected, records.get(r + 1).get(c), table.heading() + " " + r + "/" + c);
                }
            }
        }
        List<List<String>> first = parse(entries.get(names.get(1)));
        assertEquals(List.of("收入 › 项目", "收入 › 预算数", "支出 › 项目", "支出 › 合计", "支出 › 一般公共预算财政拨款",
                "支出 › 政府性基金预算财政拨款", "支出 › 国有资本经营预算拨款"), first.get(0));
        List<List<String>> functional = parse(entries.get(names.get(2)));
        assertEquals("功能分类科目 › 科目编码", functional.get(0).get(0));
        assertEquals("预算数 › 基本支出", functional.get(0).get(3));
        assertEquals(List.of("2019999", "其他一般公共服务支出", "125.50", "", "125.50"), functional.get(4));
        assertEquals(List.of("科目编码", "科目名称", "本年政府性基金财政拨款支出 › 合计", "本年政府性基金财政拨款支出 › 基本支出",
                "本年政府性基金财政拨款支出 › 项目支出"), parse(entries.get(names.get(4))).get(0), "tall cells count once");

        String projects = text(entries.get(names.get(5)));
        assertTrue(projects.contains("\r\n\"\"\"互联网+医保\"\"服务, 二期\",宿州市医疗保障局,179.38,"), "RFC 4180 quoting");
        List<List<String>> index = parse(entries.get("00_目录.csv"));
        assertEquals(List.of("文件", "表号", "表名", "单位", "行数", "空表说明", "版本"), index.get(0));
        assertEquals(SampleBudgets.FUND_NOTE, index.get(4).get(5));
        assertEquals(budget.stamp().label(), index.get(1).get(6));
        String narrative = text(entries.get("说明.txt"));
        assertTrue(narrative.contains(budget.narrative().get(2).heading() + "\r\n"));
        assertTrue(narrative.contains(budget.stamp().label()));
    }

    @Test
    void quotingFollowsRfc4180() {
        assertEquals("plain", Csv.field("plain"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
        assertEquals("\"two\nlines\"", Csv.field("two\nlines"));
        assertEquals("", Csv.field(null));
    }

    private static String text(byte[] withBom) {
        return new String(withBom, 3, withBom.length - 3, StandardCharsets.UTF_8);
    }

    /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
    static List<List<String>> parse(byte[] withBom) {
        String text = text(withBom);
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        assertTrue(record.isEmpty() && field.length() == 0, "ends with CRLF");
        return records;
    }
}
