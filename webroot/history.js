// 留痕 (audit trail), read from the server's log and never edited: the history of the focused cell
// (old → new, who, when, the reason a reopened table required) and the budget's activity feed,
// newest first, with «加载更多» reaching back through `before`. The panel follows the keyboard:
// moving to another cell shows that cell's history.

import { api, docPath } from './api.js';
import { cellKey, isTextCell } from './sheet.js';
import { formatYuan } from './money.js';
import { describeCell, refOf } from './protocol.js';
import { esc, toast, formatTime } from './ui.js';

const PAGE = 30;
const FOLLOW_MS = 250; // holding an arrow key must not become a request per cell
const TEXT_PREVIEW = 60;

export class History {
  /** pane: #history-pane; grid: the Grid; hooks: docId(), doc(), unit(), cells(), isOpen() */
  constructor(pane, grid, hooks) {
    this.pane = pane;
    this.grid = grid;
    this.hooks = hooks;
    this.cellEl = pane.querySelector('.cell-history');
    this.feedEl = pane.querySelector('.activity');
    this.moreEl = pane.querySelector('.activity-more');
    this.key = null; // the cell whose history is shown
    this.entries = null;
    this.feed = [];
    this.exhausted = false;
    this.timer = 0;
    this.headTimer = 0;
    this.run = 0;
    pane.addEventListener('click', (e) => {
      const jump = e.target.closest('button[data-jump-cell]');
      if (jump && !this.grid.reveal([jump.dataset.jumpCell], 'check')) toast('该单元格不在当前显示的表中');
      if (e.target.closest('.activity-more')) this.loadFeed(true);
      if (e.target.closest('.activity-refresh')) this.loadFeed(false);
    });
  }

  reset() {
    this.run += 1;
    clearTimeout(this.timer);
    clearTimeout(this.headTimer);
    this.key = null;
    this.entries = null;
    this.feed = [];
    this.exhausted = false;
    this.drawCell();
    this.drawFeed();
  }

  /** The panel opened: the feed's first page, and the history of the cell the keyboard is on. */
  shown() {
    if (!this.feed.length) this.loadFeed(false);
    const key = this.grid.focusedKey || this.key;
    if (key) this.showCell(key);
    else this.drawCell();
  }

