// Free rows of list sections (项目支出表, 政府采购, 绩效指标): «＋ 添加…» per row kind the template
// allows, at the top level in the caption bar or under a row whose kind may hold it, and 删除 of a
// row with nothing under it (asking first when it has figures or text). Like 科目 lines, a row
// change rebuilds the tables from a fresh snapshot; the open form survives that through this.form.

import { cellKey, isTextCell } from './sheet.js';
import { formatYuan } from './money.js';
import { esc, toast, confirmDialog } from './ui.js';

const NAME_MAX = 200;

export class ListRows {
  /** grid: the Grid; commands: Commands; hooks: doc(), mayChange(), unit(), displayValue(key), cells() */
  constructor(grid, commands, hooks) {
    this.grid = grid;
    this.commands = commands;
    this.hooks = hooks;
    this.form = null; // {section, kind, parent, name, sending}
    this.focusNew = null; // {section} after our own row was added: its first cell takes the focus
    this.bind(grid.container);
  }

  reset() {
    this.form = null;
    this.focusNew = null;
  }

  section(key) {
    const doc = this.hooks.doc();
    return doc ? doc.sections.find((s) => s.key === key) || null : null;
  }

  kinds(section) {
    return Array.isArray(section.rowKinds) ? section.rowKinds : [];
  }

  labelOf(section, rowKey) {
    if (!section.labelColumn) return rowKey;
    const cell = this.hooks.cells().get(cellKey(section.key, rowKey, section.labelColumn));
    return (cell && cell.text) || '（未命名）';
  }

  // ---- HTML for the grid's render ----------------------------------------------------------

  barHtml(section) {
    if (section.kind !== 'list' || !this.hooks.mayChange()) return '';
    const f = this.form && this.form.section === section.key ? this.form : null;
    if (f) return `<div class="list-tools" data-section="${esc(section.key)}">${this.formHtml(section, f)}</div>`;
    const top = this.kinds(section).filter((k) => !k.parents || !k.parents.length);
    return `<div class="list-tools" data-section="${esc(section.key)}">${top.map((k) =>
      `<button type="button" class="add-list-row" data-list-add="${esc(k.key)}" data-section="${esc(section.key)}">＋ 添加${esc(k.title)}</button>`).join('')}</div>`;
  }

  formHtml(section, f) {
    const kind = this.kinds(section).find((k) => k.key === f.kind) || { title: '行' };
    const under = f.parent ? `在「${esc(this.labelOf(section, f.parent))}」下` : '';
    const ro = f.sending ? ' readonly' : '';
    return `<form class="list-row-form" data-section="${esc(section.key)}" novalidate autocomplete="off">`
      + `<span>${under}添加${esc(kind.title)}</span>`
      + `<label>名称<input name="name" size="24" maxlength="${NAME_MAX}" value="${esc(f.name)}"${ro} aria-required="true"></label>`
      + `<button type="submit" class="list-row-ok"${f.sending ? ' disabled' : ''}>${f.sending ? '正在添加…' : '添加'}</button>`
      + '<button type="button" class="list-cancel">取消</button></form>';
  }

  /** Under a row: the kinds that may sit under it, and 删除 when nothing is under it. */
  rowHtml(section, row) {
    if (section.kind !== 'list' || row.total || !this.hooks.mayChange()) return '';
    const kids = this.kinds(section).filter((k) => Array.isArray(k.parents) && k.parents.includes(row.kind));
    const hasChildren = section.rows.some((r) => r.parent === row.key);
    const add = kids.map((k) => `<button type="button" class="add-child" tabindex="-1" data-list-add="${esc(k.key)}" `
      + `data-section="${esc(section.key)}" data-parent="${esc(row.key)}" title="在此行下添加${esc(k.title)}">＋${esc(k.title)}</button>`).join('');
    const remove = hasChildren ? '' : `<button type="button" class="remove-list-row" tabindex="-1" data-section="${esc(section.key)}" `
      + `data-row="${esc(row.key)}" title="删除此行" aria-label="删除此行"></button>`;
    return add || remove ? `<span class="list-row-tools">${add}${remove}</span>` : '';
  }

  drawBar(sectionKey) {
    const box = this.grid.container.querySelector(`.list-tools[data-section="${CSS.escape(sectionKey)}"]`);
    const section = this.section(sectionKey);
    if (box && section) box.outerHTML = this.barHtml(section);
  }

  // ---- adding ------------------------------------------------------------------------------

  openForm(sectionKey, kind, parent) {
    const before = this.form;
    if (before && before.sending) return;
    this.form = { section: sectionKey, kind, parent: parent || null, name: '', sending: false };
    if (before && before.section !== sectionKey) this.drawBar(before.section);
    this.drawBar(sectionKey);
    const input = this.formEl() && this.formEl().elements.namedItem('name');
    if (input) input.focus();
  }

  formEl() {
    if (!this.form) return null;
    return this.grid.container.querySelector(`form.list-row-form[data-section="${CSS.escape(this.form.section)}"]`);
  }

