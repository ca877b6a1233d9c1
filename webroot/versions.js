// The 版本 panel: the approved versions (number, approver, time, comment, hash), opening one
// read-only in place of the draft (with a banner and the way back), comparing two versions or a
// version with the draft (a list of changed cells, before → after in the unit on screen, who set
// them; the changed cells outlined in the tables), and the export buttons of each.

import { api, docPath } from './api.js';
import { Exports, exportButtons } from './exports.js';
import { cellKey } from './sheet.js';
import { formatYuan } from './money.js';
import { esc, toast, formatTime, shortHash } from './ui.js';

const TEXT_PREVIEW = 40;

function preview(text) {
  if (text === null || text === undefined || text === '') return '（空）';
  const t = String(text).replace(/\s+/g, ' ');
  return t.length > TEXT_PREVIEW ? `${t.slice(0, TEXT_PREVIEW)}…` : t;
}

export class Versions {
  /**
   * pane: #versions-pane; banner: #version-banner; grid: the Grid;
   * hooks: docId(), doc() (the draft), unit(), version() (the draft's version), viewing(),
   *        list() → the versions known from the document, openVersion(n, doc) → bool, backToDraft()
   */
  constructor(pane, banner, grid, hooks) {
    this.pane = pane;
    this.banner = banner;
    this.grid = grid;
    this.hooks = hooks;
    this.listEl = pane.querySelector('.version-list');
    this.draftEl = pane.querySelector('.draft-export');
    this.diffEl = pane.querySelector('.diff');
    this.versions = [];
    this.diff = null; // {label, from, against, data, atVersion}
    this.marked = new Set();
    this.loading = 0;
    this.exports = new Exports(pane.querySelector('.export-jobs'), {
      docId: hooks.docId, unit: hooks.unit, title: () => (hooks.doc() || {}).title || '' });
    const click = (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      const d = b.dataset;
      if (d.exportFormat) this.exports.start(d.exportFormat, d.exportVersion ? Number(d.exportVersion) : null);
      else if (d.openVersion) this.open(Number(d.openVersion));
      else if (d.compare) this.compare(Number(d.compare), d.against);
      else if (d.diffCell) this.jump(d.diffCell);
      else if (b.classList.contains('diff-clear')) this.clearDiff();
      else if (b.classList.contains('back-to-draft')) this.back();
    };
    pane.addEventListener('click', click);
    banner.addEventListener('click', click);
  }

  reset() {
    this.versions = [];
    this.clearDiff();
    this.exports.reset();
    this.banner.hidden = true;
    this.draw();
  }

  /** The list from the document (snapshot, live approvals); refreshed from the API when the panel opens. */
  sync() {
    this.versions = [...this.hooks.list()];
    this.draw();
  }

  async load() {
    const mine = ++this.loading;
    try {
      const list = await api('GET', docPath(this.hooks.docId(), '/versions'));
      if (mine === this.loading && Array.isArray(list)) {
        this.versions = list;
        this.draw();
      }
    } catch (err) {
      if (mine === this.loading) toast(`无法加载版本列表：${err.message}`, 'error');
    }
  }

  draw() {
    const viewing = this.hooks.viewing();
    this.draftEl.innerHTML = `<div class="v-head"><b>当前草稿</b>${viewing ? '' : '<span class="v-here">正在查看</span>'}`
      + `<span class="v-meta v-counter">修改序号 ${esc(this.hooks.version())}</span></div>`
      + (viewing ? '<div class="v-actions"><button type="button" class="back-to-draft">返回草稿</button></div>' : '')
      + `<div class="v-export">导出草稿：${exportButtons(null)}</div>`
      + '<p class="v-note">草稿导出的每页都标注「草稿」。金额单位同当前视图。</p>';
    const rows = [...this.versions].sort((a, b) => b.number - a.number).map((v) => {
      const here = viewing && viewing.number === v.number;
      return `<li data-number="${esc(v.number)}"${here ? ' class="here"' : ''}>`
        + `<div class="v-head"><b>第 ${esc(v.number)} 版</b>${here ? '<span class="v-here">正在查看</span>' : ''}`
        + `<span class="v-meta">${esc((v.approvedBy || {}).name || '')} · ${esc(formatTime(v.approvedAt))}</span></div>`
        + (v.comment ? `<div class="v-comment">${esc(v.comment)}</div>` : '')
        + `<div class="v-hash" title="${esc(v.hash)}">${esc(shortHash(v.hash))}</div>`
        + '<div class="v-actions">'
        + (here ? '' : `<button type="button" data-open-version="${esc(v.number)}">查看</button>`)
        + `<button type="button" data-compare="${esc(v.number)}" data-against="draft">与草稿比较</button>`
        + (v.number > 1 ? `<button type="button" data-compare="${esc(v.number - 1)}" data-against="${esc(v.number)}">与第 ${esc(v.number - 1)} 版比较</button>` : '')
        + `</div><div class="v-export">导出：${exportButtons(v.number)}</div></li>`;
    });
    this.listEl.innerHTML = rows.length ? rows.join('')
      : '<li class="empty">尚无批准的版本。所有表批准后，审批人可「批准整个预算」生成第 1 版。</li>';
  }

  /**
   * The draft moved on: only its counter changes (and a comparison with the draft goes stale).
   * Not a redraw: a list rebuilt under the pointer would swallow the click the user is making.
   */
  tick() {
    const counter = this.draftEl.querySelector('.v-counter');
    if (counter) counter.textContent = `修改序号 ${this.hooks.version()}`;
    const d = this.diff;
    if (d && d.against === 'draft' && d.atVersion !== this.hooks.version() && !this.diffEl.querySelector('.v-note')) {
      this.drawDiff();
    }
  }

