package io.yusuan.room;

/**
 * Tuning of rooms. {@code maxBatch}: commands decided together and committed in one append;
 * {@code snapshotEvery}: versions between snapshots; {@code catchupLimit}: the furthest a client
 * may be behind and still get events rather than a snapshot; {@code idleUnloadMillis}: how long a
 * room with no subscribers stays in memory.
 */
public record RoomSettings(int maxBatch, int snapshotEvery, int catchupLimit, long idleUnloadMillis) {

    public static RoomSettings defaults() {
        return new RoomSettings(100, 100, 1000, 60_000);
    }
}
