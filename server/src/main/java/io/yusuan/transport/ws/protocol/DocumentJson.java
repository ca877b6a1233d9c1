package io.yusuan.transport.ws.protocol;

import static io.yusuan.transport.ws.protocol.WireJson.actor;
import static io.yusuan.transport.ws.protocol.WireJson.yuan;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.BudgetState;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.InputCell;
import io.yusuan.domain.budget.TextCell;
import io.yusuan.domain.calc.CellSpec;
import io.yusuan.domain.calc.RowLayout;
import io.yusuan.domain.calc.SectionLayout;
import io.yusuan.domain.template.ColumnDef;
import io.yusuan.domain.template.ColumnKind;
import io.yusuan.domain.template.RowKindDef;
import io.yusuan.domain.template.SectionKind;
import io.yusuan.room.DocumentView;
import io.yusuan.store.Catalog.DocumentInfo;
import java.util.Locale;

/** The document object carried by {@code snapshot} and returned by GET /api/documents/{id}. */
final class DocumentJson {

    private DocumentJson() {
    }

    static JsonObject document(DocumentView view) {
        DocumentInfo info = view.info();
        BudgetState state = view.state();
        JsonArray sections = new JsonArray();
        for (SectionLayout section : state.layout().sections()) {
            sections.add(section(section, state, view.readOnly()));
        }
        JsonObject flows = new JsonObject();
        state.layout().sections().forEach(s -> flows.put(s.key(), WireJson.flow(state.workflow().flow(s.key()))));
        JsonArray versions = new JsonArray();
        state.workflow().versions().forEach(v -> versions.add(WireJson.version(v)));
        JsonArray threads = new JsonArray();
        state.comments().threads().forEach(t -> threads.add(WireJson.thread(t)));
        return WireEncoder.summary(info).put("version", state.version())
                .put("role", view.role() == null ? null : view.role().wireName())
                .put("readOnly", view.readOnly())
                .put("templateTitle", state.layout().template().title())
                .put("displayUnit", state.layout().template().displayUnit())
                .put("sections", sections)
                .put("checks", WireEncoder.checks(state))
                .put("workflow", new JsonObject().put("sections", flows).put("versions", versions))
                .put("comments", threads);
    }

    private static JsonObject section(SectionLayout section, BudgetState state, boolean readOnly) {
        JsonArray columns = new JsonArray();
        for (ColumnDef column : section.def().columns()) {
            JsonObject json = new JsonObject().put("key", column.key()).put("title", column.title())
                    .put("header", new JsonArray(column.header())).put("kind", column.kind().name().toLowerCase(Locale.ROOT))
                    .put("computed", column.computedEverywhere());
            if (column.kind() == ColumnKind.TEXT) {
                json.put("maxLength", column.textLimit());
            }
            columns.add(json);
        }
        JsonArray rows = new JsonArray();
        for (RowLayout row : section.rows()) {
            JsonObject cells = new JsonObject();
            for (String column : row.columns()) {
                CellRef ref = new CellRef(section.key(), row.key(), column);
                state.layout().cell(ref).ifPresent(spec -> cells.put(column, cellJson(spec, state, readOnly)));
            }
            JsonObject json = new JsonObject().put("key", row.key()).put("code", row.code()).put("label", row.label())
                    .put("level", row.level()).put("group", row.group()).put("total", row.totalRow())
                    .put("cells", cells);
            if (row.kind() != null) {
                json.put("kind", row.kind()).put("parent", row.parent());
            }
            rows.add(json);
        }
        JsonObject json = new JsonObject().put("key", section.key()).put("number", section.def().number())
                .put("title", section.def().title())
                .put("kind", switch (section.def().kind()) {
                    case CODE_TREE -> "codeTree";
                    case LIST -> "list";
                    case FIXED -> "fixed";
                })
                .put("codeSystem", section.def().codeSystem() == null ? null
                        : section.def().codeSystem().name().toLowerCase(Locale.ROOT))
                .put("rowHeader", new JsonArray(section.def().rowHeader()))
                .put("mandatory", section.def().mandatory())
                .put("empty", state.emptySections().containsKey(section.key())
                        ? new JsonObject().put("note", state.emptySections().get(section.key())) : null)
                .put("columns", columns).put("rows", rows);
        if (section.def().kind() == SectionKind.LIST) {
            JsonArray kinds = new JsonArray();
            for (RowKindDef kind : section.def().rowKinds()) {
                kinds.add(new JsonObject().put("key", kind.key()).put("title", kind.title())
                        .put("columns", new JsonArray(kind.columns())).put("parents", new JsonArray(kind.parents())));
            }
            json.put("rowKinds", kinds).put("labelColumn", section.def().labelColumn());
        }
        return json;
    }

    private static JsonObject cellJson(CellSpec spec, BudgetState state, boolean readOnly) {
        if (spec.column().kind() == ColumnKind.TEXT) {
            TextCell text = state.textCell(spec.ref());
            JsonObject json = new JsonObject().put("text", text.text()).put("rev", text.rev()).put("editable", !readOnly);
            if (text.by() != null) {
                json.put("by", actor(text.by()));
            }
            return json;
        }
        if (!spec.isInput()) {
            return new JsonObject().put("value", yuan(state.valueOf(spec.ref()))).put("rev", 0)
                    .put("editable", false);
        }
        InputCell input = state.input(spec.ref());
        JsonObject json = new JsonObject().put("value", yuan(input.value())).put("rev", input.rev())
                .put("editable", !readOnly);
        if (input.by() != null) {
            json.put("by", actor(input.by()));
        }
        return json;
    }
}
