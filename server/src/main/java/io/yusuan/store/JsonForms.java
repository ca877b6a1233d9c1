package io.yusuan.store;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.budget.Actor;
import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.budget.Money;
import io.yusuan.domain.comments.CommentAnchor;
import java.math.BigDecimal;
import java.time.Instant;

/** The small JSON forms the storage codecs share: cells, amounts, actors, anchors, instants. */
final class JsonForms {

    private JsonForms() {
    }

    static JsonObject cell(CellRef ref) {
        return new JsonObject().put("section", ref.section()).put("row", ref.row()).put("column", ref.column());
    }

    static CellRef cell(JsonObject json) {
        return new CellRef(json.getString("section"), json.getString("row"), json.getString("column"));
    }

    static String yuan(Money money) {
        return money == null ? null : money.toYuanString();
    }

    /**
     * Stored amounts may exceed the wire's 15 integer digits (a total of large inputs), so they are
     * read exactly but without the wire limit.
     */
    static Money money(String yuan) {
        return yuan == null ? null : Money.ofFen(new BigDecimal(yuan).movePointRight(2).longValueExact());
    }

    static JsonObject actor(Actor actor) {
        return actor == null ? null : new JsonObject().put("id", actor.id()).put("name", actor.name());
    }

    static Actor actor(JsonObject json) {
        return json == null ? null : new Actor(json.getLong("id"), json.getString("name"));
    }

    static JsonObject anchor(CommentAnchor anchor) {
        return anchor == null ? null : new JsonObject().put("section", anchor.section()).put("row", anchor.row())
                .put("column", anchor.column());
    }

    static CommentAnchor anchor(JsonObject json) {
        return json == null ? null : new CommentAnchor(json.getString("section"), json.getString("row"),
                json.getString("column"));
    }

    static String instant(Instant at) {
        return at == null ? null : at.toString();
    }

    static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    static JsonArray array(JsonObject json, String field) {
        JsonArray array = json.getJsonArray(field);
        return array == null ? new JsonArray() : array;
    }
}
