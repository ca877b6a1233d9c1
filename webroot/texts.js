// Text cells (说明 chapters, names of free rows, 绩效目标 text): edited in a textarea that stays open
// until saved or cancelled, because a paragraph is not typed in one go like a figure. Saving sends
// `editText` with the cell's rev; if someone else changed the text meanwhile the editor says so
// and keeps the user's draft, so nothing typed is lost to a conflict.

import { refOf, describeCell } from './protocol.js';
import { cellKey } from './sheet.js';
import { esc, toast, confirmDialog } from './ui.js';

const DEFAULT_MAX = 20000;

export class Texts {
  /** grid: the Grid; commands: Commands; hooks: cells(), drawn(), doc(), reasons (Reasons) */
  constructor(grid, commands, hooks) {
    this.grid = grid;
    this.commands = commands;
    this.hooks = hooks;
    this.editor = null; // {key, base, baseRev, value, saving, conflict: {text, rev, by}|null, el}
    this.pending = new Map(); // key → text sent and not yet confirmed
  }

  get dirty() {
    return this.pending.size > 0 || Boolean(this.editor && this.currentValue() !== this.editor.base);
  }

  reset() {
    this.editor = null;
    this.pending.clear();
  }

  displayText(key) {
    if (this.pending.has(key)) return this.pending.get(key);
    const cell = this.hooks.cells().get(key);
    return (cell && cell.text) || '';
  }

  maxLength(key) {
    const ref = refOf(key);
    const doc = this.hooks.doc();
    const section = doc && doc.sections.find((s) => s.key === ref.section);
    const col = section && section.columns.find((c) => c.key === ref.column);
    return (col && col.maxLength) || DEFAULT_MAX;
  }

  currentValue() {
    const area = this.editor && this.editor.el && this.editor.el.querySelector('textarea');
    return area ? area.value : this.editor ? this.editor.value : '';
  }

  /** initial: a character typed on the cell, appended to the text (never replacing a paragraph). */
  open(key, initial) {
    if (this.editor && this.editor.key !== key) {
      if (this.currentValue() !== this.editor.base) {
        this.focusEditor();
        toast('请先保存或取消正在编辑的文字');
        return;
      }
      this.close(false);
    }
    if (this.editor) {
      this.focusEditor();
      return;
    }
    const cell = this.hooks.cells().get(key);
    if (!cell) return;
    const text = this.displayText(key);
    this.editor = { key, base: text, baseRev: cell.rev, value: initial ? text + initial : text, saving: false, conflict: null };
    this.attach();
    this.focusEditor(true);
  }

  /** Puts the editor into the page: inside a chapter, or floating under a table cell. */
  attach() {
    const ed = this.editor;
    const host = this.grid.tds.get(ed.key);
    if (!host) {
      this.editor = null;
      return;
    }
    const el = document.createElement('div');
    el.className = 'text-editor';
    el.setAttribute('role', 'group');
    el.setAttribute('aria-label', `编辑：${describeCell(this.hooks.doc(), ed.key).replace(/：$/, '')}`);
    const max = this.maxLength(ed.key);
    el.innerHTML = `<textarea maxlength="${max}" rows="${host.classList.contains('chapter-text') ? 8 : 4}"></textarea>`
      + '<div class="te-bar"><span class="te-count"></span><span class="te-note" role="status"></span>'
      + '<button type="button" class="te-save" title="Ctrl+Enter">保存</button>'
      + '<button type="button" class="te-cancel" title="Esc">取消</button></div>';
    const area = el.querySelector('textarea');
    area.value = ed.value;
    ed.el = el;
    if (host.classList.contains('chapter-text')) {
      host.classList.add('editing');
      host.append(el);
    } else {
      // A table cell keeps its size; the editor floats under it so the table does not jump.
      el.classList.add('floating');
      const box = this.grid.container.getBoundingClientRect();
      const r = host.getBoundingClientRect();
      el.style.top = `${r.bottom - box.top}px`;
      el.style.left = `${Math.max(0, r.left - box.left)}px`;
      host.classList.add('editing-text');
      this.grid.container.append(el);
    }
    area.addEventListener('input', () => this.drawBar());
    area.addEventListener('keydown', (e) => this.key(e));
    el.querySelector('.te-save').addEventListener('click', () => this.save());
    el.querySelector('.te-cancel').addEventListener('click', () => this.cancel());
    this.drawBar();
  }

  focusEditor(end = false) {
    const area = this.editor && this.editor.el && this.editor.el.querySelector('textarea');
    if (!area) return;
    area.focus({ preventScroll: false });
    if (end) area.setSelectionRange(area.value.length, area.value.length);
  }

