// The open document: applies the server's stream of snapshot / applied / catchup
// messages to the local model and turns the user's edits into edit messages.
// The local model is the cell objects of the last snapshot, mutated in place.

import { Grid, cellKey } from './grid.js';
import { Checks } from './checks.js';
import { Presence } from './presence.js';
import { RowEditor } from './rows.js';
import { EmptyTables, hasSections } from './empty.js';
import { parseInput, sameAmount } from './money.js';
import { esc, toast, roleName, canEditRole } from './ui.js';
import { REJECT_TEXT, newOpId, refOf, rejectMessage, cellTitle } from './protocol.js';

const MAX_BUFFER = 2000;

/** Lines added or removed (or a 空表 mark) change the tables: such an event is followed by a fresh snapshot. */
const hasRows = (ev) => Array.isArray(ev.rows) && ev.rows.length > 0;
const restructures = (ev) => hasRows(ev) || hasSections(ev);

export class DocumentSession {
  /** els: {sheets, nav, title, presence, note, unitToggle, checks, checkCount}; conn: Connection; me: the signed-in user */
  constructor(els, conn, me) {
    this.els = els;
    this.conn = conn;
    this.me = me;
    this.docId = null;
    this.doc = null;
    this.version = 0;
    this.unit = '元';
    this.seq = 0;
    this.epoch = 0;
    this.syncing = false;
    this.subscribeId = null;
    this.buffer = [];
    this.ops = new Map(); // clientOpId → {key, value, baseRev, requestId, epoch}
    this.opByKey = new Map(); // cell key → clientOpId of the edit in flight
    this.queued = new Map(); // cell key → value typed while an earlier edit was still in flight
    this.myOps = new Set(); // every clientOpId this tab sent, so our own changes don't flash as someone else's
    this.ackTimer = 0;
    this.grid = new Grid(els.sheets, els.nav, {
      canEdit: () => canEditRole(this.doc && this.doc.role),
      displayValue: (key) => this.displayValue(key),
      titleFor: (key) => this.titleFor(key),
      onCommit: (key, raw) => this.commit(key, raw),
      onFocusCell: (key) => this.presence.focusChanged(key),
      onReadOnly: (key) => this.readOnlyHint(key),
      rowTools: (section, row) => this.rows.rowHtml(section, row),
      sectionTools: (section) => (section.empty ? '' : this.rows.barHtml(section)) + this.empty.barHtml(section),
      sectionNote: (section) => this.empty.noteHtml(section),
    });
    const wire = { doc: () => this.doc, docId: () => this.docId, epoch: () => this.epoch,
      syncing: () => this.syncing, nextId: () => this.nextId() };
    this.rows = new RowEditor(this.grid, conn, { ...wire, unit: () => this.unit, displayValue: (key) => this.displayValue(key) });
    this.empty = new EmptyTables(this.grid, conn, wire);
    this.presence = new Presence(els.presence, this.grid, conn, { me: () => this.me, docId: () => this.docId,
      rendered: () => this.doc !== null, ready: () => !this.syncing });
    this.checks = new Checks({ panel: els.checks, count: els.checkCount }, this.grid,
      { doc: () => this.doc, titleFor: (key) => this.titleFor(key) });
  }

  get hasUnsaved() {
    return this.ops.size > 0 || this.queued.size > 0 || this.rows.busy || this.empty.busy;
  }

  nextId() {
    this.seq += 1;
    return `r${this.seq}`;
  }

  open(docId) {
    this.docId = docId;
    this.doc = null;
    this.version = 0;
    this.els.sheets.innerHTML = '<p class="loading">正在打开预算…</p>';
    this.els.nav.textContent = '';
    this.els.note.hidden = true;
    this.els.title.textContent = '';
    this.checks.clear();
    this.conn.ensure();
    if (this.conn.isOpen) this.subscribe(null);
  }

