// Renders budget sections as tables and owns everything cell-level in the DOM:
// the key → <td> map, inline editing, keyboard movement, flashes and presence outlines.
// Each section is built with one innerHTML string; afterwards only single cells are touched,
// because the largest documents have tens of thousands of cells.

import { esc, userColour } from './ui.js';
import { formatYuan, editableText } from './money.js';
import { buildSection, cellKey, isTextCell, isChapters } from './sheet.js';

export { cellKey };

const FLASHES = ['flash-peer', 'flash-calc', 'flash-check'];

export class Grid {
  /**
   * hooks: canEdit(cell, sectionKey) → bool, displayValue(key) → 元 string|null, displayText(key),
   *        titleFor(key) → string, onCommit(key, raw) → {error}|{}, onEditText(key), onFocusCell(key|null),
   *        onReadOnly(key), onLockedClick(key) (a click on an input cell that may not be changed now),
   *        onCellKey(e, key) (shortcuts, true when handled), navHtml(section) (extra HTML in a table's sidebar entry),
   *        rowTools(section, row) / sectionTools(section) / sectionHead(section) / sectionNote(section)
   *        → extra HTML for a label cell / the caption bar / above the caption bar / above the table
   */
  constructor(container, nav, hooks) {
    this.container = container;
    this.nav = nav;
    this.hooks = hooks;
    this.unit = '元';
    this.tds = new Map(); // key → the cell's element (a td, or a chapter's text block)
    this.cells = new Map(); // key → the cell object of the document shown, mutated in place by the controller
    this.pos = new Map(); // key → {s, r, c} for keyboard movement
    this.sectionGrids = [];
    this.peerKeys = new Set();
    this.editor = null;
    this.focusedKey = null;
    this.bindEvents();
  }

  render(doc, unit) {
    this.unit = unit;
    this.editor = null;
    this.tds.clear();
    this.cells.clear();
    this.pos.clear();
    this.peerKeys.clear();
    this.sectionGrids = [];
    this.nav.innerHTML = doc.sections.map((s) => `<li data-section="${esc(s.key)}"><button type="button" `
      + `data-goto="${esc(s.key)}"><span class="nav-title">表${esc(s.number)} ${esc(s.title)}</span>`
      + `${this.hooks.navHtml ? this.hooks.navHtml(s) : ''}</button></li>`).join('');
    this.container.textContent = '';
    doc.sections.forEach((section, s) => {
      const el = document.createElement('section');
      // Prose reads best at a steady line length, not at the width of the widest table.
      el.className = isChapters(section) ? 'sheet sheet-chapters' : 'sheet';
      el.dataset.section = section.key;
      // Roughly the real size, so the scrollbar does not jump as skipped tables come into view.
      const wide = 360 + section.columns.length * 120;
      el.style.containIntrinsicSize = `auto ${wide}px auto ${160 + section.rows.length * 29}px`;
      el.innerHTML = this.sectionHtml(section, s);
      this.container.append(el);
    });
    for (const el of this.container.querySelectorAll('[data-cell]')) this.tds.set(el.dataset.cell, el);
  }

  sectionHtml(section, s) {
    const hasAmounts = section.columns.some((c) => c.kind !== 'text');
    const bar = `<div class="sheet-bar">${this.hooks.sectionTools(section)}`
      + (hasAmounts ? `<div class="unit-line">单位：<span class="unit-name">${esc(this.unit)}</span></div>` : '')
      + '</div>';
    const { html, lines } = buildSection(section, {
      s,
      unit: this.unit,
      cellClass: (cell) => this.cellClass(cell, section.key),
      register: (key, cell, pos) => {
        this.cells.set(key, cell);
        this.pos.set(key, pos);
      },
      rowTools: this.hooks.rowTools,
      head: (sec) => (this.hooks.sectionHead ? this.hooks.sectionHead(sec) : '') + bar,
      note: (sec) => (this.hooks.sectionNote ? this.hooks.sectionNote(sec) : ''),
    });
    this.sectionGrids.push(lines);
    return html;
  }

  cellClass(cell, sectionKey) {
    const base = isTextCell(cell) ? '' : 'amt ';
    if (!cell.editable && !cell.input) return `${base}calc`;
    return this.hooks.canEdit(cell, sectionKey) ? `${base}input` : `${base}input locked`;
  }

  /** Input cells of one table change between editable and locked (a review step): classes only, no rebuild. */
  refreshEditable(sectionKey) {
    const prefix = `${sectionKey}|`;
    for (const [key, el] of this.tds) {
      if (!key.startsWith(prefix)) continue;
      const cell = this.cells.get(key);
      if (!cell || !cell.editable) continue;
      el.classList.toggle('locked', !this.hooks.canEdit(cell, sectionKey));
    }
    if (this.editor && this.editor.key.startsWith(prefix) && !this.editable(this.editor.key)) this.cancelEditor();
  }

  sectionEl(key) {
    return this.container.querySelector(`section.sheet[data-section="${CSS.escape(key)}"]`);
  }

