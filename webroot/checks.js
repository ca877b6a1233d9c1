// 审核 (rule check) results: the corner marks on cells, the 审核结果 panel and the count in the header.
// The snapshot gives the full list; each applied event only says which results were violated
// (added or replaced, by key) or resolved (removed), so the list is kept as a key → result map.

import { cellKey } from './grid.js';
import { formatYuan, parseYuan, sameAmount } from './money.js';
import { describeCell } from './protocol.js';
import { esc, toast } from './ui.js';

const RANK = { error: 0, warning: 1, info: 2 };
export const SEVERITY_TEXT = { error: '错误', warning: '警告', info: '提示' };
const ICON = { error: '✕', warning: '!', info: 'i' };
const PANEL_PREF = 'yusuan.checksPanel';

/** A newer server may invent a severity; showing it as a warning neither hides it nor cries wolf. */
function severityOf(raw) {
  return Object.hasOwn(RANK, raw.severity) ? raw.severity : 'warning';
}

/** The result's cells as grid keys; malformed entries are skipped rather than breaking the list. */
function cellKeysOf(raw) {
  const keys = [];
  for (const c of Array.isArray(raw.cells) ? raw.cells : []) {
    if (c && c.section != null && c.row != null && c.column != null) keys.push(cellKey(c.section, c.row, c.column));
  }
  return [...new Set(keys)];
}

/** `key` is the server's identity for a result; without one, rule + cells is the best stand-in. */
function idOf(raw) {
  if (raw.key !== undefined && raw.key !== null) return String(raw.key);
  return `${raw.rule ?? ''}@${cellKeysOf(raw).join(',')}`;
}

function normalise(raw) {
  return {
    key: idOf(raw),
    rule: raw.rule == null ? '' : String(raw.rule),
    severity: severityOf(raw),
    message: raw.message == null ? '' : String(raw.message),
    cells: cellKeysOf(raw),
    details: raw.details && typeof raw.details === 'object' ? raw.details : null,
  };
}

// One collator for all comparisons: localeCompare with options builds a new one per call, far too slow for thousands.
const COLLATOR = new Intl.Collator('zh-CN', { numeric: true });

function compare(a, b) {
  return RANK[a.severity] - RANK[b.severity] || COLLATOR.compare(a.rule, b.rule) || COLLATOR.compare(a.key, b.key);
}

/** An amount the way the tables show it; a value money.js cannot read is shown raw rather than hidden. */
function amount(text, unit) {
  if (text === null || text === undefined) return '空';
  return formatYuan(text, unit) || String(text);
}

/**
 * "左 46.60 ≠ 右 46.51 · 差 0.09 万元", in the display unit so it matches the tables.
 * Only the fields present are shown; a 尾差 of a few 分 rounds to 0.00 万元, so such a
 * difference is given in 元 instead of pretending there is none.
 */
export function amountsLine(details, unit) {
  if (!details) return '';
  const has = (k) => Object.hasOwn(details, k);
  let sides = '';
  if (has('left') && has('right')) {
    const l = amount(details.left, unit);
    const r = amount(details.right, unit);
    let rel = '≠';
    if (sameAmount(details.left, details.right)) rel = '=';
    else if (l === r) rel = '≈';
    sides = `左 ${l} ${rel} 右 ${r}`;
  } else if (has('left')) sides = `左 ${amount(details.left, unit)}`;
  else if (has('right')) sides = `右 ${amount(details.right, unit)}`;
  if (!has('difference')) return sides ? `${sides} ${unit}` : '';
  const fen = parseYuan(details.difference);
  const tiny = unit === '万元' && fen !== null && fen !== 0n && formatYuan(details.difference, unit) === '0.00';
  const diffUnit = tiny ? '元' : unit;
  const diff = `差 ${amount(details.difference, diffUnit)} ${diffUnit}`;
  if (!sides) return diff;
  return diffUnit === unit ? `${sides} · ${diff}` : `${sides} ${unit} · ${diff}`;
}

/** Each "左 … ≠ 右 …" / "差 …" part wraps as a whole, so an amount is never split from its unit. */
function segments(line) {
  return line.split(' · ').map((part) => `<span class="seg">${esc(part)}</span>`).join(' · ');
}

