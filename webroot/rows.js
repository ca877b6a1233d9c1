// Adding and removing classification lines (科目) in code-tree tables: the 添加科目 form in each
// table's caption bar, the 删除 control on removable rows and the question before figures go.
// A row change alters the tables' structure, so the session re-reads the whole document after
// one; this module puts back the open form and flashes new lines (view.js keeps scroll and editor).

import { cellKey } from './grid.js';
import { formatYuan } from './money.js';
import { newOpId, rowRejectMessage } from './protocol.js';
import { esc, toast, confirmDialog, closeConfirm } from './ui.js';
import { captureView, restoreView } from './view.js';
import { lineLength, parentCodes, normaliseCode, codeProblem } from './codes.js';

const AMOUNTS_IN_QUESTION = 4; // more would make the question too long to read at a glance

export class RowEditor {
  /**
   * grid: the document's Grid; commands: the document's Commands (one-shot changes);
   * hooks: doc(), unit(), mayChange(),
   *        displayValue(key) (what a cell shows, unconfirmed edits included)
   */
  constructor(grid, commands, hooks) {
    this.grid = grid;
    this.commands = commands;
    this.hooks = hooks;
    this.ops = new Map(); // local id → {id, kind: 'add'|'remove', section, code, name} on its way to the server
    this.form = null; // the open 添加科目 form: {section, code, name, opId, field, start, end}
    this.added = []; // [{section, code, mine}] lines added since the last render, flashed after it
    this.asking = null; // {section, code} while the removal question is on screen
    this.bindEvents(grid.container);
  }

  get busy() {
    return this.ops.size > 0;
  }

  /** The draft is on screen and the role may change it (locked tables hide the controls by CSS). */
  canEdit() {
    return this.hooks.mayChange();
  }

  section(key) {
    const doc = this.hooks.doc();
    return doc ? doc.sections.find((s) => s.key === key) || null : null;
  }

  rowOf(sectionKey, code) {
    const section = this.section(sectionKey);
    return section ? section.rows.find((r) => String(r.code) === code) || null : null;
  }

  rowEl(sectionKey, code) {
    const row = this.rowOf(sectionKey, code);
    if (!row) return null;
    return this.grid.container.querySelector(
      `section[data-section="${CSS.escape(sectionKey)}"] tr[data-row="${CSS.escape(row.key)}"]`);
  }

  formEl() {
    if (!this.form) return null;
    return this.grid.container.querySelector(`form.add-row-form[data-section="${CSS.escape(this.form.section)}"]`);
  }

  /** The document closed: nothing of it may linger, least of all a question about one of its rows. */
  reset() {
    this.ops.clear();
    this.form = null;
    this.added = [];
    this.asking = null;
    closeConfirm();
  }

  // ---- HTML for the grid's render ------------------------------------------------

  /** The caption bar's tools: the add button, or the form while it is open. */
  barHtml(section) {
    if (section.kind !== 'codeTree' || !this.canEdit()) return '';
    return `<div class="row-tools" data-section="${esc(section.key)}">${this.toolsHtml(section)}</div>`;
  }

  toolsHtml(section) {
    const f = this.form;
    if (!f || f.section !== section.key) {
      return `<button type="button" class="add-row" data-section="${esc(section.key)}" `
        + `title="在表${esc(section.number)}中添加一个科目">＋ 添加科目</button>`;
    }
    const length = lineLength(section);
    const hint = length ? `${length} 位${length === 7 ? '项' : '款'}级编码` : '7 位或 5 位编码';
    const busy = Boolean(f.opId);
    const ro = busy ? ' readonly' : '';
    // novalidate: our own check gives one Chinese message in the toast instead of the browser's bubble.
    return `<form class="add-row-form" data-section="${esc(section.key)}" novalidate autocomplete="off">`
      + `<label>科目编码<input name="code" inputmode="numeric" size="11" placeholder="${hint}" `
      + `aria-required="true" value="${esc(f.code)}"${ro}></label>`
      + `<label>科目名称<input name="name" maxlength="100" size="20" placeholder="留空则使用标准名称" `
      + `value="${esc(f.name)}"${ro}></label>`
      + `<button type="submit" class="add-row-ok"${busy ? ' disabled' : ''}>${busy ? '正在添加…' : '添加'}</button>`
      + '<button type="button" class="add-row-cancel">取消</button></form>';
  }

  /**
   * The 删除 control of a line with no lines under it. Its word comes from CSS, so copying a table
   * into a spreadsheet does not pick up a 删除 per row; tabindex -1 keeps hundreds of them out of Tab.
   */
  rowHtml(section, row) {
    if (section.kind !== 'codeTree' || !row.code || row.total || !this.canEdit()) return '';
    if (parentCodes(section).has(String(row.code))) return '';
    return `<button type="button" class="remove-row" tabindex="-1" data-section="${esc(section.key)}" `
      + `data-row="${esc(row.code)}" aria-label="删除科目 ${esc(row.code)} ${esc(row.label)}" title="删除此科目"></button>`;
  }

