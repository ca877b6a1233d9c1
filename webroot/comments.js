// 批注: discussion threads on a cell or a whole table. A cell with an open thread carries a mark;
// the 批注 panel lists threads (open first), jumps to their cell, and takes replies, 解决 and
// 重新打开. Every member may write, also on locked tables (that is when reviewers have questions).
// The model is the snapshot's threads moved on by the `comments` part of applied frames.

import { cellKey } from './sheet.js';
import { describeCell } from './protocol.js';
import { esc, toast, formatTime } from './ui.js';

const MAX_TEXT = 2000;
const anchorKey = (a) => (a && a.row && a.column ? cellKey(a.section, a.row, a.column) : null);

export class Comments {
  /**
   * pane: #comments-pane; grid: the Grid; commands: Commands;
   * hooks: doc(), me(), side (SidePanel), marking() (the draft is on screen), sectionInView()
   */
  constructor(pane, grid, commands, hooks) {
    this.pane = pane;
    this.grid = grid;
    this.commands = commands;
    this.hooks = hooks;
    this.threads = new Map();
    this.marked = new Set();
    this.filter = 'open'; // 'open' | 'all'
    this.table = null; // only the threads of this section, when chosen from a table's bar
    this.target = null; // the cell the next thread goes on (the last one the keyboard was on)
    this.tableTarget = null; // a table chosen with «＋ 批注» on its bar
    this.replying = null; // thread id whose reply box is open
    this.drafts = new Map(); // thread id → reply text typed, kept across redraws
    this.form = pane.querySelector('form.new-thread');
    this.list = pane.querySelector('.threads');
    this.bind();
  }

  reset(list) {
    this.threads.clear();
    for (const t of Array.isArray(list) ? list : []) if (t && t.id) this.threads.set(t.id, { ...t, comments: [...(t.comments || [])] });
    this.remark();
    this.draw();
  }

  /** applied.comments: open / reply / resolve / reopen, by the frame's author at its time. */
  apply(ev) {
    if (!Array.isArray(ev.comments) || !ev.comments.length) return;
    for (const c of ev.comments) {
      let t = this.threads.get(c.thread);
      if (c.action === 'open') {
        t = { id: c.thread, anchor: c.anchor, comments: [], resolved: false, resolvedBy: null, resolvedAt: null };
        this.threads.set(c.thread, t);
      }
      if (!t) continue;
      if (c.action === 'open' || c.action === 'reply') t.comments.push({ id: c.comment, by: ev.by, at: ev.at, text: c.text });
      if (c.action === 'resolve') Object.assign(t, { resolved: true, resolvedBy: ev.by, resolvedAt: ev.at });
      if (c.action === 'reopen') Object.assign(t, { resolved: false, resolvedBy: null, resolvedAt: null });
    }
    this.remark();
    this.draw();
  }

  openThreads() {
    return [...this.threads.values()].filter((t) => !t.resolved);
  }

  // ---- marks on the tables -------------------------------------------------------------

  remark() {
    for (const key of this.marked) {
      const td = this.grid.tds.get(key);
      if (td) td.classList.remove('has-comment');
    }
    this.marked.clear();
    const perTable = new Map();
    for (const t of this.openThreads()) {
      const s = t.anchor && t.anchor.section;
      perTable.set(s, (perTable.get(s) || 0) + 1);
      const key = anchorKey(t.anchor);
      const td = key && this.hooks.marking() && this.grid.tds.get(key);
      if (td) {
        td.classList.add('has-comment');
        this.marked.add(key);
      }
    }
    for (const slot of this.grid.container.querySelectorAll('.review-bar .sheet-comments')) {
      const key = esc(slot.closest('.review-bar').dataset.section);
      const n = perTable.get(slot.closest('.review-bar').dataset.section) || 0;
      slot.innerHTML = (n ? `<button type="button" class="sheet-comments-btn" data-comments-of="${key}" title="查看本表未解决的批注">批注 ${n}</button>` : '')
        + `<button type="button" class="sheet-comment-add" data-comment-on="${key}" title="对整张表添加批注">＋ 批注</button>`;
    }
    const open = this.openThreads().length;
    this.hooks.side.setCount('comments', open, open ? `${open} 条未解决的批注` : '');
  }

  notesFor(key) {
    return this.openThreads().filter((t) => anchorKey(t.anchor) === key)
      .map((t) => `批注（${(t.comments[0] && t.comments[0].by && t.comments[0].by.name) || ''}）：${(t.comments[0] || {}).text || ''}`)
      .join('\n');
  }

  // ---- the panel ---------------------------------------------------------------------------

  focusChanged(key) {
    if (!key) return; // the keyboard left the tables, e.g. for this very form: keep the target
    this.target = key;
    this.tableTarget = null;
    if (this.hooks.side.isOpen('comments')) this.drawTarget();
  }

