package io.yusuan.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.CellEdit;
import io.yusuan.domain.TextEdit;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.classification.CodeRow;
import io.yusuan.store.CodeRowsJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A budget kept as structured data under resources/demo/: its lines (classification codes, and the
 * free rows of list tables with their kind and parent), the input figures (in 元), the texts of
 * text cells (project names, 绩效 indicators, the 说明), the tables marked 空表 with their notes, and
 * the figures the published document printed for derived cells, which tests compare with what the
 * engine derives.
 */
public record DemoBudget(String templateId, String title, String unit, int year, Map<String, List<CodeRow>> rows,
                         List<CellEdit> values, List<CellEdit> published, Map<String, String> emptySections,
                         List<TextEdit> texts) {

    public static DemoBudget resource(String name) {
        try (InputStream in = DemoBudget.class.getClassLoader().getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing demo resource " + name);
            }
            return parse(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DemoBudget parse(JsonObject json) {
        Map<String, List<CodeRow>> rows = CodeRowsJson.read(json.getJsonObject("rows", new JsonObject()));
        Map<String, String> empty = CodeRowsJson.readNotes(json.getJsonObject("emptySections", new JsonObject()));
        List<TextEdit> texts = new ArrayList<>();
        for (Object item : json.getJsonArray("texts", new JsonArray())) {
            JsonObject cell = (JsonObject) item;
            texts.add(new TextEdit(new CellRef(cell.getString("section"), cell.getString("row"), cell.getString("column")),
                    cell.getString("text")));
        }
        return new DemoBudget(json.getString("template"), json.getString("title"), json.getString("unit"),
                json.getInteger("year"), rows, cells(json.getJsonArray("values")),
                cells(json.getJsonArray("published", new JsonArray())), empty, texts);
    }

    private static List<CellEdit> cells(JsonArray array) {
        List<CellEdit> cells = new ArrayList<>();
        for (Object item : array) {
            JsonObject cell = (JsonObject) item;
            cells.add(new CellEdit(new CellRef(cell.getString("section"), cell.getString("row"),
                    cell.getString("column")), Money.yuan(cell.getString("value"))));
        }
        return cells;
    }
}
