package io.yusuan.transport.ws;

/**
 * A token bucket per connection: {@code perSecond} messages a second on average, bursts up to
 * twice that (a quick paste or a reconnect's resubscribe should not trip it).
 */
final class RateLimiter {

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.capacity = perSecond * 2.0;
        this.tokens = capacity;
        this.lastNanos = System.nanoTime();
    }

    /** Takes one token; false when the connection is over its rate. Called on one thread only. */
    boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
