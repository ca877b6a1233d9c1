package io.yusuan.store;

import static io.yusuan.store.JsonForms.array;
import static io.yusuan.store.JsonForms.money;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.VersionContent;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * The stored form of an approved version's frozen content: compact rows of [section, row, column,
 * value] so a budget of thousands of cells stays small, in a fixed order so the stored text of the
 * same content is always the same.
 */
public final class ContentCodec {

    private static final Comparator<CellRef> ORDER = Comparator.comparing(CellRef::section)
            .thenComparing(CellRef::row).thenComparing(CellRef::column);

    private ContentCodec() {
    }

    public static JsonObject write(VersionContent content) {
        JsonArray values = new JsonArray();
        content.values().entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).forEach(e -> values.add(
                new JsonArray().add(e.getKey().section()).add(e.getKey().row()).add(e.getKey().column())
                        .add(e.getValue().toYuanString())));
        JsonArray texts = new JsonArray();
        content.texts().entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).forEach(e -> texts.add(
                new JsonArray().add(e.getKey().section()).add(e.getKey().row()).add(e.getKey().column())
                        .add(e.getValue())));
        JsonArray authors = new JsonArray();
        content.authors().entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).forEach(e -> authors.add(
                new JsonArray().add(e.getKey().section()).add(e.getKey().row()).add(e.getKey().column())
                        .add(e.getValue().id()).add(e.getValue().name())));
        JsonObject empty = new JsonObject();
        content.emptySections().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> empty.put(e.getKey(), e.getValue()));
        return new JsonObject().put("template", content.templateId()).put("rows", CodeRowsJson.write(content.codeRows()))
                .put("empty", empty).put("values", values).put("texts", texts).put("authors", authors);
    }

    public static VersionContent read(JsonObject json) {
        Map<CellRef, Money> values = new HashMap<>();
        for (Object item : array(json, "values")) {
            JsonArray v = (JsonArray) item;
            values.put(ref(v), money(v.getString(3)));
        }
        Map<CellRef, String> texts = new HashMap<>();
        for (Object item : array(json, "texts")) {
            JsonArray t = (JsonArray) item;
            texts.put(ref(t), t.getString(3));
        }
        Map<CellRef, Actor> authors = new HashMap<>();
        for (Object item : array(json, "authors")) {
            JsonArray a = (JsonArray) item;
            authors.put(ref(a), new Actor(a.getLong(3), a.getString(4)));
        }
        return new VersionContent(json.getString("template"),
                CodeRowsJson.read(json.getJsonObject("rows", new JsonObject())),
                CodeRowsJson.readNotes(json.getJsonObject("empty", new JsonObject())), values, texts, authors);
    }

    private static CellRef ref(JsonArray item) {
        return new CellRef(item.getString(0), item.getString(1), item.getString(2));
    }
}
