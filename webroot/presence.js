// Who else has the document open: the names in the header, their outlines on the grid,
// and the cell this tab has focused, told to the others.

import { refOf } from './protocol.js';

export class Presence {
  /**
   * el: #presence; grid: the document's Grid; conn: Connection;
   * hooks: me() → the signed-in user, docId() → the open document or null,
   *        rendered() → the grid shows the document, ready() → the model is in sync (focus may be sent)
   */
  constructor(el, grid, conn, hooks) {
    this.el = el;
    this.grid = grid;
    this.conn = conn;
    this.hooks = hooks;
    this.users = [];
    this.timer = 0;
    this.wanted = null; // the cell focused here
    this.sent = null; // the cell the server last heard about
  }

  /** The server's list: one entry per user, possibly with the cell they have focused. */
  set(users) {
    this.users = users;
    const names = [...new Map(users.map((u) => [u.id, u.name])).values()];
    this.el.textContent = names.length ? `在线：${names.join('、')}` : '';
    this.el.title = this.el.textContent;
    if (this.hooks.rendered()) this.grid.setPeers(this.others());
  }

  others() {
    const me = this.hooks.me();
    return this.users.filter((u) => !me || u.id !== me.id);
  }

  /** Throttled: holding an arrow key must not become a flood of frames. */
  focusChanged(key) {
    this.wanted = key;
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = 0;
        this.send();
      }, 120);
    }
  }

  send() {
    const docId = this.hooks.docId();
    if (docId === null || !this.hooks.ready() || this.wanted === this.sent) return;
    const key = this.wanted;
    if (this.conn.send({ type: 'focus', doc: docId, cell: key ? refOf(key) : null })) this.sent = key;
  }

  /** A new socket: the server knows nothing of our focus until we say it again. */
  reconnected() {
    this.sent = null;
  }

  reset() {
    clearTimeout(this.timer);
    this.timer = 0;
    this.sent = null;
    this.wanted = null;
    this.users = [];
    this.el.textContent = '';
  }
}
