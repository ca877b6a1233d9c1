package io.yusuan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The default way to run: no DATABASE_URL, so the server starts its own PostgreSQL under DATA_DIR.
 * Durability settings stay on, data survives a restart, and a stale postmaster.pid left by a
 * crashed run does not stop the next start.
 */
class EmbeddedDatabaseRestartTest {

    private static String setting(String databaseUrl, String name) throws Exception {
        URI uri = URI.create(databaseUrl);
        try (Connection conn = DriverManager.getConnection("jdbc:postgresql://" + uri.getHost() + ":" + uri.getPort()
                + uri.getPath(), "postgres", "");
             ResultSet rs = conn.createStatement().executeQuery("select current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theEmbeddedDatabaseIsDurableAndSurvivesRestartsAndCrashes() throws Exception {
        Path data = Files.createTempDirectory("yusuan-embedded");
        Vertx vertx = Vertx.vertx();
        try (RunningServer server = new RunningServer(null, data, Map.of())) {
            assertEquals("on", setting(server.app().databaseUrl(), "fsync"));
            assertEquals("on", setting(server.app().databaseUrl(), "synchronous_commit"));
            String token = server.login("editor1");
            long doc = server.request("GET", "/api/documents", token, null).array().getJsonObject(0).getLong("id");
            try (WsTestClient client = WsTestClient.connect(vertx, server.port(), token)) {
                client.send(new JsonObject().put("type", "edit").put("requestId", "e").put("doc", doc)
                        .put("clientOpId", "embedded-1").put("value", "1234.56").put("baseRev", 0)
                        .put("cell", new JsonObject().put("section", "fin_summary").put("row", "carry_gf")
                                .put("column", "amount")));
                assertEquals("ack", client.reply("e").getString("type"));
            }
            JsonObject before = server.request("GET", "/api/documents/" + doc, token, null).json();

            server.app().close();
            // What a crash leaves behind: a postmaster.pid naming a process that no longer runs.
            Path pid = data.resolve("pg").resolve("postmaster.pid");
            assertTrue(Files.notExists(pid), "a clean stop removes the pid file");
            Files.writeString(pid, "999999\n" + data.resolve("pg") + "\n1700000000\n5432\n\n127.0.0.1\n  0  0\nready\n");
            server.start();

            assertTrue(Files.isDirectory(data.resolve("pg")), "data kept under DATA_DIR/pg");
            String again = server.login("editor1");
            JsonObject after = server.request("GET", "/api/documents/" + doc, again, null).json();
            assertEquals(before, after);
            assertEquals(3, server.request("GET", "/api/documents", again, null).array().size(),
                    "the three demo budgets are created once, not on every start");
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
