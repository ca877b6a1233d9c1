package io.yusuan.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.support.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** POST /api/import over real HTTP: a seed text becomes a document; junk creates nothing. */
class ImportIntegrationTest {

    private static final Path SEED = Path.of("..", "..", "shared", "seeds", "001_4c40129985d12d4c.txt");

    private static RunningServer.Response upload(RunningServer server, String token, byte[] content)
            throws Exception {
        String boundary = "----yusuan" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"budget.txt\"\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/import"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
        return new RunningServer.Response(response.statusCode(), response.body());
    }

    @Test
    void aPublishedBudgetBecomesADocumentAndJunkBecomesNothing() throws Exception {
        try (RunningServer server = new RunningServer(TestDatabase.fresh(), Files.createTempDirectory("yusuan-import"),
                Map.of())) {
            String editor = server.login("editor1");
            int before = server.request("GET", "/api/documents", editor, null).array().size();

            RunningServer.Response junk = upload(server, editor, "这不是预算。\n只是几行字。\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(422, junk.status(), junk.body());
            assertEquals("INVALID_IMPORT", junk.json().getString("code"));
            assertEquals(before, server.request("GET", "/api/documents", editor, null).array().size(),
                    "a refused import creates no document");
            assertEquals(403, upload(server, server.login("reviewer1"), Files.readAllBytes(SEED)).status());
            assertEquals(401, upload(server, "no-token", Files.readAllBytes(SEED)).status(),
                    "no upload is stored without a login");
            RunningServer.Response gbk = upload(server, editor, "表 1\n预算表\n".getBytes(java.nio.charset.Charset.forName("GBK")));
            assertEquals(422, gbk.status(), gbk.body());
            assertTrue(gbk.json().getString("message").contains("UTF-8"));

            RunningServer.Response created = upload(server, editor, Files.readAllBytes(SEED));
            assertEquals(201, created.status(), created.body());
            JsonObject document = created.json().getJsonObject("document");
            JsonObject report = created.json().getJsonObject("report");
            assertEquals("宿州市医疗保障局", document.getString("unit"));
            assertEquals(2024, document.getInteger("year"));
            assertEquals("anhui-dept", report.getString("template"));
            JsonArray tables = report.getJsonArray("tables");
            assertEquals(22, tables.size(), "部门预算构成, 11 numbered tables and 10 绩效目标表");
            assertEquals(1, report.getJsonArray("unplaced").size());

            JsonObject opened = server.request("GET", "/api/documents/" + document.getLong("id"), editor, null).json();
            assertEquals(3L, opened.getLong("version"), "figures, texts, 空表 marks");
            assertEquals(3, document.getInteger("version"));
            JsonArray members = server.request("GET", "/api/documents/" + document.getLong("id") + "/members",
                    editor, null).array();
            assertEquals("editor1", members.getJsonObject(0).getString("username"));
            assertEquals("admin", members.getJsonObject(0).getString("role"), "the importer administers the new budget");
            assertTrue(opened.getJsonArray("checks").stream().map(JsonObject.class::cast)
                    .anyMatch(c -> "X07".equals(c.getString("rule"))), "the imported budget is checked at once");
        }
    }
}