  setUnit(unit) {
    this.unit = unit;
    for (const el of this.container.querySelectorAll('.unit-name')) el.textContent = unit;
    for (const key of this.tds.keys()) {
      if (!this.editor || this.editor.key !== key) this.paint(key);
    }
  }

  /** Repaints one cell's text from the controller's view of it (pending value wins). */
  paint(key) {
    const td = this.tds.get(key);
    if (!td || (this.editor && this.editor.key === key)) return;
    if (td.classList.contains('txt')) {
      const body = td.querySelector('.txt-body');
      if (body) body.textContent = this.hooks.displayText(key);
    } else td.textContent = formatYuan(this.hooks.displayValue(key), this.unit);
    if (td.title) td.title = this.hooks.titleFor(key);
  }

  setPending(key, on) {
    const td = this.tds.get(key);
    if (td) td.classList.toggle('pending', on);
  }

  /** kinds: [key, 'peer' | 'calc' | 'check'] pairs. One reflow for the whole batch, not one per cell. */
  flash(pairs) {
    const hits = [];
    for (const [key, kind] of pairs) {
      const td = this.tds.get(key);
      if (!td) continue;
      td.classList.remove(...FLASHES);
      hits.push([td, kind, key]);
    }
    if (!hits.length) return;
    void this.container.offsetWidth; // restart the CSS animation on cells that were already flashing
    for (const [td, kind, key] of hits) {
      td.classList.add(`flash-${kind}`);
      if (kind === 'peer') td.title = this.hooks.titleFor(key);
    }
  }