  close() {
    if (this.docId === null) return;
    this.grid.cancelEditor();
    this.conn.send({ type: 'unsubscribe', doc: this.docId });
    clearTimeout(this.ackTimer);
    this.docId = null;
    this.doc = null;
    this.ops.clear();
    this.opByKey.clear();
    this.queued.clear();
    this.rows.reset();
    this.empty.reset();
    this.buffer = [];
    this.syncing = false;
    this.grid.focusedKey = null;
    this.presence.reset();
    this.els.sheets.textContent = '';
  }

  /** Called by the connection after every (re)connect. */
  connected() {
    this.epoch += 1;
    this.presence.reconnected();
    if (this.docId !== null) this.subscribe(this.doc ? this.version : null);
  }

  subscribe(since) {
    this.syncing = true;
    this.subscribeId = this.nextId();
    this.conn.send({ type: 'subscribe', requestId: this.subscribeId, doc: this.docId, since });
  }

  resync() {
    if (!this.syncing) this.subscribe(this.doc ? this.version : null);
  }

  setUnit(unit) {
    this.unit = unit;
    for (const b of this.els.unitToggle.querySelectorAll('button[data-unit]')) {
      b.setAttribute('aria-pressed', String(b.dataset.unit === unit));
    }
    if (this.doc) this.grid.setUnit(unit);
    this.checks.setUnit(unit);
  }

  // ---- incoming -------------------------------------------------------------

  handle(msg) {
    if (this.docId === null || (msg.doc !== undefined && String(msg.doc) !== String(this.docId))) {
      if (msg.type === 'error') this.frameError(msg);
      return;
    }
    switch (msg.type) {
      case 'snapshot': return this.snapshot(msg);
      case 'catchup': return this.catchup(msg);
      case 'applied': return this.applied(msg);
      case 'ack': return this.ack(msg);
      case 'rejected': return this.rejected(msg);
      case 'presence': return this.presence.set(msg.users || []);
      case 'error': return this.frameError(msg);
      default: return undefined; // newer server messages we do not know yet are harmless to skip
    }
  }

  snapshot(msg) {
    const first = this.doc === null;
    const view = first ? null : this.rows.beforeRender();
    const focused = this.grid.focusedKey;
    this.doc = msg.document;
    this.version = msg.version ?? msg.document.version ?? 0;
    if (first) this.setUnit(this.doc.displayUnit === '万元' ? '万元' : '元');
    this.els.title.textContent = this.doc.title || '';
    document.title = `${this.doc.title || '预算'} · Yusuan 预算协同编制`;
    const readOnly = !canEditRole(this.doc.role);
    this.els.note.hidden = !readOnly;
    this.els.note.textContent = readOnly ? `只读：您的角色是${roleName(this.doc.role)}` : '';
    this.grid.render(this.doc, this.unit);
    this.checks.reset(this.doc.checks);
    for (const [opId, op] of [...this.ops]) {
      const cell = this.grid.cells.get(op.key);
      // A snapshot does not say which edits it contains; an edit whose value is already
      // there under our name landed before the reconnect and must not be resent as stale.
      const landed = cell && cell.by && this.me && cell.by.id === this.me.id
        && sameAmount(cell.value, op.value);
      if (!cell || landed) this.settle(opId, false);
      else {
        this.grid.setPending(op.key, !op.acked);
        this.grid.paint(op.key);
      }
    }
    this.grid.setPeers(this.presence.others());
    if (!first && focused) this.grid.focusKey(focused);
    this.rows.afterRender(view);
    this.empty.afterRender();
    this.afterSync();
  }

  catchup(msg) {
    const events = [...(msg.events || [])].sort((a, b) => a.version - b.version);
    for (const ev of events) {
      if (ev.version <= this.version) continue;
      if (ev.version !== this.version + 1) {
        // The server could not fill the gap; a fresh snapshot is the only safe state.
        this.subscribe(null);
        return;
      }
      this.applyEvent(ev);
      if (restructures(ev)) {
        this.subscribe(null); // the later events are in the snapshot too
        return;
      }
    }
    this.afterSync();
  }

