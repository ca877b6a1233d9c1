// The open document: applies the server's stream of snapshot / applied / catchup messages to the
// local model and routes the user's actions to the modules that turn them into messages. The
// model is the draft's cell objects of the last snapshot, mutated in place. An approved version
// may be shown instead of the draft (read-only); the draft model keeps following the stream
// meanwhile and is drawn again on the way back.

import { Grid, cellKey } from './grid.js';
import { Checks } from './checks.js';
import { Presence } from './presence.js';
import { RowEditor } from './rows.js';
import { EmptyTables, hasSections } from './empty.js';
import { CellEdits } from './edits.js';
import { Commands } from './commands.js';
import { Review } from './review.js';
import { Reasons } from './reasons.js';
import { Comments } from './comments.js';
import { Texts } from './texts.js';
import { ListRows } from './listrows.js';
import { Panels } from './panels.js';
import { closeAsk } from './dialogs.js';
import { gridHooks } from './cellhooks.js';
import { esc, toast, roleName, canEditDoc } from './ui.js';
import { REJECT_TEXT } from './protocol.js';

const MAX_BUFFER = 2000;

/** Lines added or removed, a 空表 mark or an import change the tables: a fresh snapshot follows. */
const restructures = (ev) => (Array.isArray(ev.rows) && ev.rows.length > 0) || hasSections(ev)
  || (Array.isArray(ev.replaced) && ev.replaced.length > 0);

function indexCells(doc) {
  const cells = new Map();
  for (const s of doc.sections) {
    for (const row of s.rows) {
      for (const [col, cell] of Object.entries(row.cells || {})) cells.set(cellKey(s.key, row.key, col), cell);
    }
  }
  return cells;
}

export class DocumentSession {
  /** els: the page's elements (see app.js); conn: Connection; me: the signed-in user */
  constructor(els, conn, me) {
    this.els = els;
    this.conn = conn;
    this.me = me;
    this.docId = null;
    this.doc = null;
    this.cells = new Map();
    this.view = null; // {number, doc} while an approved version is on screen
    this.version = 0;
    this.unit = '元';
    this.seq = 0;
    this.epoch = 0;
    this.syncing = false;
    this.subscribeId = null;
    this.buffer = [];
    this.ackTimer = 0;
    const mayChange = () => !this.view && canEditDoc(this.doc);
    this.grid = new Grid(els.sheets, els.nav, gridHooks(this, mayChange));
    const wire = { doc: () => this.doc, docId: () => this.docId, epoch: () => this.epoch,
      syncing: () => this.syncing, nextId: () => this.nextId() };
    this.commands = new Commands(conn, wire);
    this.reasons = new Reasons({ flow: (s) => this.review.flow(s), title: (s) => this.review.title(s) });
    const shared = { ...wire, unit: () => this.unit, mayChange, cells: () => this.cells, drawn: () => !this.view,
      me: () => this.me, reasons: this.reasons, resync: () => this.resync() };
    this.edits = new CellEdits(this.grid, conn, shared);
    this.rows = new RowEditor(this.grid, this.commands, { ...shared, displayValue: (key) => this.edits.displayValue(key) });
    this.empty = new EmptyTables(this.grid, this.commands, shared);
    this.texts = new Texts(this.grid, this.commands, shared);
    this.listRows = new ListRows(this.grid, this.commands, { ...shared, displayValue: (key) => this.edits.displayValue(key) });
    this.review = new Review({ block: els.review }, this.grid, this.commands, { doc: () => this.doc,
      viewing: () => this.view, version: () => this.version, onChange: (s) => this.sectionChanged(s),
      onVersion: (v) => this.panels.versionAdded(v), openChecks: (keys) => this.openChecks(keys) });
    this.panels = new Panels(els, this.grid, { ...shared, viewing: () => this.view,
      version: () => this.version, review: this.review, openVersion: (n, d) => this.showVersion(n, d),
      backToDraft: () => this.showDraft() });
    this.presence = new Presence(els.presence, this.grid, conn, { me: () => this.me, docId: () => this.docId,
      rendered: () => this.doc !== null, ready: () => !this.syncing, title: (s) => this.review.title(s),
      outlines: () => !this.view });
    this.checks = new Checks({ panel: els.checks, count: els.checkCount }, this.grid,
      { doc: () => this.doc, titleFor: (key) => this.grid.hooks.titleFor(key), side: this.panels.side, marking: () => !this.view });
    this.comments = new Comments(els.commentsPane, this.grid, this.commands, { ...shared, side: this.panels.side,
      marking: () => !this.view, doc: () => this.doc, sectionInView: () => this.presence.sectionInView() });
    this.panels.onSide((name, open) => {
      this.checks.syncExpanded();
      if (name === 'comments' && open) this.comments.shown();
    });
  }

