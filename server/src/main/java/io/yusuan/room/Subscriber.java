package io.yusuan.room;

import io.yusuan.domain.budget.Actor;

/**
 * One connection as a room sees it: who it is and how to send it a frame. Implemented by the
 * WebSocket session; tests implement it to collect frames.
 */
public interface Subscriber {

    /** Unique per connection; one user may have several. */
    String sessionId();

    Actor actor();

    /** A global admin is admin of every document. */
    boolean globalAdmin();

    /** False once the connection is gone: a room never registers a closed subscriber. */
    boolean connected();

    /** Sends an already encoded frame. Must be safe to call from any thread. */
    void send(String frame);
}
