package io.yusuan.transport.ws;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.yusuan.auth.AuthUser;
import io.yusuan.domain.ErrorCode;
import io.yusuan.domain.Rejection;
import io.yusuan.domain.budget.Actor;
import io.yusuan.room.Room;
import io.yusuan.room.RoomNotFoundException;
import io.yusuan.room.RoomRegistry;
import io.yusuan.room.Subscriber;
import io.yusuan.transport.ws.protocol.ClientMessage;
import io.yusuan.transport.ws.protocol.DecodeException;
import io.yusuan.transport.ws.protocol.WireDecoder;
import io.yusuan.transport.ws.protocol.WireEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * One WebSocket: enforces the frame size and message rate, decodes strictly, and hands commands
 * to rooms. Recoverable problems get an {@code error} frame and the socket stays open.
 */
public final class WsSession implements Subscriber {

    private static final short POLICY_VIOLATION = 1008;
    /**
     * Frames handed to the socket but not yet written out. Counted here rather than read from
     * writeQueueFull(), which reports full under ordinary bursts written from a room's thread.
     */
    private static final int MAX_UNWRITTEN_FRAMES = 10_000;

    private final ServerWebSocket socket;
    private final AuthUser user;
    private final RoomRegistry rooms;
    private final WireEncoder encoder;
    private final int maxFrameBytes;
    private final RateLimiter rate;
    private final String id = UUID.randomUUID().toString();
    private final Context context = Vertx.currentContext();
    private final java.util.concurrent.atomic.AtomicInteger unwritten = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Documents this socket subscribed to; touched only on the socket's event loop. Rooms are
     * looked up in the registry each time rather than cached: a room may unload and be replaced.
     */
    private final Set<Long> subscribed = new HashSet<>();

    public WsSession(ServerWebSocket socket, AuthUser user, RoomRegistry rooms, WireEncoder encoder,
                     int maxFrameBytes, int maxMessagesPerSecond) {
        this.socket = socket;
        this.user = user;
        this.rooms = rooms;
        this.encoder = encoder;
        this.maxFrameBytes = maxFrameBytes;
        this.rate = new RateLimiter(maxMessagesPerSecond);
    }

    public void start() {
        socket.textMessageHandler(this::onText);
        socket.binaryMessageHandler(this::onBinary);
        socket.closeHandler(v -> subscribed.forEach(doc -> rooms.ifOpen(doc, room -> room.unsubscribe(this))));
        socket.exceptionHandler(err -> socket.close());
    }

    @Override
    public String sessionId() {
        return id;
    }

    @Override
    public Actor actor() {
        return user.actor();
    }

    @Override
    public boolean globalAdmin() {
        return user.admin();
    }

    @Override
    public boolean connected() {
        return !socket.isClosed();
    }

    @Override
    public void send(String frame) {
        if (socket.isClosed()) {
            return;
        }
        if (unwritten.incrementAndGet() > MAX_UNWRITTEN_FRAMES) {
            // A client that stopped reading would make the server buffer without bound. Closing is
            // safe: the client reconnects and catches up from its last version.
            socket.close(POLICY_VIOLATION, "too slow: reconnect and subscribe with since");
            return;
        }
        socket.writeTextMessage(frame).onComplete(done -> unwritten.decrementAndGet());
    }

    private void onBinary(Buffer data) {
        if (admit(data.length())) {
            send(encoder.error(null, ErrorCode.BAD_MESSAGE, "只接受 JSON 文本帧"));
        }
    }

    private void onText(String text) {
        if (!admit(text.getBytes(StandardCharsets.UTF_8).length)) {
            return;
        }
        ClientMessage message;
        try {
            message = WireDecoder.decode(text);
        } catch (DecodeException e) {
            send(encoder.error(e.requestId(), ErrorCode.BAD_MESSAGE, e.getMessage()));
            return;
        }
        dispatch(message);
    }

    /** Rate and size limits, checked before any parsing. */
    private boolean admit(int bytes) {
        if (!rate.tryAcquire()) {
            send(encoder.error(null, ErrorCode.RATE_LIMITED, "消息太频繁，请稍后再试"));
            return false;
        }
        if (bytes > maxFrameBytes) {
            send(encoder.error(null, ErrorCode.TOO_LARGE, "消息超过 " + maxFrameBytes + " 字节的上限"));
            return false;
        }
        return true;
    }

    private void dispatch(ClientMessage message) {
        if (message instanceof ClientMessage.Subscribe s) {
            subscribed.add(s.doc());
            withRoom(s, room -> room.subscribe(this, s.requestId(), s.since()));
        } else if (message instanceof ClientMessage.Unsubscribe u) {
            if (subscribed.remove(u.doc())) {
                rooms.ifOpen(u.doc(), room -> room.unsubscribe(this));
            }
        } else if (message instanceof ClientMessage.Change c) {
            withRoom(c, room -> room.command(this, c.requestId(), c.command()));
        } else if (message instanceof ClientMessage.Focus f) {
            if (subscribed.contains(f.doc())) {
                rooms.ifOpen(f.doc(), room -> room.focus(this, f.cell(), f.section()));
            }
        }
    }

    private void withRoom(ClientMessage message, java.util.function.Consumer<Room> action) {
        String clientOpId = message instanceof ClientMessage.Change c ? c.command().clientOpId() : null;
        // Back on the socket's own context: the session's map is confined to it.
        rooms.open(message.doc()).onComplete(result -> context.runOnContext(v -> {
            if (socket.isClosed()) {
                return;
            }
            if (result.succeeded()) {
                action.accept(result.result());
                return;
            }
            Throwable err = result.cause();
            send(encoder.rejected(
                message.requestId(), message.doc(), clientOpId, err instanceof RoomNotFoundException
                        ? Rejection.of(ErrorCode.NOT_FOUND, "预算不存在")
                        : Rejection.of(ErrorCode.UNAVAILABLE, "文档暂时无法打开，请重试")));
        }));
    }
}
