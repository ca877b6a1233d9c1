package io.yusuan.room;

import io.yusuan.domain.budget.CellRef;
import io.yusuan.domain.workflow.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sockets watching one document and the cell each has focused. Confined to the room's
 * context, like the rest of the room's state.
 */
final class Subscriptions {

    private static final class Subscription {
        final Subscriber subscriber;
        final Role role;
        CellRef focus;
        String section;

        Subscription(Subscriber subscriber, Role role) {
            this.subscriber = subscriber;
            this.role = role;
        }
    }

    private final Map<String, Subscription> bySession = new LinkedHashMap<>();

    void add(Subscriber subscriber, Role role) {
        bySession.computeIfAbsent(subscriber.sessionId(), id -> new Subscription(subscriber, role));
    }

    boolean remove(String sessionId) {
        return bySession.remove(sessionId) != null;
    }

    /** A focused cell implies its table; without a cell the client may name the table in view. */
    boolean focus(String sessionId, CellRef cell, String section) {
        Subscription subscription = bySession.get(sessionId);
        if (subscription == null) {
            return false;
        }
        subscription.focus = cell;
        subscription.section = cell != null ? cell.section() : section;
        return true;
    }

    /** Removes every socket of a user (not a global admin, who sees every document). */
    List<Subscriber> removeUser(long userId) {
        List<Subscriber> removed = new ArrayList<>();
        bySession.values().removeIf(s -> {
            boolean match = s.subscriber.actor().id() == userId && !s.subscriber.globalAdmin();
            if (match) {
                removed.add(s.subscriber);
            }
            return match;
        });
        return removed;
    }

    boolean isEmpty() {
        return bySession.isEmpty();
    }

    void broadcast(String frame) {
        bySession.values().forEach(s -> s.subscriber.send(frame));
    }

    /** One entry per user; a user with several sockets shows a focused cell if any has one. */
    List<PresenceEntry> presence() {
        Map<Long, PresenceEntry> byUser = new LinkedHashMap<>();
        for (Subscription s : bySession.values()) {
            PresenceEntry known = byUser.get(s.subscriber.actor().id());
            if (known == null || (known.cell() == null && (s.focus != null || known.section() == null))) {
                byUser.put(s.subscriber.actor().id(), new PresenceEntry(s.subscriber.actor(), s.focus, s.section,
                        s.role));
            }
        }
        return List.copyOf(byUser.values());
    }
}