  shown() {
    if (!this.target && this.grid.focusedKey) this.target = this.grid.focusedKey;
    this.draw();
  }

  /** Shift+F2 on a cell: the panel with the form aimed at that cell, ready for typing. */
  startOn(key) {
    this.target = key;
    this.tableTarget = null;
    this.form.elements.namedItem('scope').value = 'cell';
    this.hooks.side.show('comments');
    this.drawTarget();
    this.form.elements.namedItem('text').focus();
  }

  /** Where the new thread goes: the chosen table, else the keyboard's cell (or its table), else the table in view. */
  anchorOfForm() {
    const scope = this.form.elements.namedItem('scope').value;
    const key = this.target && this.grid.tds.has(this.target) ? this.target : null;
    if (scope === 'table' || !key || this.tableTarget) {
      const section = this.tableTarget || (key ? key.split('|')[0] : this.hooks.sectionInView());
      return section ? { section } : null;
    }
    const [section, row, column] = key.split('|');
    return { section, row, column };
  }

  /** «＋ 批注» on a table's bar: the form aimed at the whole table. */
  startOnTable(section) {
    this.tableTarget = section;
    this.form.elements.namedItem('scope').value = 'table';
    this.hooks.side.show('comments');
    this.draw();
    this.form.elements.namedItem('text').focus();
  }

  drawTarget() {
    const el = this.form.querySelector('.nt-target b');
    const a = this.anchorOfForm();
    el.textContent = !a ? '（请先选中一个单元格或滚动到一张表）' : a.row ? describeCell(this.hooks.doc(), cellKey(a.section, a.row, a.column)).replace(/：$/, '')
      : this.tableTitle(a.section);
  }

  tableTitle(section) {
    const doc = this.hooks.doc();
    const s = doc && doc.sections.find((x) => x.key === section);
    return s ? `表${s.number} ${s.title}（整张表）` : section;
  }

  whereOf(t) {
    const key = anchorKey(t.anchor);
    return key ? describeCell(this.hooks.doc(), key).replace(/：$/, '') || key : this.tableTitle(t.anchor && t.anchor.section);
  }

  mayResolve(t) {
    const doc = this.hooks.doc();
    const me = this.hooks.me();
    const author = t.comments[0] && t.comments[0].by;
    return Boolean(doc) && (doc.role !== 'reviewer' || (author && me && author.id === me.id));
  }

  draw() {
    this.drawTarget();
    const all = [...this.threads.values()].filter((t) => !this.table || (t.anchor && t.anchor.section === this.table));
    const open = all.filter((t) => !t.resolved);
    const shown = (this.filter === 'open' ? open : all).sort((a, b) => (a.resolved - b.resolved)
      || String(lastAt(b)).localeCompare(String(lastAt(a))));
    for (const b of this.pane.querySelectorAll('button[data-filter]')) {
      b.setAttribute('aria-pressed', String(b.dataset.filter === this.filter));
      b.querySelector('.n').textContent = b.dataset.filter === 'open' ? open.length : all.length;
    }
    const chip = this.pane.querySelector('.table-filter');
    chip.hidden = !this.table;
    chip.querySelector('span').textContent = this.table ? this.tableTitle(this.table).replace('（整张表）', '') : '';
    const focusedReply = this.list.contains(document.activeElement) && document.activeElement.closest('li.thread');
    this.list.innerHTML = shown.length ? shown.map((t) => this.threadHtml(t)).join('')
      : `<li class="empty">${this.filter === 'open' ? '没有未解决的批注。' : '还没有批注。'}</li>`;
    if (focusedReply) {
      const box = this.list.querySelector(`li.thread[data-thread="${CSS.escape(focusedReply.dataset.thread)}"] textarea`);
      if (box) {
        box.focus({ preventScroll: true });
        box.setSelectionRange(box.value.length, box.value.length);
      }
    }
  }

  threadHtml(t) {
    const busy = this.commands.pending('comment', (m) => m.thread === t.id);
    const comments = t.comments.map((c) => `<li><div class="h-meta"><span class="h-who">${esc((c.by || {}).name || '')}</span>`
      + `<span class="h-when">${esc(formatTime(c.at))}</span></div><p>${esc(c.text)}</p></li>`).join('');
    const state = t.resolved ? `<span class="t-state resolved">已解决${t.resolvedBy ? ` · ${esc(t.resolvedBy.name)}` : ''}</span>`
      : '<span class="t-state">未解决</span>';
    const toggle = this.mayResolve(t) ? `<button type="button" data-thread-action="${t.resolved ? 'reopen' : 'resolve'}"`
      + ` data-thread="${esc(t.id)}"${busy ? ' disabled' : ''}>${t.resolved ? '重新打开' : '解决'}</button>` : '';
    const reply = this.replying === t.id
      ? `<form class="reply" data-thread="${esc(t.id)}"><textarea name="text" rows="2" maxlength="${MAX_TEXT}" `
        + `placeholder="回复…（Ctrl+Enter 发送）">${esc(this.drafts.get(t.id) || '')}</textarea>`
        + `<div class="t-actions"><button type="submit"${busy ? ' disabled' : ''}>回复</button>`
        + '<button type="button" data-thread-action="cancel-reply">取消</button></div></form>'
      : `<div class="t-actions"><button type="button" data-thread-action="reply" data-thread="${esc(t.id)}">回复</button>${toggle}</div>`;
    return `<li class="thread" data-thread="${esc(t.id)}" data-resolved="${t.resolved}">`
      + `<div class="t-where"><button type="button" class="linkish" data-jump-thread="${esc(t.id)}">${esc(this.whereOf(t))}</button>${state}</div>`
      + `<ol class="t-comments">${comments}</ol>${reply}</li>`;
  }

