// Amount edits of input cells: what the user typed becomes an `edit` frame with the cell's rev,
// shown as pending until the server's ack; a second value typed into the same cell while the
// first is in flight waits for it (sending now would carry a rev the server is about to bump).
// A table reopened after approval needs a reason with each edit: the edit waits for it.

import { parseInput, sameAmount } from './money.js';
import { newOpId, refOf, rejectMessage } from './protocol.js';
import { toast } from './ui.js';

export class CellEdits {
  /**
   * grid: the Grid; conn: Connection; hooks: cells() → key → draft cell, drawn() (the draft is on
   * screen, so cells may be painted), docId(), doc(), unit(), me(), epoch(), syncing(), nextId(),
   * reasons (a Reasons), resync()
   */
  constructor(grid, conn, hooks) {
    this.grid = grid;
    this.conn = conn;
    this.hooks = hooks;
    this.ops = new Map(); // clientOpId → {id, key, value, baseRev, requestId, epoch, acked, reason, waiting}
    this.opByKey = new Map(); // cell key → clientOpId of the edit in flight
    this.queued = new Map(); // cell key → value typed while an earlier edit was still in flight
    this.mine = new Set(); // every clientOpId this tab sent, so our own changes don't flash as someone else's
  }

  get busy() {
    return this.ops.size > 0 || this.queued.size > 0;
  }

  inFlight(key) {
    return this.opByKey.has(key);
  }

  reset() {
    this.ops.clear();
    this.opByKey.clear();
    this.queued.clear();
  }

  paint(key) {
    if (this.hooks.drawn()) this.grid.paint(key);
  }

  pending(key, on) {
    if (this.hooks.drawn()) this.grid.setPending(key, on);
  }

  /** What a cell shows: the value typed and not yet confirmed wins over the server's. */
  displayValue(key) {
    if (this.queued.has(key)) return this.queued.get(key);
    const opId = this.opByKey.get(key);
    if (opId) return this.ops.get(opId).value;
    const cell = this.hooks.cells().get(key);
    return cell ? cell.value : null;
  }

  /** The grid's commit: {error} keeps the editor open with the message shown. */
  commit(key, raw) {
    const parsed = parseInput(raw, this.hooks.unit());
    if (parsed.error) {
      toast(parsed.error, 'error');
      return parsed;
    }
    if (sameAmount(parsed.value, this.displayValue(key))) return {};
    if (this.opByKey.has(key)) {
      this.queued.set(key, parsed.value);
      this.paint(key);
      return {};
    }
    this.send(key, parsed.value);
    return {};
  }

  send(key, value) {
    const cell = this.hooks.cells().get(key);
    if (!cell) return;
    const section = refOf(key).section;
    const reasons = this.hooks.reasons;
    const op = { id: newOpId(), key, value, baseRev: cell.rev, requestId: this.hooks.nextId(), epoch: -1,
      acked: false, reason: reasons.known(section), waiting: false };
    this.ops.set(op.id, op);
    this.opByKey.set(key, op.id);
    this.mine.add(op.id);
    this.pending(key, true);
    this.paint(key);
    if (reasons.needed(section) && op.reason === undefined) {
      op.waiting = true; // shown as pending while the question is open; nothing goes out yet
      reasons.obtain(section).then((reason) => {
        if (!this.ops.has(op.id)) return;
        if (!reason) {
          this.settle(op.id, true);
          toast('未填写修改原因，修改未保存');
          return;
        }
        op.reason = reason;
        op.waiting = false;
        this.transmit(op);
      });
      return;
    }
    this.transmit(op);
  }

  /** Resending keeps the clientOpId, so the server can tell a retry from a second edit. */
  transmit(op) {
    if (op.waiting || this.hooks.syncing()) return; // afterSync resends it once the model is current
    const frame = { type: 'edit', requestId: op.requestId, doc: this.hooks.docId(), clientOpId: op.id,
      cell: refOf(op.key), value: op.value, baseRev: op.baseRev };
    if (op.reason) frame.reason = op.reason;
    if (this.conn.send(frame)) op.epoch = this.hooks.epoch();
  }

  resend(epoch) {
    for (const op of this.ops.values()) {
      if (op.epoch !== epoch) this.transmit(op);
    }
  }

  /** Ends an edit in flight; a value typed meanwhile goes out now, unless the first was refused. */
  settle(opId, refused) {
    const op = this.ops.get(opId);
    if (!op) return;
    this.ops.delete(opId);
    if (this.opByKey.get(op.key) === opId) this.opByKey.delete(op.key);
    const next = this.queued.get(op.key);
    const hadNext = this.queued.delete(op.key);
    this.pending(op.key, false);
    this.paint(op.key);
    if (hadNext && !refused) {
      const cell = this.hooks.cells().get(op.key);
      if (cell && !sameAmount(next, cell.value)) this.send(op.key, next);
    }
  }

  /** After a fresh snapshot: edits it already contains end; the others stay pending and go out again. */
  reconcile() {
    const me = this.hooks.me();
    for (const [opId, op] of [...this.ops]) {
      const cell = this.hooks.cells().get(op.key);
      // A snapshot does not say which edits it contains; an edit whose value is already
      // there under our name landed before the reconnect and must not be resent as stale.
      const landed = cell && cell.by && me && cell.by.id === me.id && sameAmount(cell.value, op.value);
      if (!cell || landed) this.settle(opId, false);
      else {
        this.pending(op.key, !op.acked);
        this.paint(op.key);
      }
    }
  }

  /** ack of one of ours (true). */
  acked(msg) {
    const op = this.ops.get(msg.clientOpId);
    if (!op) return false;
    op.acked = true;
    this.pending(op.key, false);
    return true;
  }

  applied(ev) {
    if (this.ops.has(ev.clientOpId)) this.settle(ev.clientOpId, false);
  }

  /** rejected (by clientOpId) or an error frame (by requestId) about one of ours (true). */
  refused(msg) {
    const op = (msg.clientOpId && this.ops.get(msg.clientOpId))
      || (msg.type === 'error' && [...this.ops.values()].find((o) => o.requestId === msg.requestId));
    if (!op) return false;
    if (msg.code === 'ALREADY_APPLIED') {
      this.settle(op.id, false); // a resend of an edit the server had already stored
      return true;
    }
    const cell = this.hooks.cells().get(op.key);
    const details = msg.details || {};
    if (msg.code === 'STALE_CELL' && cell && 'rev' in details) {
      cell.value = details.value ?? null;
      cell.rev = details.rev;
      if (details.by) cell.by = details.by;
    }
    this.settle(op.id, true);
    toast(rejectMessage(msg, this.hooks.doc(), op.key, this.hooks.unit()), 'error');
    // A stale rev means we missed (or have not yet received) the other edit and its recomputed totals.
    if (msg.code === 'STALE_CELL') this.hooks.resync();
    return true;
  }
}
