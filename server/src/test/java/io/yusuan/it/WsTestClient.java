package io.yusuan.it;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A real WebSocket client against the running server, keeping every frame it receives. */
final class WsTestClient implements AutoCloseable {

    private final WebSocketClient client;
    private final WebSocket socket;
    private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new ArrayList<>();
    private volatile Short closeCode;

    private WsTestClient(WebSocketClient client, WebSocket socket) {
        this.client = client;
        this.socket = socket;
        socket.textMessageHandler(text -> inbox.add(new JsonObject(text)));
        socket.closeHandler(v -> closeCode = socket.closeStatusCode());
    }

    static WsTestClient connect(Vertx vertx, int port, String token) throws Exception {
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxMessageSize(16 * 1024 * 1024).setMaxFrameSize(16 * 1024 * 1024));
        WebSocket socket = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                .setURI("/ws").addHeader("Authorization", "Bearer " + token)).await(10, TimeUnit.SECONDS);
        return new WsTestClient(client, socket);
    }

    void send(JsonObject message) {
        socket.writeTextMessage(message.encode());
    }

    void sendRaw(String text) {
        socket.writeTextMessage(text);
    }

    /** The next frame matching, skipping (and keeping) others; fails after 10 s. */
    JsonObject next(Predicate<JsonObject> matching) throws InterruptedException {
        for (JsonObject frame : seen) {
            if (matching.test(frame)) {
                seen.remove(frame);
                return frame;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonObject frame = inbox.poll(50, TimeUnit.MILLISECONDS);
            if (frame == null) {
                continue;
            }
            if (matching.test(frame)) {
                return frame;
            }
            seen.add(frame);
        }
        throw new AssertionError("no matching frame within 10 s; received " + seen);
    }

    JsonObject next(String type) throws InterruptedException {
        return next(f -> type.equals(f.getString("type")));
    }

    JsonObject reply(String requestId) throws InterruptedException {
        return next(f -> requestId.equals(f.getString("requestId")));
    }

    /** Frames of a type received so far or within {@code millis}, without waiting for a count. */
    List<JsonObject> drain(String type, long millis) throws InterruptedException {
        Thread.sleep(millis);
        inbox.drainTo(seen);
        List<JsonObject> matching = seen.stream().filter(f -> type.equals(f.getString("type"))).toList();
        seen.removeAll(matching);
        return matching;
    }

    boolean isOpen() {
        return closeCode == null && !socket.isClosed();
    }

    @Override
    public void close() throws Exception {
        socket.close().await(5, TimeUnit.SECONDS);
        client.close().await(5, TimeUnit.SECONDS);
    }
}