  get hasUnsaved() {
    return this.edits.busy || this.rows.busy || this.empty.busy || this.commands.busy || this.texts.dirty;
  }

  nextId() {
    this.seq += 1;
    return `r${this.seq}`;
  }

  open(docId) {
    this.docId = docId;
    this.doc = null;
    this.view = null;
    this.version = 0;
    this.els.sheets.innerHTML = '<p class="loading">正在打开预算…</p>';
    this.els.nav.textContent = '';
    this.els.note.hidden = true;
    this.els.title.textContent = '';
    this.checks.clear();
    this.review.reset(null);
    this.review.drawBlock();
    this.panels.opened(docId);
    this.conn.ensure();
    if (this.conn.isOpen) this.subscribe(null);
  }

  close() {
    if (this.docId === null) return;
    this.grid.cancelEditor();
    this.conn.send({ type: 'unsubscribe', doc: this.docId });
    clearTimeout(this.ackTimer);
    closeAsk();
    this.docId = null;
    this.doc = null;
    this.view = null;
    for (const m of [this.edits, this.rows, this.empty, this.commands, this.texts, this.listRows, this.reasons,
      this.comments, this.panels]) m.reset();
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
    this.panels.setUnit(unit);
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
    this.doc = msg.document;
    this.cells = indexCells(this.doc);
    this.version = msg.version ?? msg.document.version ?? 0;
    if (first) this.setUnit(this.doc.displayUnit === '万元' ? '万元' : '元');
    this.els.title.textContent = this.doc.title || '';
    document.title = `${this.doc.title || '预算'} · Yusuan 预算协同编制`;
    this.review.reset(this.doc);
    this.reasons.sync();
    this.comments.reset(this.doc.comments);
    this.checks.reset(this.doc.checks);
    this.panels.snapshot(this.doc);
    if (!this.view) this.draw(!first);
    this.edits.reconcile();
    this.afterSync();
  }

  /** Draws the document on screen (the draft, or the version being viewed), keeping the user's place. */
  draw(keepPlace) {
    const shown = this.view ? this.view.doc : this.doc;
    const place = keepPlace ? this.rows.beforeRender() : null;
    const focused = this.grid.focusedKey;
    const readOnly = !canEditDoc(shown);
    this.els.note.hidden = !readOnly || Boolean(this.view);
    this.els.note.textContent = readOnly ? `只读：您的角色是${roleName(shown.role)}（可查看、批注${
      shown.role === 'supervisor' ? '、审批' : ''}）` : '';
    this.grid.render(shown, this.unit);
    this.checks.remark();
    this.comments.remark();
    this.review.afterRender();
    this.presence.redraw();
    if (keepPlace && focused) this.grid.focusKey(focused);
    this.rows.afterRender(place);
    this.empty.afterRender();
    this.texts.afterRender();
    this.listRows.afterRender();
    this.panels.afterRender();
  }

