package io.yusuan.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.classification.CodeRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one JSON form of a document's lines: {"gp_exp":[{"code","name"}, …], "projects":[{"code","name",
 * "parent","kind"}, …]} (parent and kind only for free rows of list sections).
 */
public final class CodeRowsJson {

    private CodeRowsJson() {
    }

    public static JsonObject write(Map<String, List<CodeRow>> codeRows) {
        JsonObject json = new JsonObject();
        codeRows.forEach((section, rows) -> {
            JsonArray list = new JsonArray();
            rows.forEach(r -> {
                JsonObject row = new JsonObject().put("code", r.code()).put("name", r.name());
                if (r.parent() != null) {
                    row.put("parent", r.parent());
                }
                if (r.kind() != null) {
                    row.put("kind", r.kind());
                }
                list.add(row);
            });
            json.put(section, list);
        });
        return json;
    }

    public static Map<String, List<CodeRow>> read(JsonObject json) {
        Map<String, List<CodeRow>> result = new LinkedHashMap<>();
        for (String section : json.fieldNames()) {
            List<CodeRow> rows = new ArrayList<>();
            for (Object item : json.getJsonArray(section)) {
                JsonObject row = (JsonObject) item;
                rows.add(new CodeRow(row.getString("code"), row.getString("name", ""), row.getString("parent"),
                        row.getString("kind")));
            }
            result.put(section, rows);
        }
        return result;
    }

    /** Table → note of the tables marked 空表. */
    public static Map<String, String> readNotes(JsonObject json) {
        Map<String, String> notes = new LinkedHashMap<>();
        json.forEach(e -> notes.put(e.getKey(), (String) e.getValue()));
        return notes;
    }
}
