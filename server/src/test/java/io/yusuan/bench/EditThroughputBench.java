package io.yusuan.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.yusuan.App;
import io.yusuan.config.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Edits per second through the whole server: WebSocket → room → PostgreSQL commit → ack, with
 * durable settings. {@code docs} documents, {@code clients} editors on each, every editor keeping
 * one edit in flight (it sends the next when the ack arrives). Bounded in count and time; loopback
 * only. Run: see docs/benchmarks.md.
 */
public final class EditThroughputBench {

    private static final String[] CLASSES = {"201", "202", "203", "204", "205", "206", "207", "208", "209", "210",
        "211", "212", "213", "214", "215", "216", "217", "219", "220", "221", "222", "223", "224", "227", "229",
        "230", "231", "232", "233", "234"};

    private EditThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int docs = Integer.getInteger("docs", 4);
        int clients = Integer.getInteger("clients", 8);
        int seconds = Integer.getInteger("seconds", 10);
        long maxEdits = Long.getLong("maxEdits", 200_000);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PORT", "0");
        env.put("DEMO_DATA", "true");
        env.put("MAX_MESSAGES_PER_SECOND", "100000");
        env.putIfAbsent("DATA_DIR", Files.createTempDirectory("yusuan-bench").toString());
        try (App app = App.start(Settings.load(env))) {
            run(app.port(), docs, clients, seconds, maxEdits);
        }
    }

    /** 2010101, 2010102, … 2080101 …: valid 7-digit codes under a handful of 类, one per editor. */
    private static String itemCode(int editor) {
        return CLASSES[editor % CLASSES.length] + "01" + String.format("%02d", 1 + editor / CLASSES.length);
    }

    private static void run(int port, int docs, int clients, int seconds, long maxEdits) throws Exception {
        String token = login(port);
        List<Long> documents = new ArrayList<>();
        for (int d = 0; d < docs; d++) {
            long id = post(port, token, "/api/documents", new JsonObject().put("template", "anhui-dept")
                    .put("title", "压测 " + d).put("unit", "压测单位").put("year", 2025)).getLong("id");
            // One 功能分类 项 per editor: its 基本支出 is typed, and every edit moves its 款, 类, 合计, the
            // 财政拨款收支总表, 收入总表 and 收支总表 lines drawn from it, and the rules reading them.
            for (int c = 0; c < clients; c++) {
                post(port, token, "/api/documents/" + id + "/commands", new JsonObject().put("type", "addRow")
                        .put("section", "gp_exp").put("code", itemCode(c)).put("name", "压测科目 " + c));
            }
            documents.add(id);
        }
        Vertx vertx = Vertx.vertx();
        WebSocketClient wsClient = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1000));
        AtomicLong acked = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long[] latencies = new long[(int) maxEdits + docs * clients];
        java.util.concurrent.atomic.AtomicInteger samplesTaken = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch done = new CountDownLatch(docs * clients);
        for (int d = 0; d < docs; d++) {
            for (int c = 0; c < clients; c++) {
                JsonObject cell = new JsonObject().put("section", "gp_exp").put("row", itemCode(c))
                        .put("column", c % 2 == 0 ? "basic" : "project");
                Editor editor = new Editor(documents.get(d), cell, latencies, samplesTaken, acked, rejected, deadline, maxEdits, done);
                wsClient.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/ws")
                        .addHeader("Authorization", "Bearer " + token)).onSuccess(editor::start)
                        .onFailure(err -> done.countDown());
            }
        }
        long started = System.nanoTime();
        done.await(seconds + 30L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = Arrays.stream(latencies, 0, Math.min(samplesTaken.get(), latencies.length)).sorted().toArray();
        System.out.printf("edits acknowledged: %d in %.1f s = %.0f edits/s (%d documents x %d editors, 1 in flight"
                + " each; rejected %d)%n", acked.get(), elapsed, acked.get() / elapsed, docs, clients, rejected.get());
        if (all.length > 0) {
            System.out.printf("ack latency ms: p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n", all[all.length / 2] / 1e6,
                    all[(int) (all.length * 0.95)] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                    all[all.length - 1] / 1e6);
        }
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    /** One editor: one edit in flight, the next sent when the ack arrives. */
    private static final class Editor {
        private final long doc;
        private final JsonObject cell;
        private final long[] samples;
        private final java.util.concurrent.atomic.AtomicInteger samplesTaken;
        private final AtomicLong acked;
        private final AtomicLong rejected;
        private final long deadline;
        private final long maxEdits;
        private final CountDownLatch done;
        private WebSocket socket;
        private int rev;
        private int count;
        private long sentAt;

        Editor(long doc, JsonObject cell, long[] samples, java.util.concurrent.atomic.AtomicInteger samplesTaken,
               AtomicLong acked, AtomicLong rejected, long deadline,
               long maxEdits, CountDownLatch done) {
            this.doc = doc;
            this.cell = cell;
            this.samples = samples;
            this.samplesTaken = samplesTaken;
            this.acked = acked;
            this.rejected = rejected;
            this.deadline = deadline;
            this.maxEdits = maxEdits;
            this.done = done;
        }

        void start(WebSocket ws) {
            socket = ws;
            ws.textMessageHandler(this::onMessage);
            send();
        }

        private void onMessage(String text) {
            JsonObject message = new JsonObject(text);
            String type = message.getString("type");
            if ("ack".equals(type)) {
                int slot = samplesTaken.getAndIncrement();
                if (slot < samples.length) {
                    samples[slot] = System.nanoTime() - sentAt;
                }
                count++;
                rev++;
                acked.incrementAndGet();
            } else if ("rejected".equals(type)) {
                rejected.incrementAndGet();
                JsonObject details = message.getJsonObject("details");
                if (details != null && details.containsKey("rev")) {
                    rev = details.getInteger("rev");
                }
            } else {
                return;
            }
            if (System.nanoTime() < deadline && acked.get() < maxEdits) {
                send();
            } else {
                socket.close();
                done.countDown();
            }
        }

        private void send() {
            sentAt = System.nanoTime();
            socket.writeTextMessage(new JsonObject().put("type", "edit").put("doc", doc)
                    .put("clientOpId", doc + "-" + cell.encode().hashCode() + "-" + count + "-" + sentAt)
                    .put("cell", cell).put("value", (count + 1) + ".00").put("baseRev", rev).encode());
        }
    }

    private static String login(int port) throws Exception {
        return post(port, null, "/api/login", new JsonObject().put("username", "editor1").put("password", "yusuan"))
                .getString("token");
    }

    private static JsonObject post(int port, String token, String path, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.encode()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
        return new JsonObject(response);
    }
}
