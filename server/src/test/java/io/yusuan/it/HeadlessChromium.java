package io.yusuan.it;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real headless Chromium (Debian's /usr/bin/chromium, never a downloaded one) driven over the
 * DevTools protocol with a Vert.x WebSocket: navigate, evaluate JavaScript in the page, take
 * screenshots. One instance is one browser with one page, i.e. one person at a desk.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final String BINARY = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    private final Process process;
    private final Path profile;
    private final WebSocketClient client;
    private final WebSocket page;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, Promise<JsonObject>> pending = new ConcurrentHashMap<>();

    private HeadlessChromium(Process process, Path profile, WebSocketClient client, WebSocket page) {
        this.process = process;
        this.profile = profile;
        this.client = client;
        this.page = page;
        page.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            Promise<JsonObject> waiting = message.containsKey("id") ? pending.remove(message.getInteger("id")) : null;
            if (waiting != null) {
                if (message.containsKey("error")) {
                    waiting.fail(message.getJsonObject("error").encode());
                } else {
                    waiting.complete(message.getJsonObject("result", new JsonObject()));
                }
            }
        });
    }

    static HeadlessChromium launch(Vertx vertx) throws Exception {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException("Chromium not found at " + BINARY + " (apt-get install chromium; "
                    + ".ci/run installs it)");
        }
        Path profile = Files.createTempDirectory("yusuan-chromium");
        Process process = new ProcessBuilder(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank"))
                .redirectErrorStream(true).redirectOutput(profile.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.isRegularFile(portFile) || Files.readAllLines(portFile).size() < 2) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                process.destroyForcibly();
                throw new IllegalStateException("Chromium did not start: "
                        + Files.readString(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        String pageUrl = pageSocketUrl(port);
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(64 * 1024 * 1024).setMaxFrameSize(64 * 1024 * 1024));
        URI uri = URI.create(pageUrl);
        WebSocket socket = client.connect(port, "127.0.0.1", uri.getPath()).await(10, TimeUnit.SECONDS);
        HeadlessChromium browser = new HeadlessChromium(process, profile, client, socket);
        // A headless window never has the system focus, so focus events would not fire; the page
        // follows the keyboard's cell (presence, 批注 target, 留痕), so each browser acts as focused.
        browser.call("Emulation.setFocusEmulationEnabled", new JsonObject().put("enabled", true));
        return browser;
    }

    private static String pageSocketUrl(int port) throws IOException, InterruptedException {
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        for (Object item : new JsonArray(list.body())) {
            JsonObject target = (JsonObject) item;
            if ("page".equals(target.getString("type"))) {
                return target.getString("webSocketDebuggerUrl");
            }
        }
        throw new IllegalStateException("no page target in " + list.body());
    }

    JsonObject call(String method, JsonObject params) throws Exception {
        int id = ids.incrementAndGet();
        Promise<JsonObject> result = Promise.promise();
        pending.put(id, result);
        page.writeTextMessage(new JsonObject().put("id", id).put("method", method).put("params", params).encode());
        return result.future().await(30, TimeUnit.SECONDS);
    }

    void navigate(String url) throws Exception {
        call("Page.navigate", new JsonObject().put("url", url));
    }

    /** Evaluates an expression (awaiting a promise) and returns its JSON-able value. */
    Object eval(String expression) throws Exception {
        JsonObject result = call("Runtime.evaluate", new JsonObject().put("expression", expression)
                .put("awaitPromise", true).put("returnByValue", true));
        if (result.containsKey("exceptionDetails")) {
            throw new AssertionError("page script failed: " + result.getJsonObject("exceptionDetails").encode());
        }
        return result.getJsonObject("result").getValue("value");
    }

    /** Polls a boolean expression until true; fails with {@code what} after 15 s. */
    void waitFor(String expression, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (Boolean.TRUE.equals(eval("!!(" + expression + ")"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("timed out waiting for " + what + "; page text: "
                + eval("document.body ? document.body.innerText.slice(0, 2000) : ''"));
    }

    /** Puts a file into an input[type=file], as a person choosing it in the dialog would. */
    void chooseFile(String selector, Path file) throws Exception {
        JsonObject found = call("Runtime.evaluate", new JsonObject()
                .put("expression", "document.querySelector('" + selector + "')"));
        String objectId = found.getJsonObject("result").getString("objectId");
        if (objectId == null) {
            throw new AssertionError("no element " + selector);
        }
        call("DOM.setFileInputFiles", new JsonObject().put("objectId", objectId)
                .put("files", new io.vertx.core.json.JsonArray().add(file.toAbsolutePath().normalize().toString())));
    }

    void screenshot(Path file) throws Exception {
        JsonObject shot = call("Page.captureScreenshot", new JsonObject().put("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.getString("data")));
    }

    @Override
    public void close() throws Exception {
        try {
            client.close().await(5, TimeUnit.SECONDS);
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            deleteProfile();
        }
    }

    /**
     * Chromium's helper processes may still be renaming files in the profile while it is removed;
     * a file vanishing under the walk is not a test failure, so the walk is simply tried again.
     */
    private void deleteProfile() throws java.io.IOException {
        for (int attempt = 1; ; attempt++) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                return;
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException vanished) {
                if (attempt == 5) {
                    return; // a leftover temp folder is harmless; the test's verdict stands
                }
            }
        }
    }
}