  /** Drains events that arrived during the sync, then sends edits the server may never have seen. */
  afterSync() {
    this.syncing = false;
    const buffered = this.buffer.sort((a, b) => a.version - b.version);
    this.buffer = [];
    for (const ev of buffered) {
      if (this.syncing) this.buffer.push(ev);
      else this.applied(ev);
    }
    for (const op of this.ops.values()) {
      if (op.epoch !== this.epoch) this.transmit(op);
    }
    this.rows.resend(this.epoch);
    this.empty.resend(this.epoch);
    this.presence.send();
  }

  applied(msg) {
    if (this.syncing || !this.doc) {
      if (this.buffer.length < MAX_BUFFER) this.buffer.push(msg);
      return;
    }
    if (msg.version <= this.version) return; // already seen, e.g. also in a catchup
    if (msg.version !== this.version + 1) {
      this.buffer.push(msg);
      this.subscribe(this.version);
      return;
    }
    this.applyEvent(msg);
    if (restructures(msg)) this.subscribe(null);
  }

  applyEvent(ev) {
    const fromThisTab = this.myOps.has(ev.clientOpId);
    const flashes = [];
    for (const change of ev.changes || []) {
      const key = cellKey(change.cell.section, change.cell.row, change.cell.column);
      const cell = this.grid.cells.get(key);
      if (!cell) continue;
      cell.value = change.value;
      cell.rev = change.rev;
      cell.by = change.by || ev.by || null;
      this.grid.paint(key);
      if (!fromThisTab) flashes.push([key, 'peer']);
    }
    for (const c of ev.calc || []) {
      const key = cellKey(c.cell.section, c.cell.row, c.cell.column);
      const cell = this.grid.cells.get(key);
      if (!cell) continue;
      cell.value = c.value;
      this.grid.paint(key);
      flashes.push([key, 'calc']);
    }
    this.checks.apply(ev.checks);
    if (hasRows(ev)) this.rows.applied(ev);
    if (hasSections(ev)) this.empty.applied(ev);
    this.version = ev.version;
    if (this.ops.has(ev.clientOpId)) this.settle(ev.clientOpId, false);
    this.grid.flash(flashes);
  }

  ack(msg) {
    const op = this.ops.get(msg.clientOpId);
    if (op) {
      op.acked = true;
      this.grid.setPending(op.key, false);
    } else if (!this.rows.acked(msg) && !this.empty.acked(msg)) return;
    // The applied broadcast normally follows at once; if it went missing, catch up instead of showing a stale total.
    clearTimeout(this.ackTimer);
    this.ackTimer = setTimeout(() => {
      if (this.doc && this.version < msg.version) this.resync();
    }, 2000);
  }

  rejected(msg) {
    if (msg.requestId && msg.requestId === this.subscribeId && !msg.clientOpId) {
      this.openFailed(msg);
      return;
    }
    if (this.rows.refused(msg) || this.empty.refused(msg)) return;
    const op = this.ops.get(msg.clientOpId);
    if (!op) return;
    if (msg.code === 'ALREADY_APPLIED') {
      // A resend of an edit the server had already stored; the catchup carries its result.
      this.settle(msg.clientOpId, false);
      return;
    }
    const cell = this.grid.cells.get(op.key);
    const details = msg.details || {};
    if (msg.code === 'STALE_CELL' && cell && 'rev' in details) {
      cell.value = details.value ?? null;
      cell.rev = details.rev;
      if (details.by) cell.by = details.by;
    }
    this.settle(msg.clientOpId, true);
    toast(rejectMessage(msg, this.doc, op.key, this.unit), 'error');
    // A stale rev means we missed (or have not yet received) the other edit and its recomputed totals.
    if (msg.code === 'STALE_CELL') this.resync();
  }

