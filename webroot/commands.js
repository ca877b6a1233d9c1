// One-shot commands over the socket (review steps, 批注, text edits, list rows): each gets a
// clientOpId and a promise that settles on the server's ack (or the applied frame that carries
// its clientOpId, whichever comes first) or on its rejection. Like cell edits, a command is
// resent with the same clientOpId after a reconnect, so the server can tell a retry from a
// second request; modules update their models from the applied frames everyone gets, not here.

import { newOpId } from './protocol.js';

/** A refusal as an Error, keeping the server's code, message and details for the caller. */
export class CommandError extends Error {
  constructor(code, message, details) {
    super(message || code);
    this.code = code;
    this.details = details || {};
  }
}

export class Commands {
  /** conn: Connection; hooks: docId(), epoch() (socket generation), syncing(), nextId() (a requestId) */
  constructor(conn, hooks) {
    this.conn = conn;
    this.hooks = hooks;
    this.ops = new Map(); // clientOpId → {id, requestId, msg, epoch, resolve, reject}
    this.mine = new Set(); // every clientOpId sent from this tab, so our own changes don't flash as someone else's
  }

  get busy() {
    return this.ops.size > 0;
  }

  /** True while a command of this type (optionally matching a test on its message) is in flight. */
  pending(type, test = () => true) {
    return [...this.ops.values()].some((op) => op.msg.type === type && test(op.msg));
  }

  /** msg: a change message without doc, clientOpId and requestId. Resolves to {version}. */
  send(msg) {
    return new Promise((resolve, reject) => {
      const op = { id: newOpId(), requestId: this.hooks.nextId(), msg, epoch: -1, resolve, reject };
      this.ops.set(op.id, op);
      this.mine.add(op.id);
      this.transmit(op);
    });
  }

  transmit(op) {
    if (this.hooks.syncing()) return; // resend() sends it once the session is in sync again
    const frame = { ...op.msg, requestId: op.requestId, doc: this.hooks.docId(), clientOpId: op.id };
    if (this.conn.send(frame)) op.epoch = this.hooks.epoch();
  }

  /** After a (re)sync: what the current socket has not carried yet goes out now. */
  resend(epoch) {
    for (const op of this.ops.values()) {
      if (op.epoch !== epoch) this.transmit(op);
    }
  }

  /** true when the ack was for one of ours. */
  acked(msg) {
    const op = this.ops.get(msg.clientOpId);
    if (!op) return false;
    this.ops.delete(op.id);
    op.resolve({ version: msg.version });
    return true;
  }

  /** An applied frame from anyone; ours settles the command if its ack has not arrived yet. */
  applied(ev) {
    const op = this.ops.get(ev.clientOpId);
    if (!op) return;
    this.ops.delete(op.id);
    op.resolve({ version: ev.version });
  }

  /** rejected, or an error frame naming our requestId (true): the promise rejects with the reason. */
  refused(msg) {
    const op = (msg.clientOpId && this.ops.get(msg.clientOpId))
      || [...this.ops.values()].find((o) => msg.requestId && o.requestId === msg.requestId);
    if (!op) return false;
    this.ops.delete(op.id);
    if (msg.code === 'ALREADY_APPLIED') op.resolve({ version: null });
    else op.reject(new CommandError(msg.code, msg.message, msg.details));
    return true;
  }

  /** The document closed: nobody waits for answers that will never come. */
  reset() {
    const ops = [...this.ops.values()];
    this.ops.clear();
    for (const op of ops) op.reject(new CommandError('CLOSED', '预算已关闭'));
  }
}
