package io.yusuan.room;

import io.yusuan.domain.AppliedEvent;
import io.yusuan.domain.Rejection;
import java.util.List;

/**
 * Turns room outcomes into wire frames. The room encodes each outcome once and writes the same
 * text to every subscriber; the protocol package implements this so the room never sees JSON.
 */
public interface RoomEncoder {

    String applied(long documentId, AppliedEvent event);

    String ack(String requestId, long documentId, long version, String clientOpId);

    String rejected(String requestId, long documentId, String clientOpId, Rejection rejection);

    String snapshot(String requestId, DocumentView view);

    String catchup(String requestId, long documentId, List<AppliedEvent> events);

    String presence(long documentId, List<PresenceEntry> users);
}