  /** Redraws one caption bar only; the table under it is untouched. */
  drawTools(sectionKey) {
    const box = this.grid.container.querySelector(`.row-tools[data-section="${CSS.escape(sectionKey)}"]`);
    const section = this.section(sectionKey);
    if (box && section) box.innerHTML = this.toolsHtml(section);
  }

  // ---- adding --------------------------------------------------------------------

  openForm(sectionKey) {
    const previous = this.form;
    if (!previous || previous.section !== sectionKey) {
      this.form = { section: sectionKey, code: '', name: '', opId: null, field: 'code' };
      if (previous) this.drawTools(previous.section);
      this.drawTools(sectionKey);
    }
    const el = this.formEl();
    if (el) el.elements.namedItem('code').focus();
  }

  closeForm(focusButton) {
    const f = this.form;
    if (!f) return;
    this.form = null;
    this.drawTools(f.section);
    if (focusButton) {
      const button = this.grid.container.querySelector(`button.add-row[data-section="${CSS.escape(f.section)}"]`);
      if (button) button.focus();
    }
  }

  submit(el) {
    const f = this.form;
    if (!f || f.opId) return; // a second Enter while the first request is on its way
    const section = this.section(f.section);
    if (!section) {
      this.closeForm(false);
      return;
    }
    const codeInput = el.elements.namedItem('code');
    f.code = normaliseCode(codeInput.value);
    f.name = el.elements.namedItem('name').value.trim();
    const problem = codeProblem(section, f.code);
    if (problem) {
      codeInput.classList.add('invalid');
      codeInput.focus();
      toast(problem, 'error');
      return;
    }
    codeInput.value = f.code;
    const op = { id: newOpId(), kind: 'add', section: f.section, code: f.code, name: f.name };
    f.opId = op.id;
    this.setBusy(el, true);
    this.start(op);
  }

  /** Changed in place rather than redrawn, so the focus stays where the user pressed Enter. */
  setBusy(el, busy) {
    for (const input of el.querySelectorAll('input')) input.readOnly = busy;
    const ok = el.querySelector('.add-row-ok');
    ok.disabled = busy;
    ok.textContent = busy ? '正在添加…' : '添加';
  }

  // ---- removing ------------------------------------------------------------------

  async remove(sectionKey, code) {
    const section = this.section(sectionKey);
    const row = this.rowOf(sectionKey, code);
    if (!row || this.removing(sectionKey, code)) return;
    const filled = this.filledAmounts(section, row);
    if (filled.length) {
      const asking = { section: sectionKey, code };
      this.asking = asking;
      const yes = await confirmDialog({ html: this.question(row, filled), ok: '删除', cancel: '取消' });
      if (this.asking === asking) this.asking = null;
      if (!yes || this.removing(sectionKey, code)) return;
      if (!this.rowOf(sectionKey, code)) {
        toast(`科目 ${code} 已不在表中`);
        return;
      }
    }
    this.start({ id: newOpId(), kind: 'remove', section: sectionKey, code, name: row.label });
    this.markRemoving();
  }

  removing(sectionKey, code) {
    return [...this.ops.values()].some((op) => op.kind === 'remove' && op.section === sectionKey && op.code === code);
  }

  /** The row's input figures as shown now, unconfirmed edits included: that is what the user would lose. */
  filledAmounts(section, row) {
    const filled = [];
    for (const col of section.columns) {
      const cell = row.cells && row.cells[col.key];
      if (!cell || !cell.editable) continue;
      const value = this.hooks.displayValue(cellKey(section.key, row.key, col.key));
      if (value !== null && value !== undefined && value !== '') filled.push({ title: col.title, value });
    }
    return filled;
  }

  /**
   * "删除科目 2101501 行政运行？该行的金额（基本支出 416.25 万元）将从所有合计中移除。" in the unit on
   * screen, as HTML: each "基本支出 416.25 万元" is kept on one line, Chinese text may break anywhere.
   */
  question(row, filled) {
    const unit = this.hooks.unit();
    const parts = filled.slice(0, AMOUNTS_IN_QUESTION)
      .map((f) => `<span class="nowrap">${esc(`${f.title} ${formatYuan(f.value, unit)} ${unit}`)}</span>`);
    const more = filled.length > AMOUNTS_IN_QUESTION ? ` 等 ${filled.length} 项` : '';
    return `删除科目 ${esc(row.code)} ${esc(row.label)}？该行的金额（${parts.join('、')}${more}）将从所有合计中移除。`;
  }

  /** A line on its way out is faded, so a second click is not needed to see that something happens. */
  markRemoving() {
    for (const op of this.ops.values()) {
      if (op.kind !== 'remove') continue;
      const tr = this.rowEl(op.section, op.code);
      if (tr) tr.classList.add('row-removing');
    }
  }

