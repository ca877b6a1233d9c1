package io.yusuan.transport.ws.protocol;

import io.yusuan.domain.Command;
import io.yusuan.domain.budget.CellRef;

/** The closed list of messages a client may send (docs/protocol.md). */
public sealed interface ClientMessage {

    String requestId();

    long doc();

    record Subscribe(String requestId, long doc, Long since) implements ClientMessage {
    }

    record Unsubscribe(String requestId, long doc) implements ClientMessage {
    }

    /** edit, addRow and removeRow: commands that change the document. */
    record Change(String requestId, long doc, Command command) implements ClientMessage {
    }

    record Focus(String requestId, long doc, CellRef cell) implements ClientMessage {
    }
}