  // ---- actions ------------------------------------------------------------------------------

  async send(msg, done) {
    try {
      await this.commands.send({ type: 'comment', ...msg });
      if (done) done();
      return true;
    } catch (err) {
      if (err.code !== 'CLOSED') toast(`批注未保存：${err.message || err.code}`, 'error');
      return false;
    } finally {
      this.draw();
    }
  }

  async submitNew() {
    const area = this.form.elements.namedItem('text');
    const text = area.value.trim();
    const anchor = this.anchorOfForm();
    if (!anchor) {
      toast('请先选中要批注的单元格，或滚动到要批注的表', 'error');
      return;
    }
    if (!text) {
      area.focus();
      toast('请填写批注内容', 'error');
      return;
    }
    const button = this.form.querySelector('button[type="submit"]');
    button.disabled = true;
    await this.send({ action: 'open', anchor, text }, () => {
      area.value = '';
      this.filter = 'open';
      toast('批注已发表');
    });
    button.disabled = false;
  }

  jump(id) {
    const t = this.threads.get(id);
    if (!t) return;
    const key = anchorKey(t.anchor);
    if (key && this.grid.reveal([key], 'check')) return;
    if (!key) this.grid.scrollToSection(t.anchor.section);
    else toast('该单元格不在当前显示的表中');
  }

  bind() {
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.submitNew();
    });
    this.form.addEventListener('change', () => {
      // Choosing 本单元格 again drops a table picked from a table's bar.
      if (this.form.elements.namedItem('scope').value === 'cell') this.tableTarget = null;
      this.drawTarget();
    });
    this.pane.addEventListener('keydown', (e) => {
      const area = e.target.closest('textarea');
      if (!area || e.key !== 'Enter' || !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      area.form.requestSubmit();
    });
    this.pane.addEventListener('input', (e) => {
      const form = e.target.closest('form.reply');
      if (form) this.drafts.set(form.dataset.thread, e.target.value);
    });
    this.list.addEventListener('submit', (e) => {
      const form = e.target.closest('form.reply');
      if (!form) return;
      e.preventDefault();
      const thread = form.dataset.thread;
      const text = form.elements.namedItem('text').value.trim();
      if (!text) return;
      this.send({ action: 'reply', thread, text }, () => {
        this.drafts.delete(thread);
        this.replying = null;
      });
    });
    this.pane.addEventListener('click', (e) => {
      const b = e.target.closest('button');
      if (!b) return;
      if (b.dataset.filter) {
        this.filter = b.dataset.filter;
        this.draw();
      } else if (b.classList.contains('table-filter-clear')) {
        this.table = null;
        this.draw();
      } else if (b.dataset.jumpThread) this.jump(b.dataset.jumpThread);
      else if (b.dataset.threadAction === 'reply') {
        this.replying = b.dataset.thread;
        this.draw();
        const area = this.list.querySelector(`form.reply[data-thread="${CSS.escape(b.dataset.thread)}"] textarea`);
        if (area) area.focus();
      } else if (b.dataset.threadAction === 'cancel-reply') {
        this.replying = null;
        this.draw();
      } else if (b.dataset.threadAction === 'resolve' || b.dataset.threadAction === 'reopen') {
        this.send({ action: b.dataset.threadAction, thread: b.dataset.thread });
      }
    });
    // "批注 2" on a table's bar: the panel with that table's threads.
    this.grid.container.addEventListener('click', (e) => {
      const add = e.target.closest('button[data-comment-on]');
      if (add) this.startOnTable(add.dataset.commentOn);
      const b = e.target.closest('button[data-comments-of]');
      if (!b) return;
      this.table = b.dataset.commentsOf;
      this.filter = 'open';
      this.hooks.side.show('comments');
      this.draw();
    });
  }
}

function lastAt(t) {
  const last = t.comments[t.comments.length - 1];
  return (last && last.at) || '';
}