export class Checks {
  /**
   * els: {panel: #checks, count: #check-count}; grid: the document's Grid;
   * hooks: doc() → the open document (for cell names), titleFor(key) → a cell's full tooltip,
   *        side: the SidePanel the panel lives in, marking() → false while an approved version is shown
   *        (the results are the draft's, its cells are not on screen)
   */
  constructor(els, grid, hooks) {
    this.panel = els.panel;
    this.count = els.count;
    this.list = els.panel.querySelector('ul');
    this.empty = els.panel.querySelector('.checks-empty');
    this.grid = grid;
    this.hooks = hooks;
    this.unit = '元';
    this.items = new Map(); // result key → normalised result
    this.byCell = new Map(); // cell key → Set of result keys, so a cell's worst severity is cheap to recompute
    this.loaded = false;
    this.panelDecided = false;
    this.renderQueued = false;
    this.count.addEventListener('click', () => this.togglePanel(!this.hooks.side.isOpen('checks'), true));
    this.panel.querySelector('.checks-close').addEventListener('click', () => this.togglePanel(false, true));
    this.list.addEventListener('click', (e) => {
      const li = e.target.closest('li[data-check-key]');
      if (li) this.jump(li.dataset.checkKey);
    });
    this.render();
  }

  /** Forgets everything, e.g. when the document closes or a new one is opening. */
  clear() {
    this.items.clear();
    this.byCell.clear();
    this.loaded = false;
    this.panelDecided = false;
    this.render();
  }

  /** The full list from a snapshot; the grid was just re-rendered, so every mark is set afresh. */
  reset(list) {
    this.items.clear();
    this.byCell.clear();
    for (const raw of Array.isArray(list) ? list : []) {
      if (raw && typeof raw === 'object') this.put(normalise(raw), null);
    }
    this.loaded = true;
    this.markCells(this.byCell.keys());
    if (!this.panelDecided) this.choosePanel();
    this.schedule();
  }

  /** Changes from one applied event: violated adds or replaces by key, resolved removes. */
  apply(changes) {
    if (!Array.isArray(changes) || !changes.length) return;
    const touched = new Set();
    for (const raw of changes) {
      if (!raw || typeof raw !== 'object') continue;
      const key = idOf(raw);
      this.remove(key, touched);
      // Anything but an explicit resolve keeps the result: a status we do not know must not hide a problem.
      if (raw.status !== 'resolved') this.put(normalise(raw), touched);
    }
    this.markCells(touched);
    this.schedule();
  }

  setUnit(unit) {
    this.unit = unit;
    this.schedule();
  }

  put(item, touched) {
    this.items.set(item.key, item);
    for (const cell of item.cells) {
      if (!this.byCell.has(cell)) this.byCell.set(cell, new Set());
      this.byCell.get(cell).add(item.key);
      if (touched) touched.add(cell);
    }
  }

  remove(key, touched) {
    const old = this.items.get(key);
    if (!old) return;
    this.items.delete(key);
    for (const cell of old.cells) {
      const set = this.byCell.get(cell);
      if (set) {
        set.delete(key);
        if (!set.size) this.byCell.delete(cell);
      }
      touched.add(cell);
    }
  }

  /** The results on one cell, worst first. */
  resultsAt(cell) {
    const set = this.byCell.get(cell);
    if (!set) return [];
    return [...set].map((k) => this.items.get(k)).sort(compare);
  }

  /** Tooltip lines for a cell, e.g. "错误 X07：…"; empty when the cell is clean. */
  notesFor(cell) {
    return this.resultsAt(cell).map((c) => `${SEVERITY_TEXT[c.severity]} ${c.rule}：${c.message}`).join('\n');
  }

  /** The header count says whether the panel is open (it may be closed from the rail too). */
  syncExpanded() {
    this.count.setAttribute('aria-expanded', String(this.hooks.side.isOpen('checks')));
  }

  /** Every mark again, after the tables were rebuilt. */
  remark() {
    this.markCells(this.byCell.keys());
  }

  /** Cells that are not in the rendered document have no td and are simply skipped. */
  markCells(cells) {
    if (this.hooks.marking && !this.hooks.marking()) return;
    for (const cell of cells) {
      const td = this.grid.tds.get(cell);
      if (!td) continue;
      const worst = this.resultsAt(cell)[0];
      if (worst) {
        td.classList.add('has-check');
        td.dataset.checkSeverity = worst.severity;
      } else {
        td.classList.remove('has-check');
        delete td.dataset.checkSeverity;
      }
      td.title = this.hooks.titleFor(cell);
    }
  }

