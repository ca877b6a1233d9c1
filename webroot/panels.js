// Wiring of the right-hand panels that read the server over HTTP (版本 with exports, 留痕, 成员)
// and of the rail that chooses between them and the socket-driven ones (审核, 批注). Each panel
// loads when it is opened, not with the document, so opening a budget stays one snapshot.

import { SidePanel } from './side.js';
import { Versions } from './versions.js';
import { History } from './history.js';
import { Members } from './members.js';

export class Panels {
  /**
   * els: checks, commentsPane, versionsPane, historyPane, membersPane, rail, banner; grid: the Grid;
   * hooks: docId(), doc(), unit(), version(), viewing(), cells(), me(), review, openVersion(n, doc), backToDraft()
   */
  constructor(els, grid, hooks) {
    this.hooks = hooks;
    this.listeners = [];
    this.side = new SidePanel(els.rail, {
      checks: els.checks, comments: els.commentsPane, versions: els.versionsPane,
      history: els.historyPane, members: els.membersPane,
    }, {
      onShow: (name) => this.shown(name, true),
      onHide: (name) => this.shown(name, false),
    });
    this.versions = new Versions(els.versionsPane, els.banner, grid, {
      docId: hooks.docId, doc: hooks.doc, unit: hooks.unit, version: hooks.version, viewing: hooks.viewing,
      list: () => hooks.review.versions, openVersion: hooks.openVersion, backToDraft: hooks.backToDraft,
    });
    this.history = new History(els.historyPane, grid, {
      docId: hooks.docId, doc: hooks.doc, unit: hooks.unit, cells: hooks.cells,
      isOpen: () => this.side.isOpen('history'),
    });
    this.members = new Members(els.membersPane, { docId: hooks.docId, doc: hooks.doc, me: hooks.me });
  }

  /** fn(name, open) after a panel opens or closes. */
  onSide(fn) {
    this.listeners.push(fn);
  }

  shown(name, open) {
    if (open && name === 'versions') this.versions.load();
    if (open && name === 'history') this.history.shown();
    if (open && name === 'members') this.members.shown();
    for (const fn of this.listeners) fn(name, open);
  }

  /** Another budget: its panels start closed and empty, not showing the last one's contents. */
  opened() {
    this.side.hide();
    this.reset();
  }

  reset() {
    this.versions.reset();
    this.history.reset();
    this.members.reset();
  }

  snapshot() {
    this.versions.sync();
    if (this.side.isOpen('members')) this.members.shown(); // a snapshot may follow a change of roles
  }

  applied(ev) {
    this.history.applied(ev);
    this.versions.tick();
  }

  afterRender() {
    this.versions.markDiff();
  }

  versionAdded() {
    this.versions.sync();
  }

  setUnit(unit) {
    this.versions.setUnit(unit);
    this.history.setUnit(unit);
  }

  focusChanged(key) {
    this.history.focusChanged(key);
  }

  showHistory(key) {
    if (!this.side.isOpen('history')) this.side.show('history');
    this.history.showCell(key);
  }
}
