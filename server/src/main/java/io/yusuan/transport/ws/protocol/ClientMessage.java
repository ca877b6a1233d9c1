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

    /** edit, editText, addRow, removeRow, markEmpty, workflow, comment: commands decided by the room. */
    record Change(String requestId, long doc, Command command) implements ClientMessage {
    }

    /** {@code section}: the table the user is looking at when no cell is focused (presence shows it). */
    record Focus(String requestId, long doc, CellRef cell, String section) implements ClientMessage {
    }
}
