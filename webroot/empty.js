// 空表: a table with no figures marked empty, with the reason printed under its caption.
// The 标为空表 / 取消空表 controls live in each table's caption bar; the note box sits above the
// greyed table. A mark changes how a table is drawn, so the session re-reads the document after
// one (as for 科目 changes); the open form survives that re-render through this.form.

import { REJECT_TEXT } from './protocol.js';
import { esc, toast } from './ui.js';

export const NOTE_MAX = 200;

const MARK_TEXT = {
  INVALID_STATE: '该表已有数据，不能标为空表',
  INVALID_VALUE: '空表说明无效（必填，不超过 200 字）',
  UNKNOWN_CELL: '该表不存在，请刷新页面',
  FORBIDDEN: '您没有标记空表的权限',
};
const UNMARK_TEXT = {
  INVALID_STATE: '该表未标为空表',
  UNKNOWN_CELL: '该表不存在，请刷新页面',
  FORBIDDEN: '您没有取消空表的权限',
};

/** True when an applied event marks or unmarks a table. */
export const hasSections = (ev) => Array.isArray(ev.sections) && ev.sections.length > 0;

export class EmptyTables {
  /** grid: the document's Grid; commands: the document's Commands (one-shot changes); hooks: doc(), mayChange() */
  constructor(grid, commands, hooks) {
    this.grid = grid;
    this.commands = commands;
    this.hooks = hooks;
    this.form = null; // the open 标为空表 form: {section, note, focused}
    this.op = null; // the request on its way: {section, empty, note}
    this.bindEvents(grid.container);
  }

  get busy() {
    return this.op !== null;
  }

  reset() {
    this.form = null;
    this.op = null;
  }

  /** The draft is on screen and the role may change it (locked tables hide the controls by CSS). */
  canEdit() {
    return this.hooks.mayChange();
  }

  section(key) {
    const doc = this.hooks.doc();
    return doc ? doc.sections.find((s) => s.key === key) || null : null;
  }

  // ---- HTML for the grid's render ------------------------------------------------

  barHtml(section) {
    if (!this.canEdit()) return '';
    return `<div class="empty-tools" data-section="${esc(section.key)}">${this.toolsHtml(section)}</div>`;
  }

  toolsHtml(section) {
    const key = esc(section.key);
    const pending = this.op && this.op.section === section.key;
    if (section.empty) {
      return `<button type="button" class="unmark-empty" data-section="${key}"${pending ? ' disabled' : ''} `
        + `title="取消表${esc(section.number)}的空表标记">${pending ? '正在取消…' : '取消空表'}</button>`;
    }
    const f = this.form;
    if (!f || f.section !== section.key) {
      return `<button type="button" class="mark-empty" data-section="${key}" `
        + `title="将表${esc(section.number)}标为空表并说明原因">标为空表</button>`;
    }
    const ro = pending ? ' readonly' : '';
    return `<form class="mark-empty-form" data-section="${key}" novalidate autocomplete="off">`
      + `<label>空表说明<input name="note" maxlength="${NOTE_MAX}" size="30" `
      + `placeholder="例如：本部门无政府性基金预算拨款" aria-required="true" value="${esc(f.note)}"${ro}></label>`
      + `<button type="submit" class="mark-empty-ok"${pending ? ' disabled' : ''}>${pending ? '正在提交…' : '确定'}</button>`
      + '<button type="button" class="mark-empty-cancel">取消</button></form>';
  }

  /** The box above a marked table; empty string for an ordinary one. */
  noteHtml(section) {
    if (!section.empty) return '';
    return `<div class="empty-note" data-section="${esc(section.key)}" role="note">`
      + `<b>空表：</b>${esc(section.empty.note || '（未说明原因）')}</div>`;
  }

  drawTools(key) {
    const box = this.grid.container.querySelector(`.empty-tools[data-section="${CSS.escape(key)}"]`);
    const section = this.section(key);
    if (box && section) box.innerHTML = this.toolsHtml(section);
  }

  formEl() {
    if (!this.form) return null;
    return this.grid.container.querySelector(`form.mark-empty-form[data-section="${CSS.escape(this.form.section)}"]`);
  }

  /** After a re-render: the form comes back with its text; the focus too if it had it. */
  afterRender() {
    const section = this.form && this.section(this.form.section);
    if (this.form && (!this.canEdit() || !section || section.empty)) this.form = null;
    const el = this.formEl();
    if (el && this.form.focused && (!document.activeElement || document.activeElement === document.body)) {
      el.elements.namedItem('note').focus({ preventScroll: true });
    }
  }