  catchup(msg) {
    const events = [...(msg.events || [])].sort((a, b) => a.version - b.version);
    for (const ev of events) {
      if (ev.version <= this.version) continue;
      if (ev.version !== this.version + 1) {
        this.subscribe(null); // the server could not fill the gap; a fresh snapshot is the only safe state
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

  /** Drains events that arrived during the sync, then sends what the server may never have seen. */
  afterSync() {
    this.syncing = false;
    const buffered = this.buffer.sort((a, b) => a.version - b.version);
    this.buffer = [];
    for (const ev of buffered) {
      if (this.syncing) this.buffer.push(ev);
      else this.applied(ev);
    }
    this.edits.resend(this.epoch);
    this.commands.resend(this.epoch);
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
    const drawn = !this.view;
    const fromThisTab = this.edits.mine.has(ev.clientOpId);
    const flashes = [];
    for (const change of ev.changes || []) {
      const key = cellKey(change.cell.section, change.cell.row, change.cell.column);
      const cell = this.cells.get(key);
      if (!cell) continue;
      cell.value = change.value;
      cell.rev = change.rev;
      cell.by = change.by || ev.by || null;
      if (drawn) this.grid.paint(key);
      if (!fromThisTab) flashes.push([key, 'peer']);
    }
    for (const c of ev.calc || []) {
      const key = cellKey(c.cell.section, c.cell.row, c.cell.column);
      const cell = this.cells.get(key);
      if (!cell) continue;
      cell.value = c.value;
      if (drawn) this.grid.paint(key);
      flashes.push([key, 'calc']);
    }
    this.version = ev.version;
    for (const t of this.texts.applied(ev, this.cells)) flashes.push([t, 'peer']);
    this.checks.apply(ev.checks);
    this.review.apply(ev);
    this.comments.apply(ev);
    if (Array.isArray(ev.rows) && ev.rows.length) {
      this.rows.applied(ev);
      this.listRows.applied(ev);
    }
    if (hasSections(ev)) this.empty.applied(ev);
    this.edits.applied(ev);
    this.commands.applied(ev);
    this.panels.applied(ev);
    if (drawn) this.grid.flash(flashes);
  }

  ack(msg) {
    if (!this.edits.acked(msg) && !this.commands.acked(msg)) return;
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
    if (!this.commands.refused(msg)) this.edits.refused(msg);
  }

  frameError(msg) {
    if (msg.requestId && msg.requestId === this.subscribeId && this.docId !== null && !this.doc) {
      this.openFailed(msg);
      return;
    }
    if (this.commands.refused(msg) || this.edits.refused(msg)) return;
    const text = REJECT_TEXT[msg.code] || msg.code || '错误';
    toast(`${text}${msg.message ? `：${msg.message}` : ''}`, 'error');
  }

  openFailed(msg) {
    this.syncing = false;
    const text = REJECT_TEXT[msg.code] || msg.code;
    this.els.sheets.innerHTML = `<p class="open-failed">无法打开此预算：${esc(text)}${msg.message ? `（${esc(msg.message)}）` : ''}</p>`;
    toast(`无法打开此预算：${msg.message || text}`, 'error');
  }

  // ---- the version on screen ---------------------------------------------------

  /** Shows approved version n (a read-only document object) in place of the draft. */
  showVersion(number, vdoc) {
    if (this.texts.dirty) {
      toast('请先保存或取消正在编辑的文字');
      return false;
    }
    this.grid.cancelEditor();
    // A version's cells are all read-only; which of them were typed (not derived) the draft knows,
    // so its figures are drawn as locked inputs rather than as formulas.
    for (const [key, cell] of indexCells(vdoc)) {
      const draft = this.cells.get(key);
      cell.input = draft ? Boolean(draft.editable) : cell.rev > 0 || Boolean(cell.by);
    }
    this.view = { number, doc: vdoc };
    this.draw(true); // the same table and row stay in view, so the two can be compared by eye
    return true;
  }

  showDraft() {
    if (!this.view) return;
    this.view = null;
    this.draw(true);
    this.edits.reconcile();
  }

  // ---- small routes --------------------------------------------------------------

  sectionChanged(section) {
    this.reasons.sync();
    this.review.redraw(section);
    this.texts.lockChanged();
  }

  focusChanged(key) {
    this.presence.focusChanged(key);
    this.panels.focusChanged(key);
    this.comments.focusChanged(key);
  }

  openChecks(keys) {
    this.checks.togglePanel(true, false);
    if (keys && keys.length) this.checks.jump(keys[0]);
  }
}
