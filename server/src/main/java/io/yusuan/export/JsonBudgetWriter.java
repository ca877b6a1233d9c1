package io.yusuan.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.yusuan.domain.publish.ColumnSpec;
import io.yusuan.domain.publish.HeaderCell;
import io.yusuan.domain.publish.NarrativeBlock;
import io.yusuan.domain.publish.PublishedBudget;
import io.yusuan.domain.publish.PublishedCell;
import io.yusuan.domain.publish.PublishedRow;
import io.yusuan.domain.publish.PublishedTable;
import io.yusuan.domain.publish.Stamp;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The whole budget as JSON, written field by field so the order is fixed and documented by this code:
 * stamp, tables (header grid, columns, rows), narrative. A blank cell is {@code null}, a text cell
 * {@code {"text": …}}, an amount {@code {"shown": "1773.19", "exact": "17731900.00"}}: the printed figure in
 * the table's unit and the exact amount in 元, both decimal strings (a JSON number would be read as a
 * binary float by most consumers). Pretty-printed with \n line ends whatever the platform, UTF-8.
 */
public final class JsonBudgetWriter implements BudgetWriter {

    public static final String FORMAT = "yusuan.published-budget/1";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    @Override
    public void write(PublishedBudget budget, OutputStream out, ExportProgress progress) throws IOException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        // «"key": value», the usual spelling, instead of Jackson's default «"key" : value»
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        try (JsonGenerator json = MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
            json.setPrettyPrinter(pretty);
            json.writeStartObject();
            json.writeStringField("format", FORMAT);
            json.writeStringField("title", budget.title());
            json.writeStringField("entity", budget.entity());
            json.writeNumberField("year", budget.year());
            writeStamp(json, budget.stamp());
            json.writeArrayFieldStart("tables");
            int done = 0;
            for (PublishedTable table : budget.tables()) {
                writeTable(json, table);
                progress.tablesDone(++done, budget.tables().size());
            }
            json.writeEndArray();
            json.writeArrayFieldStart("narrative");
            for (NarrativeBlock block : budget.narrative()) {
                json.writeStartObject();
                json.writeStringField("heading", block.heading());
                json.writeStringField("text", block.text());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
    }

    private static void writeStamp(JsonGenerator json, Stamp stamp) throws IOException {
        json.writeObjectFieldStart("stamp");
        json.writeBooleanField("draft", stamp.draft());
        json.writeStringField("label", stamp.label());
        if (stamp.versionNumber() == null) {
            json.writeNullField("versionNumber");
        } else {
            json.writeNumberField("versionNumber", stamp.versionNumber());
        }
        json.writeStringField("hash", stamp.hash());
        json.writeStringField("approvedBy", stamp.approvedBy());
        json.writeStringField("at", stamp.at() == null ? null : DateTimeFormatter.ISO_INSTANT.format(stamp.at()));
        json.writeNumberField("documentVersion", stamp.documentVersion());
        json.writeEndObject();
    }

    private static void writeTable(JsonGenerator json, PublishedTable table) throws IOException {
        json.writeStartObject();
        json.writeNumberField("number", table.number());
        json.writeStringField("heading", table.heading());
        json.writeStringField("title", table.title());
        json.writeStringField("unit", Tables.unitLine(table));
        json.writeBooleanField("empty", table.empty());
        json.writeStringField("emptyNote", table.emptyNote());
        json.writeArrayFieldStart("header");
        for (List<HeaderCell> row : table.header()) {
            json.writeStartArray();
            for (HeaderCell cell : row) {
                json.writeStartObject();
                json.writeStringField("text", cell.text());
                json.writeNumberField("column", cell.column());
                json.writeNumberField("colSpan", cell.colSpan());
                json.writeNumberField("rowSpan", cell.rowSpan());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        json.writeEndArray();
        HeaderGrid grid = new HeaderGrid(table);
        json.writeArrayFieldStart("columns");
        for (int c = 0; c < table.columns().size(); c++) {
            ColumnSpec column = table.columns().get(c);
            json.writeStartObject();
            json.writeStringField("title", column.title());
            json.writeStringField("path", grid.flatTitle(c));
            json.writeStringField("kind", column.kind().name());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("rows");
        for (PublishedRow row : table.rows()) {
            json.writeStartObject();
            json.writeNumberField("level", row.level());
            json.writeBooleanField("total", row.total());
            json.writeArrayFieldStart("cells");
            for (PublishedCell cell : row.cells()) {
                writeCell(json, cell);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeCell(JsonGenerator json, PublishedCell cell) throws IOException {
        if (cell instanceof PublishedCell.Amount amount) {
            json.writeStartObject();
            json.writeStringField("shown", Figures.plain(amount.shown()));
            json.writeStringField("exact", amount.exact().toYuanString());
            json.writeEndObject();
        } else if (cell instanceof PublishedCell.Text text) {
            json.writeStartObject();
            json.writeStringField("text", text.text());
            json.writeEndObject();
        } else {
            json.writeNull();
        }
    }
}
