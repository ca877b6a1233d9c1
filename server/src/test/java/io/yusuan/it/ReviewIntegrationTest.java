package io.yusuan.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.support.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Review on the real server with a demo budget: locked tables refuse every kind of change over
 * WebSocket and HTTP with nothing written to the database; approved versions stay what they were
 * after later edits; the audit trail, the activity feed and 批注 come from the log, live.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReviewIntegrationTest {

    private static final Path SEED_001 = Path.of("..", "..", "shared", "seeds", "001_4c40129985d12d4c.txt");

    private static RunningServer server;
    private static Vertx vertx;
    private static long doc;
    private static String editor;
    private static String reviewer;
    private static String supervisor;
    private static WsTestClient editorSocket;
    private static WsTestClient reviewerSocket;
    private static int op;

    @BeforeAll
    static void start() throws Exception {
        server = new RunningServer(TestDatabase.fresh(), Files.createTempDirectory("yusuan-review"),
                Map.of("MAX_MESSAGES_PER_SECOND", "1000"));
        vertx = Vertx.vertx();
        editor = server.login("editor1");
        reviewer = server.login("reviewer1");
        supervisor = server.login("supervisor1");
        JsonArray documents = server.request("GET", "/api/documents", editor, null).array();
        doc = documents.stream().map(JsonObject.class::cast).filter(d -> d.getString("template").equals("anhui-dept"))
                .findFirst().orElseThrow().getLong("id");
        editorSocket = WsTestClient.connect(vertx, server.port(), editor);
        reviewerSocket = WsTestClient.connect(vertx, server.port(), reviewer);
        for (WsTestClient socket : new WsTestClient[]{editorSocket, reviewerSocket}) {
            socket.send(new JsonObject().put("type", "subscribe").put("requestId", "s").put("doc", doc).put("since", null));
            socket.reply("s");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        editorSocket.close();
        reviewerSocket.close();
        vertx.close().await(10, TimeUnit.SECONDS);
        server.close();
    }

    private static JsonObject document(String token) throws Exception {
        return server.request("GET", "/api/documents/" + doc, token, null).json();
    }

    private static JsonObject workflow(String section, String action, String comment) {
        return new JsonObject().put("type", "workflow").put("doc", doc).put("clientOpId", "r-" + (++op))
                .put("section", section).put("action", action).put("comment", comment);
    }

    private static RunningServer.Response command(String token, JsonObject message) throws Exception {
        return server.request("POST", "/api/documents/" + doc + "/commands", token, message.encode());
    }

    private static void ok(String token, JsonObject message) throws Exception {
        RunningServer.Response response = command(token, message);
        assertEquals(200, response.status(), message + " → " + response.body());
    }

    private static JsonObject cellOf(JsonObject document, String section, String row, String column) {
        for (Object s : document.getJsonArray("sections")) {
            JsonObject table = (JsonObject) s;
            if (table.getString("key").equals(section)) {
                for (Object r : table.getJsonArray("rows")) {
                    JsonObject line = (JsonObject) r;
                    if (line.getString("key").equals(row)) {
                        return line.getJsonObject("cells").getJsonObject(column);
                    }
                }
            }
        }
        throw new AssertionError("no cell " + section + "!" + row + "." + column);
    }

    private static long[] logSize() throws Exception {
        TestDatabase.PgUrl url = TestDatabase.PgUrl.parse(server.app().databaseUrl());
        try (Connection conn = DriverManager.getConnection(url.jdbc(), url.user(), url.password());
             Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("select count(*), coalesce(max(version), 0) from doc_event where document_id = "
                     + doc)) {
            rs.next();
            return new long[]{rs.getLong(1), rs.getLong(2)};
        }
    }

    private static JsonObject edit(String section, String row, String column, String value, int baseRev) {
        return new JsonObject().put("type", "edit").put("doc", doc).put("clientOpId", "e-" + (++op))
                .put("cell", new JsonObject().put("section", section).put("row", row).put("column", column))
                .put("value", value).put("baseRev", baseRev);
    }

    @Test
    @Order(1)
    void aLockedTableRefusesEveryKindOfChangeAndNothingIsWritten() throws Exception {
        ok(editor, workflow("fin_summary", "submit", "已核对"));
        ok(supervisor, workflow("fin_summary", "approve", null));
        ok(editor, workflow("basic_exp", "submit", "已核对"));
        JsonObject before = document(editor);
        long[] sizeBefore = logSize();
        int rev = cellOf(before, "basic_exp", "30201", "public").getInteger("rev");
        int gpRev = cellOf(before, "gp_exp", "2101501", "basic").getInteger("rev");

        JsonObject[] changes = {
            edit("basic_exp", "30201", "public", "1.00", rev),
            edit("fin_summary", "carry_gpb", "amount", "1.00", cellOf(before, "fin_summary", "carry_gpb", "amount")
                    .getInteger("rev")),
            // gp_exp is open, but its figures flow into the approved 财政拨款收支总表.
            edit("gp_exp", "2101501", "basic", "1.00", gpRev),
            new JsonObject().put("type", "addRow").put("doc", doc).put("clientOpId", "a-" + (++op))
                    .put("section", "basic_exp").put("code", "30205"),
            new JsonObject().put("type", "removeRow").put("doc", doc).put("clientOpId", "d-" + (++op))
                    .put("section", "basic_exp").put("row", "30201"),
            new JsonObject().put("type", "addRow").put("doc", doc).put("clientOpId", "a-" + (++op))
                    .put("section", "gp_exp").put("code", "2101504"),
            new JsonObject().put("type", "markEmpty").put("doc", doc).put("clientOpId", "m-" + (++op))
                    .put("section", "basic_exp").put("empty", true).put("note", "无")};
        for (JsonObject change : changes) {
            RunningServer.Response http = command(editor, change.copy().put("clientOpId", UUID.randomUUID().toString()));
            assertEquals(423, http.status(), change + " → " + http.body());
            assertEquals("SECTION_LOCKED", http.json().getString("code"));
            editorSocket.send(change.copy().put("requestId", "lk" + (++op)));
            JsonObject reply = editorSocket.reply("lk" + op);
            assertEquals("rejected", reply.getString("type"), change.encode());
            assertEquals("SECTION_LOCKED", reply.getString("code"));
        }
        RunningServer.Response imported = server.upload("/api/documents/" + doc + "/import", editor, SEED_001);
        assertEquals(423, imported.status(), imported.body());

        assertEquals(sizeBefore[0], logSize()[0], "nothing was appended");
        assertEquals(sizeBefore[1], logSize()[1]);
        JsonObject after = document(editor);
        assertEquals(before.getJsonArray("sections"), after.getJsonArray("sections"));
    }

    @Test
    @Order(2)
    void approvedVersionsNeverChangeAndDiffsSayWhoChangedWhat() throws Exception {
        JsonObject document = document(editor);
        for (Object s : document.getJsonArray("sections")) {
            String key = ((JsonObject) s).getString("key");
            String status = document.getJsonObject("workflow").getJsonObject("sections").getJsonObject(key)
                    .getString("status");
            if (status.equals("draft") || status.equals("returned")) {
                ok(editor, workflow(key, "submit", "已核对"));
            }
            if (!status.equals("approved")) {
                ok(supervisor, workflow(key, "approve", null));
            }
        }
        ok(supervisor, workflow(null, "approve_document", "同意公开"));
        JsonArray versions = server.request("GET", "/api/documents/" + doc + "/versions", reviewer, null).array();
        assertEquals(1, versions.size());
        JsonObject v1 = versions.getJsonObject(0);
        assertEquals(1, v1.getInteger("number"));
        assertTrue(v1.getString("hash").matches("sha256:[0-9a-f]{64}"), v1.encode());
        assertEquals("审批人一", v1.getJsonObject("approvedBy").getString("name"));
        JsonObject opened = server.request("GET", "/api/documents/" + doc + "/versions/1", reviewer, null).json();
        assertTrue(opened.getBoolean("readOnly"));
        String v1Value = cellOf(opened, "basic_exp", "30201", "public").getString("value");
        byte[] xlsxBefore = exported(1, "xlsx");
        byte[] pdfBefore = exported(1, "pdf");
        assertEquals("application/pdf", get("/api/documents/" + doc + "/versions/1/export?format=pdf", reviewer)
                .headers().firstValue("content-type").orElse(""));

        ok(supervisor, workflow("basic_exp", "reopen", "办公费调整"));
        JsonObject now = document(editor);
        int rev = cellOf(now, "basic_exp", "30201", "public").getInteger("rev");
        RunningServer.Response noReason = command(editor, edit("basic_exp", "30201", "public", "100000.00", rev));
        assertEquals(422, noReason.status(), "a reopened table needs a reason for each change");
        ok(editor, edit("basic_exp", "30201", "public", "100000.00", rev).put("reason", "按新标准调整"));

        JsonObject reopened = server.request("GET", "/api/documents/" + doc + "/versions/1", reviewer, null).json();
        assertEquals(opened, reopened, "version 1 is what it was");
        assertArrayEquals(xlsxBefore, exported(1, "xlsx"), "re-exporting version 1 after an edit gives the same file");
        assertArrayEquals(pdfBefore, exported(1, "pdf"));
        assertArrayEquals(xlsxBefore, viaJob(1, "xlsx"), "the job gives the same file as the direct download");
        byte[] draft = get("/api/documents/" + doc + "/export?format=csv", editor).body();
        assertTrue(new String(draft, java.nio.charset.StandardCharsets.ISO_8859_1).contains("PK"), "a zip");
        assertEquals(v1Value, cellOf(reopened, "basic_exp", "30201", "public").getString("value"));
        JsonObject diff = server.request("GET", "/api/documents/" + doc + "/versions/1/diff?against=draft", reviewer,
                null).json();
        JsonObject changed = diff.getJsonArray("cells").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("section").equals("basic_exp") && c.getString("row").equals("30201")
                        && c.getString("column").equals("public")).findFirst().orElseThrow();
        assertEquals(v1Value, changed.getString("before"));
        assertEquals("100000.00", changed.getString("after"));
        assertEquals("编辑一", changed.getJsonObject("by").getString("name"));
        assertTrue(changed.getString("label").contains("办公费"), changed.encode());

        JsonObject history = server.request("GET", "/api/documents/" + doc
                + "/history?section=basic_exp&row=30201&column=public", reviewer, null).json();
        JsonArray entries = history.getJsonArray("entries");
        JsonObject last = entries.getJsonObject(entries.size() - 1);
        assertEquals("100000.00", last.getString("new"));
        assertEquals(v1Value, last.getString("old"));
        assertEquals("按新标准调整", last.getString("reason"));
        assertEquals("编辑一", last.getJsonObject("by").getString("name"));

        JsonArray feed = server.request("GET", "/api/documents/" + doc + "/activity?limit=5", reviewer, null).array();
        assertTrue(feed.getJsonObject(0).getString("summary").contains("办公费"), feed.encode());
        assertTrue(feed.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("summary").startsWith("重新打开")));
    }

    @Test
    @Order(3)
    void commentsAreLiveForEveryViewer() throws Exception {
        reviewerSocket.send(new JsonObject().put("type", "comment").put("requestId", "c1").put("doc", doc)
                .put("clientOpId", "c-" + (++op)).put("action", "open")
                .put("anchor", new JsonObject().put("section", "gp_exp").put("row", "2101501").put("column", "basic"))
                .put("text", "行政运行比上年减少的原因？"));
        assertEquals("ack", reviewerSocket.reply("c1").getString("type"));
        JsonObject applied = editorSocket.next(f -> "applied".equals(f.getString("type")) && f.containsKey("comments"));
        JsonObject note = applied.getJsonArray("comments").getJsonObject(0);
        assertEquals("open", note.getString("action"));
        assertEquals("审核人一", applied.getJsonObject("by").getString("name"));
        String thread = note.getString("thread");
        ok(editor, new JsonObject().put("type", "comment").put("clientOpId", "c-" + (++op)).put("action", "reply")
                .put("thread", thread).put("text", "压减公用经费"));
        JsonArray threads = server.request("GET", "/api/documents/" + doc + "/comments", supervisor, null).array();
        JsonObject stored = threads.stream().map(JsonObject.class::cast).filter(t -> t.getString("id").equals(thread))
                .findFirst().orElseThrow();
        assertEquals(2, stored.getJsonArray("comments").size());
        assertFalse(stored.getBoolean("resolved"));
        assertNotNull(reviewerSocket.next(f -> "applied".equals(f.getString("type")) && f.containsKey("comments")
                && "reply".equals(f.getJsonArray("comments").getJsonObject(0).getString("action"))));
    }

    private static byte[] exported(int version, String format) throws Exception {
        HttpResponse<byte[]> response = get("/api/documents/" + doc + "/versions/" + version + "/export?format=" + format,
                reviewer);
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    /** The page's way: start a job, poll it, fetch its file. */
    private static byte[] viaJob(int version, String format) throws Exception {
        JsonObject job = server.request("POST", "/api/documents/" + doc + "/exports", reviewer,
                new JsonObject().put("format", format).put("version", version).encode()).json();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"done".equals(job.getString("status"))) {
            assertTrue(System.currentTimeMillis() < deadline && !"failed".equals(job.getString("status")), job.encode());
            Thread.sleep(50);
            job = server.request("GET", "/api/jobs/" + job.getString("id"), reviewer, null).json();
        }
        assertEquals(404, server.request("GET", "/api/jobs/" + job.getString("id"), editor, null).status(),
                "a job is its owner's");
        return get("/api/jobs/" + job.getString("id") + "/file", reviewer).body();
    }

    static String read(Path path) throws Exception {
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    static HttpResponse<byte[]> get(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