  /** Outlines cells other people have focused; users is the server's presence list minus me. */
  setPeers(users) {
    const byKey = new Map();
    for (const u of users) {
      if (!u.cell) continue;
      const key = cellKey(u.cell.section, u.cell.row, u.cell.column);
      if (!this.tds.has(key)) continue;
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key).push(u);
    }
    for (const key of this.peerKeys) {
      if (byKey.has(key)) continue;
      const td = this.tds.get(key);
      if (!td) continue;
      td.classList.remove('peer');
      delete td.dataset.peer;
      td.style.removeProperty('--peer');
      td.title = this.hooks.titleFor(key);
    }
    for (const [key, list] of byKey) {
      const td = this.tds.get(key);
      td.classList.add('peer');
      td.dataset.peer = list.map((u) => u.name).join('、');
      td.style.setProperty('--peer', userColour(list[0].id));
      td.title = this.hooks.titleFor(key);
    }
    this.peerKeys = new Set(byKey.keys());
  }

  peerNames(key) {
    const td = this.tds.get(key);
    return td && td.dataset.peer ? td.dataset.peer : '';
  }

  scrollToSection(key) {
    const el = this.sectionEl(key);
    if (el) el.scrollIntoView({ block: 'start' });
  }

  focusKey(key) {
    const td = this.tds.get(key);
    if (td) td.focus();
  }

  /**
   * Scrolls to the first of keys that is on screen, focuses it and lights up all of them; false
   * when none is rendered. Tables off screen are laid out only once visible, which can shift the
   * target, so it is aimed at again a frame later.
   */
  reveal(keys, kind = 'check') {
    const shown = keys.filter((key) => this.tds.has(key));
    if (!shown.length) return false;
    const td = this.tds.get(shown[0]);
    td.scrollIntoView({ block: 'center', inline: 'center' });
    td.focus({ preventScroll: true });
    requestAnimationFrame(() => {
      if (td.isConnected) td.scrollIntoView({ block: 'center', inline: 'center' });
    });
    this.flash(shown.map((key) => [key, kind]));
    return true;
  }

  // ---- keyboard movement -------------------------------------------------

  neighbour(key, dr, dc) {
    const p = this.pos.get(key);
    if (!p || (!dr && !dc)) return p ? key : null;
    const grid = this.sectionGrids[p.s];
    if (dc) {
      // Horizontal moves (Tab) run on in reading order so a row can be filled without the mouse.
      let r = p.r;
      let c = p.c + dc;
      for (let guard = 0; guard < 100000; guard++) {
        if (r < 0 || r >= grid.length) return null;
        if (c < 0) { r--; c = r >= 0 ? grid[r].length - 1 : 0; continue; }
        if (c >= grid[r].length) { r++; c = 0; continue; }
        if (grid[r][c]) return grid[r][c];
        c += dc;
      }
      return null;
    }
    for (let r = p.r + dr; r >= 0 && r < grid.length; r += dr) {
      if (grid[r][p.c]) return grid[r][p.c];
    }
    return null;
  }

  move(key, dr, dc) {
    const next = this.neighbour(key, dr, dc);
    const target = this.tds.get(next || key);
    if (target) target.focus();
  }

  // ---- inline editor -----------------------------------------------------

  editable(key) {
    const cell = this.cells.get(key);
    return Boolean(cell && cell.editable && this.hooks.canEdit(cell, key.slice(0, key.indexOf('|'))));
  }

  isText(key) {
    return isTextCell(this.cells.get(key));
  }

  /** mode 'edit' keeps ←/→ for the caret; 'type' (started by a keystroke) lets arrows leave the cell. */
  openEditor(key, initial, mode) {
    if (!this.editable(key)) {
      this.hooks.onReadOnly(key);
      return;
    }
    if (this.isText(key)) {
      // Text has its own editor (a textarea that keeps a long draft open), see texts.js.
      this.hooks.onEditText(key, initial);
      return;
    }
    if (this.editor) this.finish(false, null);
    const td = this.tds.get(key);
    const input = document.createElement('input');
    input.className = 'cell-editor';
    input.inputMode = 'decimal';
    input.autocomplete = 'off';
    input.value = initial ?? editableText(this.hooks.displayValue(key), this.unit);
    this.editor = { key, input, mode };
    td.classList.add('editing');
    td.textContent = '';
    td.append(input);
    input.focus();
    if (mode === 'edit') input.select();
    input.addEventListener('keydown', (e) => this.editorKey(e));
    input.addEventListener('blur', () => {
      if (this.editor && this.editor.input === input) this.finish(true, null, true);
    });
  }

  editorKey(e) {
    const ed = this.editor;
    if (!ed || e.isComposing) return;
    const moves = { Enter: [1, 0], ArrowUp: [-1, 0], ArrowDown: [1, 0] };
    if (ed.mode === 'type') Object.assign(moves, { ArrowLeft: [0, -1], ArrowRight: [0, 1] });
    if (e.key === 'Escape') {
      e.preventDefault();
      this.finish(false, [0, 0]);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      this.finish(true, [0, e.shiftKey ? -1 : 1]);
    } else if (moves[e.key]) {
      e.preventDefault();
      this.finish(true, e.key === 'Enter' && e.shiftKey ? [-1, 0] : moves[e.key]);
    }
  }

  /**
   * Closes the editor. The state is cleared before focus moves so the input's blur
   * cannot commit a second time; a bad value keeps the editor open unless we got here by blur.
   */
  finish(commit, move, fromBlur = false) {
    const ed = this.editor;
    if (!ed) return;
    if (commit) {
      const result = this.hooks.onCommit(ed.key, ed.input.value);
      if (result && result.error && !fromBlur) {
        ed.input.classList.add('invalid');
        ed.input.focus();
        return;
      }
    }
    this.editor = null;
    const td = this.tds.get(ed.key);
    if (move) {
      const next = this.neighbour(ed.key, move[0], move[1]);
      (this.tds.get(next) || td).focus();
    }
    td.classList.remove('editing');
    ed.input.remove();
    this.paint(ed.key);
  }

  cancelEditor() {
    if (this.editor) this.finish(false, null);
  }

  bindEvents() {
    const root = this.container;
    this.nav.addEventListener('click', (e) => {
      const btn = e.target.closest('button[data-goto]');
      if (btn) this.scrollToSection(btn.dataset.goto);
    });
    root.addEventListener('click', (e) => {
      const td = e.target.closest('[data-cell]');
      if (!td || e.target.closest('input, textarea, button, form')) return;
      const key = td.dataset.cell;
      if (this.editable(key)) this.openEditor(key, null, 'edit');
      else if (this.hooks.onLockedClick) this.hooks.onLockedClick(key);
    });
    root.addEventListener('mouseover', (e) => {
      const td = e.target.closest('[data-cell]');
      if (td) td.title = this.hooks.titleFor(td.dataset.cell);
    });
    root.addEventListener('animationend', (e) => {
      e.target.classList.remove(...FLASHES);
    });
    root.addEventListener('focusin', (e) => {
      const td = e.target.closest('[data-cell]');
      const key = td ? td.dataset.cell : null;
      if (key !== this.focusedKey) {
        this.focusedKey = key;
        this.hooks.onFocusCell(key);
      }
    });
    root.addEventListener('focusout', (e) => {
      if (e.relatedTarget && root.contains(e.relatedTarget)) return;
      this.focusedKey = null;
      this.hooks.onFocusCell(null);
    });
    root.addEventListener('keydown', (e) => this.cellKey(e));
  }

  cellKey(e) {
    const td = e.target.closest && e.target.closest('[data-cell]');
    if (!td || e.target !== td) return; // keys inside the editor are handled by editorKey
    const key = td.dataset.cell;
    if (this.hooks.onCellKey && this.hooks.onCellKey(e, key)) {
      e.preventDefault();
      return;
    }
    const arrows = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if (arrows[e.key]) {
      e.preventDefault();
      this.move(key, ...arrows[e.key]);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      this.move(key, 0, e.shiftKey ? -1 : 1);
    } else if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      if (this.editable(key)) this.openEditor(key, null, 'edit');
      else if (e.key === 'Enter') this.move(key, 1, 0);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && this.isText(key)) {
      // Clearing a whole chapter with one key would be too easy to do by accident: edit it instead.
      e.preventDefault();
      this.openEditor(key, null, 'edit');
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      if (!this.editable(key)) this.hooks.onReadOnly(key);
      else if (e.key === 'Delete') this.hooks.onCommit(key, '');
      else this.openEditor(key, '', 'type');
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      this.openEditor(key, e.key, 'type');
    }
  }
}