  // ---- viewing a version -----------------------------------------------------------

  async open(number) {
    try {
      const vdoc = await api('GET', docPath(this.hooks.docId(), `/versions/${number}`));
      if (!this.hooks.openVersion(number, vdoc)) return;
      const meta = vdoc.approvedVersion || this.versions.find((v) => v.number === number) || { number };
      this.banner.innerHTML = `<b>正在查看第 ${esc(number)} 版</b><span class="vb-state">已批准 · 只读</span>`
        + `<span class="vb-meta">${esc((meta.approvedBy || {}).name || '')} 于 ${esc(formatTime(meta.approvedAt))} 批准`
        + `${meta.comment ? `：${esc(meta.comment)}` : ''}</span>`
        + `<span class="vb-hash" title="${esc(meta.hash || '')}">${esc(shortHash(meta.hash))}</span>`
        + `<button type="button" data-compare="${esc(number)}" data-against="draft">与草稿比较</button>`
        + '<button type="button" class="back-to-draft">返回草稿</button>';
      this.banner.hidden = false;
      this.banner.dataset.version = String(number);
      this.draw();
    } catch (err) {
      toast(`无法打开第 ${number} 版：${err.message}`, 'error');
    }
  }

  back() {
    this.banner.hidden = true;
    delete this.banner.dataset.version;
    this.hooks.backToDraft();
    this.draw();
  }

  // ---- comparing -------------------------------------------------------------------

  async compare(from, against) {
    const label = `第 ${from} 版 → ${against === 'draft' ? '草稿' : `第 ${against} 版`}`;
    this.diffEl.hidden = false;
    this.diffEl.innerHTML = `<header><b>${esc(label)}</b></header><p class="loading">正在比较…</p>`;
    try {
      const data = await api('GET', docPath(this.hooks.docId(), `/versions/${from}/diff?against=${encodeURIComponent(against)}`));
      this.diff = { label, from, against, data, atVersion: this.hooks.version() };
      this.drawDiff();
      this.markDiff();
    } catch (err) {
      this.diffEl.innerHTML = `<header><b>${esc(label)}</b></header><p class="job-error">无法比较：${esc(err.message)}</p>`;
    }
  }

  drawDiff() {
    const d = this.diff;
    if (!d) return;
    const unit = this.hooks.unit();
    const cells = Array.isArray(d.data.cells) ? d.data.cells : [];
    const rows = Array.isArray(d.data.rows) ? d.data.rows : [];
    const empty = Array.isArray(d.data.emptyChanged) ? d.data.emptyChanged : [];
    const total = cells.length + rows.length + empty.length;
    const stale = d.against === 'draft' && d.atVersion !== this.hooks.version();
    const items = cells.map((c) => {
      const key = cellKey(c.section, c.row, c.column);
      const change = c.kind === 'text'
        ? `<span class="d-before">${esc(preview(c.before))}</span> → <span class="d-after">${esc(preview(c.after))}</span>`
        : `<span class="d-before">${esc(c.before == null ? '空' : formatYuan(c.before, unit))}</span> → `
          + `<span class="d-after">${esc(c.after == null ? '空' : formatYuan(c.after, unit))}</span>`
          + ` <span class="d-unit">${esc(unit)}</span>`;
      return `<li><button type="button" data-diff-cell="${esc(key)}"><span class="d-label">${esc(c.label || key)}</span>`
        + `<span class="d-change">${change}</span>`
        + `${c.by ? `<span class="d-by">${esc(c.by.name)}</span>` : ''}</button></li>`;
    });
    for (const r of rows) {
      items.push(`<li class="d-row"><span class="d-label">${esc(r.table || r.section)}</span>`
        + `<span class="d-change">${r.change === 'added' ? '新增' : '删除'}行 ${esc(r.code)} ${esc(r.name || '')}</span></li>`);
    }
    for (const e of empty) items.push(`<li class="d-row"><span class="d-label">${esc(e.table || e.section)}</span><span class="d-change">空表标记有变化</span></li>`);
    this.diffEl.innerHTML = `<header><b>${esc(d.label)}</b><span class="d-count">${total ? `${total} 处变化` : '没有变化'}</span>`
      + '<button type="button" class="diff-clear" title="清除比较结果和表中的标记">清除</button></header>'
      + (stale ? `<p class="v-note">草稿已有新的修改，<button type="button" class="linkish" data-compare="${esc(d.from)}" data-against="draft">重新比较</button></p>` : '')
      + `<ul class="diff-list">${items.join('')}</ul>`;
  }

  /** Outlines the changed cells of whatever is on screen (the draft or a version). */
  markDiff() {
    for (const key of this.marked) {
      const td = this.grid.tds.get(key);
      if (td) td.classList.remove('diff-changed');
    }
    this.marked.clear();
    if (!this.diff) return;
    for (const c of this.diff.data.cells || []) {
      const key = cellKey(c.section, c.row, c.column);
      const td = this.grid.tds.get(key);
      if (!td) continue;
      td.classList.add('diff-changed');
      this.marked.add(key);
    }
  }

  clearDiff() {
    this.diff = null;
    this.markDiff();
    this.diffEl.hidden = true;
    this.diffEl.innerHTML = '';
  }

  jump(key) {
    if (!this.grid.reveal([key], 'check')) toast('该单元格不在当前显示的表中（可能所在行已删除）');
  }

  setUnit() {
    this.drawDiff();
  }
}