  // ---- the form ------------------------------------------------------------------

  open(key) {
    const previous = this.form;
    if (previous && previous.section === key) return;
    if (previous && this.op && this.op.section === previous.section) return; // one request at a time
    this.form = { section: key, note: '', focused: true };
    if (previous) this.drawTools(previous.section);
    this.drawTools(key);
    const el = this.formEl();
    if (el) el.elements.namedItem('note').focus();
  }

  close(focusButton) {
    const f = this.form;
    if (!f) return;
    this.form = null;
    this.drawTools(f.section);
    if (focusButton) {
      const b = this.grid.container.querySelector(`button.mark-empty[data-section="${CSS.escape(f.section)}"]`);
      if (b) b.focus();
    }
  }

  submit(el) {
    if (this.op) return;
    const input = el.elements.namedItem('note');
    const note = input.value.trim();
    if (!note || note.length > NOTE_MAX) {
      input.classList.add('invalid');
      input.focus();
      toast(note ? `空表说明不能超过 ${NOTE_MAX} 字` : '请填写空表说明，例如：本部门无政府性基金预算拨款', 'error');
      return;
    }
    this.form.note = note;
    this.start({ section: el.dataset.section, empty: true, note });
  }

  unmark(key) {
    if (this.op) return;
    this.start({ section: key, empty: false });
  }

  // ---- the wire ------------------------------------------------------------------

  /**
   * Sends through the document's one-shot commands (resent with the same clientOpId after a
   * reconnect, settled by the ack, the applied frame or the refusal); here only what the page shows.
   */
  start(op) {
    this.op = op;
    this.drawTools(op.section);
    const msg = { type: 'markEmpty', section: op.section, empty: op.empty };
    if (op.empty) msg.note = op.note;
    this.commands.send(msg).then(() => this.settle(op), (err) => this.refused(op, err));
  }

  /** An applied event with sections, from anyone: the model follows now, the tables after the re-read. */
  applied(ev) {
    for (const s of ev.sections) {
      const section = s && this.section(s.section);
      if (section) section.empty = s.empty ? { note: s.note ?? '' } : null;
    }
  }

  settle(op) {
    if (this.op !== op) return; // the document closed meanwhile
    this.op = null;
    if (this.form && this.form.section === op.section) this.form = null;
    this.drawTools(op.section);
  }

  /** The server refused (or the socket answered an error): nothing changed, say why. */
  refused(op, err) {
    if (this.op !== op || err.code === 'CLOSED') return;
    this.op = null;
    this.drawTools(op.section);
    const section = this.section(op.section);
    const where = section ? `表${section.number} ${section.title}：` : '';
    const text = (op.empty ? MARK_TEXT : UNMARK_TEXT)[err.code] || REJECT_TEXT[err.code]
      || `${op.empty ? '未能标为空表' : '未能取消空表'}（${err.code || '未知错误'}）`;
    const message = err.message === err.code ? '' : err.message;
    const server = message && message !== text ? `（服务器：${message}）` : '';
    toast(`${where}${text}${server}`, 'error');
    const el = this.formEl();
    if (el && op.empty) el.elements.namedItem('note').focus();
  }

  bindEvents(root) {
    root.addEventListener('click', (e) => {
      const mark = e.target.closest('button.mark-empty');
      const unmark = e.target.closest('button.unmark-empty');
      if (mark) this.open(mark.dataset.section);
      else if (unmark) this.unmark(unmark.dataset.section);
      else if (e.target.closest('button.mark-empty-cancel') && !this.busy) this.close(true);
    });
    root.addEventListener('submit', (e) => {
      const form = e.target.closest('form.mark-empty-form');
      if (!form) return;
      e.preventDefault();
      this.submit(form);
    });
    root.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.isComposing || !e.target.closest('form.mark-empty-form')) return;
      e.preventDefault();
      if (!this.busy) this.close(true);
    });
    root.addEventListener('input', (e) => {
      if (!this.form || !e.target.closest('form.mark-empty-form')) return;
      e.target.classList.remove('invalid');
      this.form.note = e.target.value;
    });
    root.addEventListener('focusin', (e) => {
      if (this.form) this.form.focused = Boolean(e.target.closest('form.mark-empty-form'));
    });
  }
}
