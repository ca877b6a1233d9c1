package io.yusuan.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.PublishedCell;
import io.yusuan.domain.publish.PublishedRow;
import io.yusuan.domain.publish.PublishedTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonExportTest {

    private static byte[] json(PublishedBudget budget) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JsonBudgetWriter().write(budget, out, ExportProgress.NONE);
        return out.toByteArray();
    }

    @Test
    void parsesBackWithEveryCellAndBothFormsOfEachAmount() throws IOException {
        PublishedBudget budget = SampleBudgets.seed001(SampleBudgets.approved());
        byte[] bytes = json(budget);
        JsonNode root = new ObjectMapper().readTree(bytes);

        List<String> fields = new ArrayList<>();
        root.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("format", "title", "entity", "year", "stamp", "tables", "narrative"), fields, "stable order");
        assertEquals(JsonBudgetWriter.FORMAT, root.get("format").asText());
        assertEquals("宿州市医疗保障局2024年部门预算", root.get("title").asText());
        JsonNode stamp = root.get("stamp");
        assertFalse(stamp.get("draft").asBoolean());
        assertEquals(2, stamp.get("versionNumber").asInt());
        assertEquals(SampleBudgets.HASH, stamp.get("hash").asText());
        assertEquals("2024-02-20T08:30:00Z", stamp.get("at").asText());
        assertEquals(budget.stamp().label(), stamp.get("label").asText());

        assertEquals(budget.tables().size(), root.get("tables").size());
        for (int t = 0; t < budget.tables().size(); t++) {
            PublishedTable table = budget.tables().get(t);
            JsonNode node = root.get("tables").get(t);
            assertEquals(table.heading(), node.get("heading").asText());
            assertEquals("单位：万元", node.get("unit").asText());
            assertEquals(table.empty(), node.get("empty").asBoolean());
            assertEquals(table.header().size(), node.get("header").size());
            assertEquals(table.columns().size(), node.get("columns").size());
            assertEquals(table.rows().size(), node.get("rows").size());
            for (int r = 0; r < table.rows().size(); r++) {
                PublishedRow row = table.rows().get(r);
                JsonNode cells = node.get("rows").get(r).get("cells");
                assertEquals(row.level(), node.get("rows").get(r).get("level").asInt());
                assertEquals(row.total(), node.get("rows").get(r).get("total").asBoolean());
                for (int c = 0; c < row.cells().size(); c++) {
                    PublishedCell cell = row.cells().get(c);
                    JsonNode value = cells.get(c);
                    if (cell instanceof PublishedCell.Amount amount) {
                        assertTrue(value.get("shown").isTextual() && value.get("exact").isTextual(), "strings, never floats");
                        assertEquals(0, amount.shown().compareTo(new BigDecimal(value.get("shown").asText())));
                        assertTrue(value.get("exact").asText().matches("-?\\d+\\.\\d{2}"), value.toString());
                        assertEquals(amount.exact().toYuanString(), value.get("exact").asText());
                    } else if (cell instanceof PublishedCell.Text text) {
                        assertEquals(text.text(), value.get("text").asText());
                    } else {
                        assertTrue(value.isNull());
                    }
                }
            }
        }
        JsonNode fund = root.get("tables").get(3);
        assertEquals(SampleBudgets.FUND_NOTE, fund.get("emptyNote").asText());
        assertEquals("本年政府性基金财政拨款支出 › 合计", fund.get("columns").get(2).get("path").asText());
        JsonNode first = root.get("tables").get(1).get("rows").get(1).get("cells").get(2);
        assertEquals("125.50", first.get("shown").asText());
        assertEquals("1255012.34", first.get("exact").asText(), "exact 元, not the shown 万元 × 10,000");
        assertEquals(budget.narrative().size(), root.get("narrative").size());
        assertEquals(budget.narrative().get(0).heading(), root.get("narrative").get(0).get("heading").asText());

        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("\"title\": \"宿州市医疗保障局2024年部门预算\""), "UTF-8, not \\u escapes");
        assertFalse(text.contains("\r"), "\\n line ends on every platform");
        assertTrue(text.endsWith("}\n"));
    }

    @Test
    void aDraftHasNoVersionNumber() throws IOException {
        JsonNode stamp = new ObjectMapper().readTree(json(SampleBudgets.seed001(SampleBudgets.draft()))).get("stamp");
        assertTrue(stamp.get("draft").asBoolean());
        assertTrue(stamp.get("versionNumber").isNull());
        assertEquals(815, stamp.get("documentVersion").asLong());
        assertTrue(stamp.get("label").asText().contains("草稿"));
    }
}