  frameError(msg) {
    if (msg.requestId && msg.requestId === this.subscribeId && this.docId !== null && !this.doc) {
      this.openFailed(msg);
      return;
    }
    if (this.rows.refused(msg) || this.empty.refused(msg)) return;
    const op = [...this.ops.values()].find((o) => o.requestId === msg.requestId);
    if (op) this.settle(op.id, true);
    const text = REJECT_TEXT[msg.code] || msg.code || '错误';
    toast(`${text}${msg.message ? `：${msg.message}` : ''}`, 'error');
  }

  openFailed(msg) {
    this.syncing = false;
    const text = REJECT_TEXT[msg.code] || msg.code;
    this.els.sheets.innerHTML = `<p class="open-failed">无法打开此预算：${esc(text)}${msg.message ? `（${esc(msg.message)}）` : ''}</p>`;
    toast(`无法打开此预算：${msg.message || text}`, 'error');
  }

  // ---- outgoing -------------------------------------------------------------

  displayValue(key) {
    if (this.queued.has(key)) return this.queued.get(key);
    const opId = this.opByKey.get(key);
    if (opId) return this.ops.get(opId).value;
    const cell = this.grid.cells.get(key);
    return cell ? cell.value : null;
  }

  commit(key, raw) {
    const parsed = parseInput(raw, this.unit);
    if (parsed.error) {
      toast(parsed.error, 'error');
      return parsed;
    }
    const shown = this.displayValue(key);
    if (sameAmount(parsed.value, shown)) {
      return {};
    }
    if (this.opByKey.has(key)) {
      // Sending now would carry a rev the server is about to bump; wait for the first edit to land.
      this.queued.set(key, parsed.value);
      this.grid.paint(key);
      return {};
    }
    this.sendEdit(key, parsed.value);
    return {};
  }

  sendEdit(key, value) {
    const cell = this.grid.cells.get(key);
    const op = { id: newOpId(), key, value, baseRev: cell.rev, requestId: this.nextId(), epoch: -1, acked: false };
    this.ops.set(op.id, op);
    this.opByKey.set(key, op.id);
    this.myOps.add(op.id);
    this.grid.setPending(key, true);
    this.grid.paint(key);
    this.transmit(op);
  }

  /** Resending keeps the clientOpId, so the server can tell a retry from a second edit. */
  transmit(op) {
    if (this.syncing) return; // afterSync resends it once the model is current
    const sent = this.conn.send({
      type: 'edit', requestId: op.requestId, doc: this.docId, clientOpId: op.id,
      cell: refOf(op.key), value: op.value, baseRev: op.baseRev,
    });
    if (sent) op.epoch = this.epoch;
  }

  /** Ends an edit in flight; a value typed meanwhile goes out now, unless the first was refused. */
  settle(opId, refused) {
    const op = this.ops.get(opId);
    if (!op) return;
    this.ops.delete(opId);
    if (this.opByKey.get(op.key) === opId) this.opByKey.delete(op.key);
    const next = this.queued.get(op.key);
    const hadNext = this.queued.delete(op.key);
    this.grid.setPending(op.key, false);
    this.grid.paint(op.key);
    if (hadNext && !refused) {
      const cell = this.grid.cells.get(op.key);
      if (cell && !sameAmount(next, cell.value)) {
        this.sendEdit(op.key, next);
      }
    }
  }

  // ---- text -------------------------------------------------------------------

  readOnlyHint(key) {
    const cell = this.grid.cells.get(key);
    if (cell && !cell.editable) toast('这是计算单元格，由公式自动汇总，不能直接修改');
    else toast(`只读：您的角色是${roleName(this.doc && this.doc.role)}，不能修改`);
  }

  titleFor(key) {
    const base = cellTitle(this.grid.cells.get(key), this.opByKey.has(key), this.grid.peerNames(key));
    const notes = this.checks.notesFor(key);
    return notes ? `${base}\n${notes}` : base;
  }
}