  // ---- the wire ------------------------------------------------------------------

  /**
   * Sends through the document's one-shot commands (which resend with the same clientOpId after a
   * reconnect and settle on the ack, the applied frame or the refusal); here only what the page shows.
   */
  start(op) {
    this.ops.set(op.id, op);
    const msg = op.kind === 'add'
      ? { type: 'addRow', section: op.section, code: op.code, name: op.name }
      : { type: 'removeRow', section: op.section, row: op.code };
    this.commands.send(msg).then(() => this.settle(op), (err) => this.refused(op, err));
  }

  /** An applied event with rows, from anyone: added lines are flashed once the tables are re-rendered. */
  applied(ev) {
    const mine = this.commands.mine.has(ev.clientOpId);
    for (const r of ev.rows) {
      if (r && r.change === 'added') this.added.push({ section: r.section, code: String(r.code), mine });
    }
  }

  settle(op) {
    if (!this.ops.delete(op.id)) return; // the document closed meanwhile
    if (this.form && this.form.opId === op.id) this.closeForm(false);
  }

  /** The server refused (or the socket answered an error): nothing changed, say why. */
  refused(op, err) {
    if (!this.ops.delete(op.id) || err.code === 'CLOSED') return;
    const msg = { code: err.code, message: err.message === err.code ? '' : err.message, details: err.details };
    toast(rowRejectMessage(msg, this.hooks.doc(), op), 'error');
    if (op.kind === 'remove') {
      const tr = this.rowEl(op.section, op.code);
      if (tr) tr.classList.remove('row-removing');
      return;
    }
    const el = this.form && this.form.opId === op.id ? this.formEl() : null;
    if (this.form && this.form.opId === op.id) this.form.opId = null;
    if (el) {
      this.setBusy(el, false);
      // "没有编码 …，请填写科目名称" and "名称过长" are fixed in the name; everything else in the code.
      const input = el.elements.namedItem(/名称/.test(msg.message || '') ? 'name' : 'code');
      input.classList.add('invalid');
      input.focus();
      input.select();
    }
  }

  // ---- keeping the view across a re-render ---------------------------------------

  /** Called before the tables are rebuilt: what to put back afterwards (the open form is kept in this.form). */
  beforeRender() {
    const el = this.formEl();
    if (this.form && el) {
      const active = document.activeElement;
      this.form.code = el.elements.namedItem('code').value;
      this.form.name = el.elements.namedItem('name').value;
      this.form.field = el.contains(active) && active.name ? active.name : null;
      if (this.form.field) Object.assign(this.form, { start: active.selectionStart, end: active.selectionEnd });
    }
    return captureView(this.grid);
  }

  /** view: what beforeRender returned, or null for a first render. */
  afterRender(view) {
    if (view) restoreView(this.grid, view);
    if (this.form && !(this.canEdit() && this.section(this.form.section))) this.form = null;
    const el = this.formEl();
    if (el && this.form.field) {
      const input = el.elements.namedItem(this.form.field);
      input.focus({ preventScroll: true });
      if (input.setSelectionRange && this.form.start != null) input.setSelectionRange(this.form.start, this.form.end);
    }
    this.markRemoving();
    if (this.asking && !this.rowOf(this.asking.section, this.asking.code)) {
      const { code } = this.asking;
      closeConfirm();
      toast(`科目 ${code} 已被他人删除`);
    }
    this.flashAdded();
  }

  flashAdded() {
    const list = this.added;
    this.added = [];
    let target = null;
    for (const a of list) {
      const tr = this.rowEl(a.section, a.code);
      if (!tr) continue;
      tr.classList.add('row-added');
      // Our own new line: its first input cell takes the focus, ready for the figures.
      if (a.mine && !target) target = tr.querySelector('td.input:not(.locked)');
    }
    if (target && !this.grid.editor && !this.form) this.grid.focusKey(target.dataset.cell);
  }

  bindEvents(root) {
    root.addEventListener('click', (e) => {
      const add = e.target.closest('button.add-row');
      if (add) this.openForm(add.dataset.section);
      else if (e.target.closest('button.add-row-cancel')) this.closeForm(true);
      else {
        const del = e.target.closest('button.remove-row');
        if (del) this.remove(del.dataset.section, del.dataset.row);
      }
    });
    root.addEventListener('submit', (e) => {
      const form = e.target.closest('form.add-row-form');
      if (!form) return;
      e.preventDefault();
      this.submit(form);
    });
    root.addEventListener('keydown', (e) => {
      // Escape while an IME is composing belongs to the IME.
      if (e.key !== 'Escape' || e.isComposing || !e.target.closest('form.add-row-form')) return;
      e.preventDefault();
      this.closeForm(true);
    });
    root.addEventListener('input', (e) => {
      if (e.target.closest('form.add-row-form')) e.target.classList.remove('invalid');
    });
  }
}