  closeForm() {
    const f = this.form;
    this.form = null;
    if (f) this.drawBar(f.section);
  }

  async submit(el) {
    const f = this.form;
    if (!f || f.sending) return;
    const input = el.elements.namedItem('name');
    f.name = input.value.trim();
    if (!f.name) {
      input.classList.add('invalid');
      input.focus();
      toast('请填写名称', 'error');
      return;
    }
    f.sending = true;
    this.drawBar(f.section);
    const msg = { type: 'addRow', section: f.section, kind: f.kind, name: f.name };
    if (f.parent) msg.parent = f.parent;
    try {
      await this.commands.send(msg);
      if (this.form === f) this.form = null;
      this.drawBar(f.section);
    } catch (err) {
      if (err.code === 'CLOSED') return;
      f.sending = false;
      this.drawBar(f.section);
      toast(`未能添加：${err.message || err.code}`, 'error');
    }
  }

  // ---- removing ----------------------------------------------------------------------------

  /** What the row holds, as the user would lose it: figures in the unit on screen, and texts. */
  contents(section, row) {
    const parts = [];
    const unit = this.hooks.unit();
    for (const [col, cell] of Object.entries(row.cells || {})) {
      if (col === section.labelColumn || !cell.editable) continue;
      const title = (section.columns.find((c) => c.key === col) || {}).title || col;
      if (isTextCell(cell)) {
        if (cell.text) parts.push(`${title}（文字）`);
      } else {
        const v = this.hooks.displayValue(cellKey(section.key, row.key, col));
        if (v !== null && v !== undefined && v !== '') parts.push(`${title} ${formatYuan(v, unit)} ${unit}`);
      }
    }
    return parts;
  }

  async remove(sectionKey, rowKey) {
    const section = this.section(sectionKey);
    const row = section && section.rows.find((r) => r.key === rowKey);
    if (!row || this.commands.pending('removeRow', (m) => m.row === rowKey)) return;
    const name = this.labelOf(section, rowKey);
    const held = this.contents(section, row);
    if (held.length) {
      const yes = await confirmDialog({ text: `删除「${name}」？该行的 ${held.slice(0, 4).join('、')}${held.length > 4 ? ` 等 ${held.length} 项` : ''}将一并删除并从合计中移除。`,
        ok: '删除', cancel: '取消' });
      if (!yes) return;
    }
    const tr = this.grid.container.querySelector(`section[data-section="${CSS.escape(sectionKey)}"] tr[data-row="${CSS.escape(rowKey)}"]`);
    if (tr) tr.classList.add('row-removing');
    try {
      await this.commands.send({ type: 'removeRow', section: sectionKey, row: rowKey });
    } catch (err) {
      if (err.code === 'CLOSED') return;
      if (tr && tr.isConnected) tr.classList.remove('row-removing');
      toast(`未能删除「${name}」：${err.message || err.code}`, 'error');
    }
  }

  // ---- around re-renders ---------------------------------------------------------------------

  /** An applied frame with rows: a row this tab added is remembered, to be focused once drawn. */
  applied(ev) {
    if (!this.commands.mine.has(ev.clientOpId)) return;
    const added = (ev.rows || []).find((r) => r && r.change === 'added' && this.section(r.section)
      && this.section(r.section).kind === 'list');
    if (added) this.focusNew = { section: added.section, row: String(added.code) };
  }

  /** The tables were rebuilt: our new row's first editable cell takes the focus. */
  afterRender() {
    if (this.form && !this.section(this.form.section)) this.form = null;
    const f = this.focusNew;
    if (!f || this.grid.editor) return;
    const tr = this.grid.container.querySelector(
      `section[data-section="${CSS.escape(f.section)}"] tr[data-row="${CSS.escape(f.row)}"]`);
    if (!tr) return; // not in this snapshot yet; the next one has it
    this.focusNew = null;
    tr.classList.add('row-added');
    const cell = tr.querySelector('[data-cell].input:not(.locked)');
    if (cell) cell.focus();
  }

  bind(root) {
    root.addEventListener('click', (e) => {
      const add = e.target.closest('button[data-list-add]');
      const del = e.target.closest('button.remove-list-row');
      if (add) this.openForm(add.dataset.section, add.dataset.listAdd, add.dataset.parent);
      else if (del) this.remove(del.dataset.section, del.dataset.row);
      else if (e.target.closest('button.list-cancel')) this.closeForm();
    });
    root.addEventListener('submit', (e) => {
      const form = e.target.closest('form.list-row-form');
      if (!form) return;
      e.preventDefault();
      this.submit(form);
    });
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !e.isComposing && e.target.closest('form.list-row-form')) {
        e.preventDefault();
        this.closeForm();
      }
    });
    root.addEventListener('input', (e) => {
      if (this.form && e.target.closest('form.list-row-form')) {
        this.form.name = e.target.value;
        e.target.classList.remove('invalid');
      }
    });
  }
}
