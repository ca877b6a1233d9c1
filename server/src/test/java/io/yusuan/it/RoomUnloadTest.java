package io.yusuan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.yusuan.support.TestDatabase;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A document nobody watches leaves memory after a snapshot, and comes back on the next use. */
class RoomUnloadTest {

    @Test
    void anIdleRoomIsSnapshottedUnloadedAndReopenedOnDemand() throws Exception {
        String url = TestDatabase.fresh();
        Vertx vertx = Vertx.vertx();
        try (RunningServer server = new RunningServer(url, Files.createTempDirectory("yusuan-unload"),
                Map.of("IDLE_UNLOAD_SECONDS", "1"))) {
            String token = server.login("editor1");
            long doc = server.request("GET", "/api/documents", token, null).array().getJsonObject(0).getLong("id");
            // The demo budget's first versions: its figures, texts and 空表 marks.
            long start = server.request("GET", "/api/documents/" + doc, token, null).json().getLong("version");
            JsonObject cell = new JsonObject().put("section", "fin_summary").put("row", "carry_gf").put("column", "amount");
            try (WsTestClient client = WsTestClient.connect(vertx, server.port(), token)) {
                client.send(new JsonObject().put("type", "subscribe").put("requestId", "s").put("doc", doc));
                client.reply("s");
                client.send(new JsonObject().put("type", "edit").put("requestId", "e").put("doc", doc)
                        .put("clientOpId", "unload-1").put("cell", cell).put("value", "10.00").put("baseRev", 0));
                assertEquals("ack", client.reply("e").getString("type"));
            }
            assertEquals(1, server.request("GET", "/health", null, null).json().getInteger("rooms"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.request("GET", "/health", null, null).json().getInteger("rooms") > 0) {
                assertTrue(System.nanoTime() < deadline, "the idle room was not unloaded");
                Thread.sleep(100);
            }
            // The snapshot is written as the room closes, just after it leaves the registry.
            while (latestSnapshotVersion(url, doc) < start + 1) {
                assertTrue(System.nanoTime() < deadline, "unloading wrote no snapshot at the last version");
                Thread.sleep(100);
            }
            assertEquals(start + 1, latestSnapshotVersion(url, doc));

            try (WsTestClient client = WsTestClient.connect(vertx, server.port(), token)) {
                client.send(new JsonObject().put("type", "edit").put("requestId", "e2").put("doc", doc)
                        .put("clientOpId", "unload-2").put("cell", cell).put("value", "20.00").put("baseRev", 1));
                JsonObject ack = client.reply("e2");
                assertEquals("ack", ack.getString("type"));
                assertEquals(start + 2, ack.getLong("version"));
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }

    private static long latestSnapshotVersion(String url, long doc) throws Exception {
        URI uri = URI.create(url);
        String[] user = uri.getUserInfo().split(":", 2);
        try (Connection conn = DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort()
                + uri.getPath(), user[0], user.length > 1 ? user[1] : "");
             ResultSet rs = conn.createStatement().executeQuery(
                     "select coalesce(max(version), 0) from doc_snapshot where document_id = " + doc)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
