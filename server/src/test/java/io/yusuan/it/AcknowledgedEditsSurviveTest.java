package io.yusuan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.yusuan.support.TestDatabase;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Many editors on one budget at once; then the server is stopped and started again. Every edit
 * that was acknowledged must be there, with its version, and the versions must have no gaps.
 */
class AcknowledgedEditsSurviveTest {

    /** Input cells of the demo budget's 财政拨款收支总表 that hold no figure yet (row, column). */
    private static final String[][] ROWS = {{"carry_gf", "amount"}, {"cur_gpb_clearing", "amount"},
            {"cur_gpb_base", "amount"}, {"cur_gf", "amount"}, {"exp_carry_next", "gpb"}, {"exp_carry_next", "gf"}};

    @Test
    void everyAcknowledgedEditIsThereAfterARestart() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (RunningServer server = new RunningServer(TestDatabase.fresh(), Files.createTempDirectory("yusuan-ack"),
                Map.of())) {
            String token = server.login("editor1");
            long doc = server.request("GET", "/api/documents", token, null).array().getJsonObject(0).getLong("id");
            long start = server.request("GET", "/api/documents/" + doc, token, null).json().getLong("version");
            int editsPerClient = 40;
            List<WsTestClient> clients = new ArrayList<>();
            for (int c = 0; c < ROWS.length; c++) {
                clients.add(WsTestClient.connect(vertx, server.port(), token));
            }
            // Every client fires all its edits without waiting (its own cell, so revisions are known).
            for (int c = 0; c < ROWS.length; c++) {
                JsonObject cell = new JsonObject().put("section", "fin_summary").put("row", ROWS[c][0])
                        .put("column", ROWS[c][1]);
                for (int i = 0; i < editsPerClient; i++) {
                    clients.get(c).send(new JsonObject().put("type", "edit").put("requestId", c + "-" + i)
                            .put("doc", doc).put("clientOpId", "survive-" + c + "-" + i).put("cell", cell)
                            .put("value", (c * 1000 + i + 1) + ".00").put("baseRev", i));
                }
            }
            Map<Long, String> ackedVersions = new HashMap<>();
            for (int c = 0; c < ROWS.length; c++) {
                for (int i = 0; i < editsPerClient; i++) {
                    JsonObject ack = clients.get(c).reply(c + "-" + i);
                    assertEquals("ack", ack.getString("type"), ack::encode);
                    ackedVersions.put(ack.getLong("version"), "survive-" + c + "-" + i);
                }
                clients.get(c).close();
            }
            int total = ROWS.length * editsPerClient;
            assertEquals(total, ackedVersions.size(), "each ack has its own version");
            for (long v = start + 1; v <= start + total; v++) {
                assertTrue(ackedVersions.containsKey(v), "no gap at version " + v);
            }

            server.restart();
            String again = server.login("editor1");
            JsonObject document = server.request("GET", "/api/documents/" + doc, again, null).json();
            assertEquals(start + total, document.getLong("version"));
            JsonObject finSummary = document.getJsonArray("sections").getJsonObject(0);
            for (int c = 0; c < ROWS.length; c++) {
                String row = ROWS[c][0];
                JsonObject cell = finSummary.getJsonArray("rows").stream().map(JsonObject.class::cast)
                        .filter(r -> r.getString("key").equals(row)).findFirst().orElseThrow()
                        .getJsonObject("cells").getJsonObject(ROWS[c][1]);
                assertEquals((c * 1000 + editsPerClient) + ".00", cell.getString("value"));
                assertEquals(editsPerClient, cell.getInteger("rev"));
            }
            try (WsTestClient late = WsTestClient.connect(vertx, server.port(), again)) {
                late.send(new JsonObject().put("type", "subscribe").put("requestId", "c").put("doc", doc)
                        .put("since", start));
                JsonObject catchup = late.reply("c");
                assertEquals(total, catchup.getJsonArray("events").size());
                for (int k = 0; k < total; k++) {
                    JsonObject event = catchup.getJsonArray("events").getJsonObject(k);
                    assertEquals(ackedVersions.get(start + 1 + k), event.getString("clientOpId"));
                }
            }
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
