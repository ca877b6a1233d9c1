package io.yusuan.room;

import io.vertx.core.json.JsonObject;
import io.yusuan.domain.budget.Actor;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A subscriber that keeps every frame it is sent, decoded, for assertions. */
final class RecordingSubscriber implements Subscriber {

    private final Actor actor;
    private final String id = UUID.randomUUID().toString();
    final List<JsonObject> frames = new CopyOnWriteArrayList<>();

    RecordingSubscriber(Actor actor) {
        this.actor = actor;
    }

    @Override
    public String sessionId() {
        return id;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public boolean globalAdmin() {
        return false;
    }

    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public void send(String frame) {
        frames.add(new JsonObject(frame));
    }

    List<JsonObject> ofType(String type) {
        return frames.stream().filter(f -> type.equals(f.getString("type"))).toList();
    }

    long count(Predicate<JsonObject> predicate) {
        return frames.stream().filter(predicate).count();
    }
}