  focusChanged(key) {
    if (!key || !this.hooks.isOpen() || key === this.key) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.showCell(key), FOLLOW_MS);
  }

  /** A new version arrived: the shown history and the feed's head are fetched again, once per burst. */
  applied(ev) {
    if (!this.hooks.isOpen()) {
      this.feed = []; // read afresh when the panel opens
      return;
    }
    clearTimeout(this.headTimer);
    this.headTimer = setTimeout(() => {
      this.loadFeed(false);
      if (this.key && this.touches(ev, this.key)) this.showCell(this.key, true);
    }, 600);
  }

  touches(ev, key) {
    const hit = (c) => c && c.cell && cellKey(c.cell.section, c.cell.row, c.cell.column) === key;
    return (ev.changes || []).some(hit) || (ev.texts || []).some(hit) || Boolean(ev.rows && ev.rows.length);
  }

  isText(key) {
    return isTextCell(this.hooks.cells().get(key));
  }

  value(text, key) {
    if (text === null || text === undefined || text === '') return '空';
    if (this.isText(key)) {
      const t = String(text).replace(/\s+/g, ' ');
      return t.length > TEXT_PREVIEW ? `${t.slice(0, TEXT_PREVIEW)}…` : t;
    }
    return `${formatYuan(text, this.hooks.unit()) || text}`;
  }

  // ---- one cell ---------------------------------------------------------------------

  async showCell(key, quiet = false) {
    this.key = key;
    const run = this.run;
    if (!quiet) {
      this.entries = null;
      this.drawCell();
    }
    const ref = refOf(key);
    const query = `?section=${encodeURIComponent(ref.section)}&row=${encodeURIComponent(ref.row)}&column=${encodeURIComponent(ref.column)}`;
    try {
      const data = await api('GET', docPath(this.hooks.docId(), `/history${query}`));
      if (run !== this.run || key !== this.key) return;
      this.entries = Array.isArray(data.entries) ? data.entries : [];
    } catch (err) {
      if (run !== this.run || key !== this.key) return;
      this.entries = [];
      toast(`无法加载留痕：${err.message}`, 'error');
    }
    this.drawCell();
  }

  drawCell() {
    if (!this.key) {
      this.cellEl.innerHTML = '<p class="empty">选中一个单元格（方向键或鼠标），这里显示它的全部修改记录。快捷键 Alt+H。</p>';
      return;
    }
    const where = describeCell(this.hooks.doc(), this.key).replace(/：$/, '') || this.key;
    const head = `<h3>${esc(where)}</h3>`;
    if (this.entries === null) {
      this.cellEl.innerHTML = `${head}<p class="loading">正在加载…</p>`;
      return;
    }
    if (!this.entries.length) {
      this.cellEl.innerHTML = `${head}<p class="empty">该单元格没有修改记录。</p>`;
      return;
    }
    const unit = this.isText(this.key) ? '' : ` <span class="d-unit">${esc(this.hooks.unit())}</span>`;
    const items = [...this.entries].reverse().map((e) => {
      const change = e.kind === 'removed' ? '所在行被删除'
        : `<span class="d-before">${esc(this.value(e.old, this.key))}</span> → <span class="d-after">${esc(this.value(e.new, this.key))}</span>${unit}`;
      return `<li><div class="h-meta"><span class="h-who">${esc((e.by || {}).name || '')}</span>`
        + `<span class="h-when">${esc(formatTime(e.at))}</span><span class="h-version">#${esc(e.version)}</span></div>`
        + `<div class="h-change">${change}</div>`
        + (e.reason ? `<div class="h-reason"><b>原因：</b>${esc(e.reason)}</div>` : '') + '</li>';
    });
    this.cellEl.innerHTML = `${head}<ol class="h-list">${items.join('')}</ol>`;
  }

  // ---- the feed -----------------------------------------------------------------------

  /** more: the next page back in time; else the newest page, merged with what is loaded. */
  async loadFeed(more) {
    const run = this.run;
    const oldest = this.feed.length ? this.feed[this.feed.length - 1].version : null;
    const before = more && oldest !== null ? `&before=${oldest}` : '';
    this.moreEl.disabled = true;
    try {
      const page = await api('GET', docPath(this.hooks.docId(), `/activity?limit=${PAGE}${before}`));
      if (run !== this.run || !Array.isArray(page)) return;
      const byVersion = new Map(this.feed.map((e) => [e.version, e]));
      for (const e of page) byVersion.set(e.version, e);
      this.feed = [...byVersion.values()].sort((a, b) => b.version - a.version);
      if (more || !oldest) this.exhausted = page.length < PAGE;
    } catch (err) {
      if (run === this.run) toast(`无法加载动态：${err.message}`, 'error');
    }
    if (run === this.run) this.drawFeed();
  }

  drawFeed() {
    if (!this.feed.length) {
      this.feedEl.innerHTML = '<li class="empty">暂无动态。</li>';
      this.moreEl.hidden = true;
      return;
    }
    this.feedEl.innerHTML = this.feed.map((e) => {
      const cells = (e.cells || []).slice(0, 3).map((c) => {
        const key = cellKey(c.section, c.row, c.column);
        return `<button type="button" class="a-cell" data-jump-cell="${esc(key)}" title="${esc(c.label || '')}">`
          + `${esc(shortLabel(c.label) || key)}：${esc(this.value(c.old, key))} → ${esc(this.value(c.new, key))}</button>`;
      }).join('');
      const more = (e.cells || []).length > 3 ? `<span class="a-more">等 ${e.cells.length} 处</span>` : '';
      return `<li data-version="${esc(e.version)}"><div class="h-meta"><span class="h-who">${esc((e.by || {}).name || '')}</span>`
        + `<span class="h-when">${esc(formatTime(e.at))}</span><span class="h-version">#${esc(e.version)}</span></div>`
        + `<div class="a-summary">${esc(e.summary || e.type || '')}</div>`
        + (e.reason ? `<div class="h-reason"><b>原因：</b>${esc(e.reason)}</div>` : '')
        + (cells ? `<div class="a-cells">${cells}${more}</div>` : '') + '</li>';
    }).join('');
    this.moreEl.hidden = this.exhausted;
    this.moreEl.disabled = false;
  }

  setUnit() {
    this.drawCell();
    this.drawFeed();
  }
}

/** "表2 一般公共预算支出表 › 2101501 行政运行 › 基本支出" → "2101501 行政运行 › 基本支出" (the table is in the tooltip). */
function shortLabel(label) {
  if (!label) return '';
  const parts = String(label).split(' › ');
  return parts.length > 2 ? parts.slice(1).join(' › ') : label;
}
