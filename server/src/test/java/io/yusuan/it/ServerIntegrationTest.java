package io.yusuan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.domain.budget.Money;
import io.yusuan.support.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The real server on a free port against real PostgreSQL, driven by real WebSocket clients.
 * Tests share one server and run in order, because later ones (restart) check earlier edits.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServerIntegrationTest {

    private static final JsonObject ITEM = cell("gp_exp", "2101501", "basic");

    private static RunningServer server;
    private static Vertx vertx;
    private static long doc;
    private static String editor1;
    private static String editor2;
    private static String reviewer1;

    @BeforeAll
    static void start() throws Exception {
        Path data = Files.createTempDirectory("yusuan-it");
        server = new RunningServer(TestDatabase.fresh(), data, Map.of("MAX_MESSAGES_PER_SECOND", "40",
                "MAX_FRAME_BYTES", "4096"));
        vertx = Vertx.vertx();
        editor1 = server.login("editor1");
        editor2 = server.login("editor2");
        reviewer1 = server.login("reviewer1");
        JsonArray documents = server.request("GET", "/api/documents", editor1, null).array();
        assertFalse(documents.isEmpty(), "the demo budget exists");
        doc = documents.getJsonObject(0).getLong("id");
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
        server.close();
    }

    static JsonObject cell(String section, String row, String column) {
        return new JsonObject().put("section", section).put("row", row).put("column", column);
    }

    private static JsonObject edit(String requestId, String opId, JsonObject cell, String value, int baseRev) {
        return new JsonObject().put("type", "edit").put("requestId", requestId).put("doc", doc)
                .put("clientOpId", opId).put("cell", cell).put("value", value).put("baseRev", baseRev);
    }

    private static JsonObject subscribe(String requestId, Long since) {
        return new JsonObject().put("type", "subscribe").put("requestId", requestId).put("doc", doc)
                .put("since", since);
    }

    private static JsonObject cellIn(JsonObject document, JsonObject ref) {
        for (Object s : document.getJsonArray("sections")) {
            JsonObject section = (JsonObject) s;
            if (!section.getString("key").equals(ref.getString("section"))) {
                continue;
            }
            for (Object r : section.getJsonArray("rows")) {
                JsonObject row = (JsonObject) r;
                if (row.getString("key").equals(ref.getString("row"))) {
                    return row.getJsonObject("cells").getJsonObject(ref.getString("column"));
                }
            }
        }
        throw new AssertionError("no cell " + ref);
    }

    private static String calcValue(JsonObject applied, JsonObject ref) {
        for (Object c : applied.getJsonArray("calc")) {
            JsonObject calc = (JsonObject) c;
            if (calc.getJsonObject("cell").equals(ref)) {
                return calc.getString("value");
            }
        }
        throw new AssertionError("no calc for " + ref + " in " + applied);
    }

    @Test
    @Order(1)
    void loginAndAuthenticationAreEnforced() throws Exception {
        RunningServer.Response bad = server.request("POST", "/api/login", null,
                new JsonObject().put("username", "editor1").put("password", "wrong").encode());
        assertEquals(401, bad.status());
        assertEquals("UNAUTHENTICATED", bad.json().getString("code"));
        assertEquals(401, server.request("GET", "/api/documents", null, null).status());
        assertEquals(401, server.request("GET", "/api/documents", "forged.token.here", null).status());
        assertEquals(400, server.request("POST", "/api/login", null, "{not json").status());
        assertEquals(200, server.request("GET", "/health", null, null).status());

        JsonObject ok = server.request("POST", "/api/login", null,
                new JsonObject().put("username", "editor1").put("password", "yusuan").encode()).json();
        assertEquals("编辑一", ok.getJsonObject("user").getString("name"));
        assertEquals(new JsonArray().add("editor"), ok.getJsonObject("user").getJsonArray("roles"));

        Exception refused = null;
        try {
            WsTestClient.connect(vertx, server.port(), "forged").close();
        } catch (Exception e) {
            refused = e;
        }
        assertNotNull(refused, "a WebSocket with a bad token is refused at the upgrade");
    }

    @Test
    @Order(2)
    void anEditReachesTheOtherEditorWithTheRecomputedTotals() throws Exception {
        try (WsTestClient a = WsTestClient.connect(vertx, server.port(), editor1);
             WsTestClient b = WsTestClient.connect(vertx, server.port(), editor2)) {
            a.send(subscribe("sa", null));
            JsonObject snapshot = a.reply("sa");
            assertEquals("snapshot", snapshot.getString("type"));
            b.send(subscribe("sb", null));
            assertEquals("snapshot", b.reply("sb").getString("type"));
            JsonObject document = snapshot.getJsonObject("document");
            JsonObject before = cellIn(document, ITEM);
            assertTrue(before.getBoolean("editable"));
            assertFalse(cellIn(document, cell("gp_exp", "21015", "basic")).getBoolean("editable"));
            Money parentBefore = Money.yuan(cellIn(document, cell("gp_exp", "21015", "basic")).getString("value"));
            Money itemBefore = Money.yuan(before.getString("value"));

            a.send(edit("e1", "it-op-1", ITEM, "4200000.00", before.getInteger("rev")));

            JsonObject ack = a.next("ack");
            assertEquals("e1", ack.getString("requestId"));
            assertEquals(snapshot.getLong("version") + 1, ack.getLong("version"));
            JsonObject applied = b.next("applied");
            assertEquals(ack.getLong("version"), applied.getLong("version"));
            assertEquals("编辑一", applied.getJsonObject("by").getString("name"));
            assertEquals("4200000.00", applied.getJsonArray("changes").getJsonObject(0).getString("value"));
            Money expectedParent = parentBefore.plus(Money.yuan("4200000.00")).minus(itemBefore);
            assertEquals(expectedParent.toYuanString(), calcValue(applied, cell("gp_exp", "21015", "basic")));
            assertEquals(applied.getLong("version"), a.next("applied").getLong("version"));
            // The two breakdowns of 基本支出 now disagree by far more than 万元 rounding: X04 fires.
            JsonObject x04 = applied.getJsonArray("checks").stream().map(JsonObject.class::cast)
                    .filter(c -> "X04".equals(c.getString("key"))).findFirst().orElseThrow();
            assertEquals("violated", x04.getString("status"));
            assertEquals("error", x04.getString("severity"));
            JsonArray checks = server.request("GET", "/api/documents/" + doc + "/checks", editor2, null).array();
            assertTrue(checks.stream().map(JsonObject.class::cast).anyMatch(c -> "X04".equals(c.getString("rule"))
                    && "error".equals(c.getString("severity"))), checks::encode);
            JsonObject viaHttp = server.request("GET", "/api/documents/" + doc, editor2, null).json();
            assertEquals(expectedParent.toYuanString(), cellIn(viaHttp, cell("gp_exp", "21015", "basic"))
                    .getString("value"));
            assertEquals(ack.getLong("version"), viaHttp.getLong("version"));
        }
    }

    @Test
    @Order(3)
    void staleForbiddenAndInvalidEditsAreRejectedAndChangeNothing() throws Exception {
        JsonObject before = server.request("GET", "/api/documents/" + doc, editor1, null).json();
        try (WsTestClient b = WsTestClient.connect(vertx, server.port(), editor2);
             WsTestClient r = WsTestClient.connect(vertx, server.port(), reviewer1)) {
            b.send(edit("stale", "it-stale", ITEM, "1.00", 0));
            JsonObject stale = b.reply("stale");
            assertEquals("rejected", stale.getString("type"));
            assertEquals("STALE_CELL", stale.getString("code"));
            assertEquals("4200000.00", stale.getJsonObject("details").getString("value"));
            assertEquals("编辑一", stale.getJsonObject("details").getJsonObject("by").getString("name"));

            r.send(edit("rev", "it-rev", ITEM, "1.00", cellIn(before, ITEM).getInteger("rev")));
            assertEquals("FORBIDDEN", r.reply("rev").getString("code"));

            b.send(edit("calc", "it-calc", cell("gp_exp", "total", "total"), "1.00", 0));
            assertEquals("NOT_EDITABLE", b.reply("calc").getString("code"));
            b.send(edit("unknown", "it-unknown", cell("gp_exp", "9999999", "basic"), "1.00", 0));
            assertEquals("UNKNOWN_CELL", b.reply("unknown").getString("code"));
            b.send(edit("bad", "it-bad", ITEM, "12.345", 1));
            assertEquals("INVALID_VALUE", b.reply("bad").getString("code"));
        }
        JsonObject after = server.request("GET", "/api/documents/" + doc, editor1, null).json();
        assertEquals(before, after);
    }

    @Test
    @Order(4)
    void badFramesGetTypedErrorsAndTheSocketStaysOpen() throws Exception {
        try (WsTestClient c = WsTestClient.connect(vertx, server.port(), editor1)) {
            c.sendRaw("not json");
            assertEquals("BAD_MESSAGE", c.next("error").getString("code"));
            c.send(new JsonObject().put("type", "launch").put("requestId", "x"));
            JsonObject unknown = c.next("error");
            assertEquals("BAD_MESSAGE", unknown.getString("code"));
            assertEquals("x", unknown.getString("requestId"));
            c.send(edit("num", "it-num", ITEM, "1", 0).put("value", 5));
            assertEquals("BAD_MESSAGE", c.reply("num").getString("code"));
            c.sendRaw(new JsonObject().put("type", "subscribe").put("doc", doc).put("pad", "x".repeat(5000)).encode());
            assertEquals("TOO_LARGE", c.next("error").getString("code"));
            c.send(subscribe("missing", null).put("doc", 987654));
            assertEquals("NOT_FOUND", c.reply("missing").getString("code"));
            assertTrue(c.isOpen());
            c.send(subscribe("still", null));
            assertEquals("snapshot", c.reply("still").getString("type"));
        }
        try (WsTestClient flood = WsTestClient.connect(vertx, server.port(), editor1)) {
            for (int i = 0; i < 200; i++) {
                flood.send(new JsonObject().put("type", "focus").put("doc", doc).putNull("cell"));
            }
            assertFalse(flood.drain("error", 300).stream()
                    .filter(e -> "RATE_LIMITED".equals(e.getString("code"))).toList().isEmpty());
            assertTrue(flood.isOpen());
        }
    }

    @Test
    @Order(5)
    void membershipIsCheckedOnEveryDocument() throws Exception {
        assertEquals(404, server.request("GET", "/api/documents/987654", editor1, null).status());
        JsonObject created = server.request("POST", "/api/documents", editor1, new JsonObject()
                .put("template", "anhui-dept").put("title", "新预算").put("unit", "测试单位").put("year", 2025)
                .encode()).json();
        long mine = created.getLong("id");
        RunningServer.Response foreign = server.request("GET", "/api/documents/" + mine, editor2, null);
        assertEquals(403, foreign.status());
        assertEquals("FORBIDDEN", foreign.json().getString("code"));
        assertEquals(403, server.request("POST", "/api/documents", reviewer1, new JsonObject()
                .put("template", "anhui-dept").put("title", "x").put("unit", "y").put("year", 2025).encode())
                .status(), "reviewers may not create budgets");
        assertEquals(200, server.request("PUT", "/api/documents/" + mine + "/members/editor2", editor1,
                new JsonObject().put("role", "reviewer").encode()).status());
        assertEquals(200, server.request("GET", "/api/documents/" + mine, editor2, null).status());
        assertEquals(403, server.request("PUT", "/api/documents/" + mine + "/members/reviewer1", editor2,
                new JsonObject().put("role", "editor").encode()).status());
        JsonArray members = server.request("GET", "/api/documents/" + mine + "/members", editor2, null).array();
        assertEquals(2, members.size());
        assertEquals(200, server.request("GET", "/api/documents/" + mine + "/checks", editor1, null).status());
        assertEquals(204, server.request("DELETE", "/api/documents/" + mine + "/members/editor2", editor1, null)
                .status());
        assertEquals(403, server.request("GET", "/api/documents/" + mine, editor2, null).status());
    }

    @Test
    @Order(6)
    void aClientThatMissedEventsCatchesUpWithSince() throws Exception {
        long seen;
        try (WsTestClient c = WsTestClient.connect(vertx, server.port(), editor2)) {
            c.send(subscribe("s", null));
            seen = c.reply("s").getLong("version");
        }
        int rev;
        try (WsTestClient a = WsTestClient.connect(vertx, server.port(), editor1)) {
            a.send(subscribe("s", null));
            rev = cellIn(a.reply("s").getJsonObject("document"), ITEM).getInteger("rev");
            a.send(edit("m1", "it-missed-1", ITEM, "4300000.00", rev));
            assertEquals("ack", a.reply("m1").getString("type"));
            a.send(edit("m2", "it-missed-2", ITEM, "4400000.00", rev + 1));
            assertEquals("ack", a.reply("m2").getString("type"));
        }
        try (WsTestClient c = WsTestClient.connect(vertx, server.port(), editor2)) {
            c.send(subscribe("again", seen));
            JsonObject catchup = c.reply("again");
            assertEquals("catchup", catchup.getString("type"));
            JsonArray events = catchup.getJsonArray("events");
            assertEquals(2, events.size());
            assertEquals(seen + 1, events.getJsonObject(0).getLong("version"));
            assertEquals("4400000.00", events.getJsonObject(1).getJsonArray("changes").getJsonObject(0)
                    .getString("value"));
            assertFalse(events.getJsonObject(1).getJsonArray("calc").isEmpty());
        }
    }

    @Test
    @Order(7)
    void aResentEditIsAcknowledgedOnceAndNotAppliedTwice() throws Exception {
        try (WsTestClient a = WsTestClient.connect(vertx, server.port(), editor1)) {
            a.send(subscribe("s", null));
            JsonObject document = a.reply("s").getJsonObject("document");
            int rev = cellIn(document, ITEM).getInteger("rev");
            a.send(edit("d1", "it-dup", ITEM, "4500000.00", rev));
            long version = a.reply("d1").getLong("version");
            a.send(edit("d2", "it-dup", ITEM, "4500000.00", rev));
            JsonObject second = a.reply("d2");
            assertEquals("ack", second.getString("type"));
            assertEquals(version, second.getLong("version"));
            assertEquals(1, a.drain("applied", 300).size());
        }
    }

    @Test
    @Order(8)
    void editorsAddAndRemoveClassificationLinesLive() throws Exception {
        try (WsTestClient a = WsTestClient.connect(vertx, server.port(), editor1);
             WsTestClient b = WsTestClient.connect(vertx, server.port(), editor2)) {
            b.send(subscribe("s", null));
            b.reply("s");
            a.send(new JsonObject().put("type", "addRow").put("requestId", "add").put("doc", doc)
                    .put("clientOpId", "it-row-1").put("section", "gp_exp").put("code", "2101506"));
            assertEquals("ack", a.reply("add").getString("type"));
            JsonObject applied = b.next("applied");
            JsonObject row = applied.getJsonArray("rows").getJsonObject(0);
            assertEquals("added", row.getString("change"));
            assertEquals("2101506", row.getString("code"));
            a.send(edit("fill", "it-row-2", cell("gp_exp", "2101506", "project"), "10000.00", 0));
            assertEquals("ack", a.reply("fill").getString("type"));
            JsonObject filled = b.next("applied");
            assertEquals(filled.getLong("version"), applied.getLong("version") + 1);
            a.send(new JsonObject().put("type", "removeRow").put("requestId", "parent").put("doc", doc)
                    .put("clientOpId", "it-row-3").put("section", "gp_exp").put("row", "21015"));
            assertEquals("INVALID_STATE", a.reply("parent").getString("code"), "21015 still has lines under it");
            a.send(new JsonObject().put("type", "addRow").put("requestId", "bad").put("doc", doc)
                    .put("clientOpId", "it-row-4").put("section", "gp_exp").put("code", "21015"));
            assertEquals("INVALID_VALUE", a.reply("bad").getString("code"));
        }
        JsonObject document = server.request("GET", "/api/documents/" + doc, editor1, null).json();
        assertEquals("10000.00", cellIn(document, cell("gp_exp", "2101506", "project")).getString("value"));
    }

    @Test
    @Order(9)
    void afterARestartTheDocumentAndItsVersionAreIdentical() throws Exception {
        JsonObject before = server.request("GET", "/api/documents/" + doc, editor1, null).json();
        server.restart();
        String token = server.login("editor1");
        JsonObject after = server.request("GET", "/api/documents/" + doc, token, null).json();
        assertEquals(before.getLong("version"), after.getLong("version"));
        assertEquals(before, after);
        assertEquals("4500000.00", cellIn(after, ITEM).getString("value"));
    }
}
