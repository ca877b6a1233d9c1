// Who else has the document open and where: the names in the header («审核人一 正在看 表3»), the
// names beside each table in the sidebar and above it, outlines on focused cells; and this tab's
// own place told to the others — the focused cell, or, with no cell focused, the table in view
// (a reviewer reading 表3 is reviewing it, even without touching a cell).

import { refOf } from './protocol.js';
import { esc, roleName, userColour } from './ui.js';

const SEND_MS = 120; // holding an arrow key must not become a flood of frames
const SCROLL_MS = 200;

export class Presence {
  /**
   * el: #presence; grid: the document's Grid; conn: Connection;
   * hooks: me(), docId(), rendered() (the grid shows the document), ready() (in sync: focus may be sent),
   *        title(section) → "表3 一般公共预算基本支出表", outlines() → false while a version is shown
   */
  constructor(el, grid, conn, hooks) {
    this.el = el;
    this.grid = grid;
    this.conn = conn;
    this.hooks = hooks;
    this.users = [];
    this.timer = 0;
    this.scrollTimer = 0;
    this.wanted = null; // the cell focused here
    this.inView = null; // the table in view here
    this.sent = undefined; // "cell|section" the server last heard about
    const scroller = grid.container.parentElement;
    scroller.addEventListener('scroll', () => {
      if (this.scrollTimer) return;
      this.scrollTimer = setTimeout(() => {
        this.scrollTimer = 0;
        this.viewChanged();
      }, SCROLL_MS);
    }, { passive: true });
    grid.nav.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-goto]');
      if (b) this.setInView(b.dataset.goto);
    });
  }

  /** The server's list: one entry per user, with the cell and table they are at. */
  set(users) {
    this.users = users;
    this.redraw();
  }

  others() {
    const me = this.hooks.me();
    return this.users.filter((u) => !me || u.id !== me.id);
  }

  where(u) {
    const section = u.section || (u.cell && u.cell.section);
    return section ? this.hooks.title(section).replace(/^(表\d+).*/, '$1') : '';
  }

  redraw() {
    const seen = new Map(this.users.map((u) => [u.id, u]));
    const parts = [...seen.values()].map((u) => {
      const at = this.where(u);
      return at ? `${u.name} 正在看 ${at}` : u.name;
    });
    this.el.textContent = parts.length ? `在线：${parts.join(' · ')}` : '';
    this.el.title = [...seen.values()].map((u) => `${u.name}（${roleName(u.role)}）${this.where(u) ? ` 正在看 ${this.hooks.title(u.section || u.cell.section)}` : ''}`).join('\n');
    if (!this.hooks.rendered()) return;
    // Outlines mark cells of the draft; on an approved version they would point at the wrong figures.
    this.grid.setPeers(this.hooks.outlines() ? this.others() : []);
    const bySection = new Map();
    for (const u of this.others()) {
      const s = u.section || (u.cell && u.cell.section);
      if (!s) continue;
      if (!bySection.has(s)) bySection.set(s, []);
      bySection.get(s).push(u);
    }
    const tags = (list) => list.map((u) => `<span class="peer-tag" style="--peer:${userColour(u.id)}" `
      + `title="${esc(`${u.name}（${roleName(u.role)}）正在看`)}">${esc(u.name)}</span>`).join('');
    for (const li of this.grid.nav.querySelectorAll('li[data-section]')) {
      const slot = li.querySelector('.nav-peers');
      if (slot) slot.innerHTML = tags(bySection.get(li.dataset.section) || []);
    }
    for (const bar of this.grid.container.querySelectorAll('.review-bar')) {
      const slot = bar.querySelector('.sheet-peers');
      const list = bySection.get(bar.dataset.section) || [];
      if (slot) slot.innerHTML = list.length ? `${tags(list)}<span class="peer-note">正在看本表</span>` : '';
    }
  }

  /** The table at the top of the view: the first sheet whose bottom is below the upper third. */
  sectionInView() {
    if (this.inView) return this.inView;
    this.viewChanged(false);
    return this.inView;
  }

  viewChanged(send = true) {
    const scroller = this.grid.container.parentElement;
    const line = scroller.getBoundingClientRect().top + scroller.clientHeight / 3;
    let found = null;
    for (const sheet of this.grid.container.querySelectorAll('section.sheet')) {
      found = sheet.dataset.section;
      if (sheet.getBoundingClientRect().bottom > line) break;
    }
    if (found) this.setInView(found, send);
  }

  setInView(section, send = true) {
    if (section === this.inView) return;
    this.inView = section;
    for (const li of this.grid.nav.querySelectorAll('li[data-section]')) {
      li.classList.toggle('in-view', li.dataset.section === section);
    }
    if (send) this.schedule();
  }

  focusChanged(key) {
    this.wanted = key;
    if (key) this.setInView(refOf(key).section, false);
    this.schedule();
  }

  schedule() {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = 0;
      this.send();
    }, SEND_MS);
  }

  send() {
    const docId = this.hooks.docId();
    if (docId === null || !this.hooks.ready()) return;
    const key = this.wanted;
    const section = key ? refOf(key).section : this.sectionInView();
    const said = `${key || ''}|${section || ''}`;
    if (said === this.sent) return;
    if (this.conn.send({ type: 'focus', doc: docId, cell: key ? refOf(key) : null, section: section || null })) this.sent = said;
  }

  /** A new socket: the server knows nothing of our place until we say it again. */
  reconnected() {
    this.sent = undefined;
  }

  reset() {
    clearTimeout(this.timer);
    clearTimeout(this.scrollTimer);
    this.timer = 0;
    this.scrollTimer = 0;
    this.sent = undefined;
    this.wanted = null;
    this.inView = null;
    this.users = [];
    this.el.textContent = '';
  }
}