  // ---- panel ------------------------------------------------------------------

  /** First open of a document: the user's last choice wins; otherwise open only if there is something to read. */
  choosePanel() {
    this.panelDecided = true;
    let pref = null;
    try {
      pref = localStorage.getItem(PANEL_PREF);
    } catch { /* storage may be blocked; fall back to the default */ }
    if (pref === 'open' || pref === 'closed') this.togglePanel(pref === 'open', false);
    else this.togglePanel([...this.items.values()].some((c) => c.severity !== 'info'), false);
  }

  togglePanel(open, remember) {
    const side = this.hooks.side;
    if (open) side.show('checks', remember);
    else if (side.isOpen('checks')) side.hide();
    this.syncExpanded();
    if (!remember) return;
    try {
      localStorage.setItem(PANEL_PREF, open ? 'open' : 'closed');
    } catch { /* not remembering is fine */ }
  }

  /** A catchup can carry many events; the panel is rebuilt once after all of them, not per event. */
  schedule() {
    if (this.renderQueued) return;
    this.renderQueued = true;
    queueMicrotask(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  render() {
    const n = { error: 0, warning: 0, info: 0 };
    for (const c of this.items.values()) n[c.severity] += 1;
    const worst = ['error', 'warning', 'info'].find((s) => n[s] > 0) || 'none';
    const part = (sev) => `<span class="n ${sev}${n[sev] ? '' : ' zero'}">${n[sev]} ${SEVERITY_TEXT[sev]}</span>`;
    this.count.innerHTML = this.loaded
      ? `审核 ${part('error')} · ${part('warning')} · ${part('info')}`
      : '审核 …';
    this.count.dataset.worst = this.loaded ? worst : 'none';
    Object.assign(this.count.dataset, { errors: n.error, warnings: n.warning, infos: n.info });
    this.count.title = this.loaded ? '显示或收起审核结果' : '正在加载审核结果';
    const sorted = [...this.items.values()].sort(compare);
    // Rebuilding the list would drop keyboard focus from the entry the user is on; put it back.
    const active = this.list.contains(document.activeElement) && document.activeElement.closest('li');
    this.list.innerHTML = sorted.map((c) => this.itemHtml(c)).join('');
    const again = active && this.list.querySelector(`li[data-check-key="${CSS.escape(active.dataset.checkKey)}"] button`);
    if (again) again.focus({ preventScroll: true });
    this.empty.hidden = sorted.length > 0;
    this.empty.textContent = this.loaded ? '未发现问题' : '正在加载…';
  }

  itemHtml(c) {
    const amounts = amountsLine(c.details, this.unit);
    const where = this.where(c);
    return `<li data-check-key="${esc(c.key)}" data-severity="${c.severity}">`
      + `<button type="button"${c.cells.length ? '' : ' class="no-cell"'}>`
      + `<span class="sev" title="${SEVERITY_TEXT[c.severity]}" aria-label="${SEVERITY_TEXT[c.severity]}">${ICON[c.severity]}</span>`
      + '<span class="body">'
      + `<span class="head"><b class="rule">${esc(c.rule)}</b>${where ? ` <span class="where">${esc(where)}</span>` : ''}</span>`
      + `<span class="msg">${esc(c.message)}</span>`
      + (amounts ? `<span class="amounts">${segments(amounts)}</span>` : '')
      + '</span></button></li>';
  }

  /** "表2 行政运行 · 基本支出 等 3 格": where to look, even before clicking. */
  where(c) {
    if (!c.cells.length) return '';
    const first = describeCell(this.hooks.doc(), c.cells[0]).replace(/：$/, '');
    const more = c.cells.length > 1 ? ` 等 ${c.cells.length} 格` : '';
    return first ? first + more : '';
  }

  /** Scrolls to the result's first rendered cell, focuses it and briefly lights up all of its cells. */
  jump(key) {
    const c = this.items.get(key);
    if (!c) return;
    if (!this.grid.reveal(c.cells, 'check')) {
      toast(c.cells.length ? '该问题涉及的单元格不在当前表格中' : '该问题不对应具体单元格');
    }
  }
}
