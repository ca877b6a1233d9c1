package io.yusuan.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.yusuan.App;
import io.yusuan.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The real server on a free port, plus a small blocking HTTP client for the tests. */
final class RunningServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, String> env;
    private App app;

    /** {@code databaseUrl} null means the embedded PostgreSQL under {@code dataDir}. */
    RunningServer(String databaseUrl, Path dataDir, Map<String, String> extra) {
        env = new HashMap<>();
        env.put("PORT", "0");
        env.put("DATA_DIR", dataDir.toString());
        env.put("DEMO_DATA", "true");
        env.put("CONFIG_FILE", dataDir.resolve("none.properties").toString());
        env.put("WEBROOT", Path.of("..", "webroot").toAbsolutePath().normalize().toString());
        if (databaseUrl != null) {
            env.put("DATABASE_URL", databaseUrl);
        }
        env.putAll(extra);
        start();
    }

    void start() {
        app = App.start(Settings.load(env));
    }

    void restart() {
        app.close();
        start();
    }

    App app() {
        return app;
    }

    int port() {
        return app.port();
    }

    record Response(int status, String body) {
        JsonObject json() {
            return new JsonObject(body);
        }

        JsonArray array() {
            return new JsonArray(body);
        }
    }

    Response request(String method, String path, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    /** A multipart upload of a file as field {@code file}. */
    Response upload(String path, String token, Path file) throws IOException, InterruptedException {
        String boundary = "----yusuan" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: text/plain\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(java.nio.file.Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    String login(String username) throws IOException, InterruptedException {
        Response response = request("POST", "/api/login", null,
                new JsonObject().put("username", username).put("password", "yusuan").encode());
        if (response.status() != 200) {
            throw new AssertionError("login " + username + ": " + response);
        }
        return response.json().getString("token");
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
        }
    }
}