  drawBar() {
    const ed = this.editor;
    if (!ed || !ed.el) return;
    const area = ed.el.querySelector('textarea');
    ed.el.querySelector('.te-count').textContent = `${area.value.length} / ${this.maxLength(ed.key)} 字`;
    const note = ed.el.querySelector('.te-note');
    if (ed.saving) note.textContent = '正在保存…';
    else if (ed.locked) note.textContent = '该表已被锁定，暂不能保存；文字仍保留在这里，可复制留存。';
    else if (ed.conflict) {
      note.innerHTML = `<b>${esc((ed.conflict.by || {}).name || '他人')}</b> 已修改了这段文字；保存将以您的内容为准。`
        + ' <button type="button" class="linkish te-theirs">载入对方的版本</button>';
      note.querySelector('.te-theirs').addEventListener('click', () => {
        area.value = ed.conflict.text || '';
        ed.base = area.value;
        ed.baseRev = ed.conflict.rev;
        ed.conflict = null;
        this.drawBar();
      });
    } else note.textContent = '';
    ed.el.querySelector('.te-save').disabled = ed.saving || Boolean(ed.locked);
  }

  /** A review step changed what may be edited: an open editor keeps its text but may not save. */
  lockChanged() {
    const ed = this.editor;
    if (!ed) return;
    ed.locked = !this.grid.editable(ed.key);
    this.drawBar();
  }

  key(e) {
    if (e.isComposing) return;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      this.save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      this.cancel();
    }
  }

  async cancel() {
    if (!this.editor || this.editor.saving) return;
    if (this.currentValue() !== this.editor.base) {
      const yes = await confirmDialog({ text: '放弃对这段文字的修改？', ok: '放弃修改', cancel: '继续编辑' });
      if (!yes) {
        this.focusEditor();
        return;
      }
    }
    this.close(true);
  }

  close(refocus) {
    const ed = this.editor;
    if (!ed) return;
    this.editor = null;
    if (ed.el) ed.el.remove();
    const host = this.grid.tds.get(ed.key);
    if (host) {
      host.classList.remove('editing', 'editing-text');
      this.grid.paint(ed.key);
      if (refocus) host.focus({ preventScroll: true });
    }
  }

  async save() {
    const ed = this.editor;
    if (!ed || ed.saving) return;
    const text = this.currentValue();
    if (text === ed.base && !ed.conflict) {
      this.close(true);
      return;
    }
    const section = refOf(ed.key).section;
    const reason = await this.hooks.reasons.obtain(section);
    if (reason === null) {
      toast('未填写修改原因，文字未保存');
      this.focusEditor();
      return;
    }
    // After an acknowledged conflict the user's text wins: it is sent against the rev now current.
    const baseRev = ed.conflict ? ed.conflict.rev : ed.baseRev;
    ed.saving = true;
    this.drawBar();
    this.pending.set(ed.key, text.trim());
    const msg = { type: 'editText', cell: refOf(ed.key), text, baseRev };
    if (reason) msg.reason = reason;
    try {
      await this.commands.send(msg);
      this.pending.delete(ed.key);
      if (this.editor === ed) this.close(true);
    } catch (err) {
      this.pending.delete(ed.key);
      if (err.code === 'CLOSED' || this.editor !== ed) return;
      ed.saving = false;
      if (err.code === 'STALE_CELL') {
        const d = err.details || {};
        ed.conflict = { text: d.value ?? '', rev: d.rev ?? ed.baseRev, by: d.by || null };
      } else toast(`${describeCell(this.hooks.doc(), ed.key)}文字未保存：${err.message || err.code}`, 'error');
      this.drawBar();
      this.focusEditor();
    }
  }

  /** applied.texts: the model follows; returns the keys others changed (for a flash). */
  applied(ev, cells) {
    const others = [];
    for (const t of ev.texts || []) {
      const key = cellKey(t.cell.section, t.cell.row, t.cell.column);
      const cell = cells.get(key);
      if (!cell) continue;
      cell.text = t.text ?? '';
      cell.rev = t.rev;
      cell.by = t.by || ev.by || null;
      const mine = this.commands.mine.has(ev.clientOpId);
      if (this.hooks.drawn() && !(this.editor && this.editor.key === key)) this.grid.paint(key);
      if (!mine) {
        others.push(key);
        const ed = this.editor;
        if (ed && ed.key === key && !ed.saving) {
          ed.conflict = { text: cell.text, rev: cell.rev, by: cell.by };
          this.drawBar();
        }
      }
    }
    return others;
  }

  /** The tables were rebuilt: an open editor comes back with the text as typed. */
  afterRender() {
    const ed = this.editor;
    if (!ed) return;
    ed.value = ed.el ? ed.el.querySelector('textarea').value : ed.value;
    if (ed.el) ed.el.remove();
    ed.el = null;
    if (!this.grid.tds.has(ed.key) || !this.grid.editable(ed.key)) {
      this.editor = null;
      if (ed.value !== ed.base) toast('正在编辑的文字所在单元格已不可编辑，修改未保存', 'error');
      return;
    }
    this.attach();
  }
}
