// What the grid asks the open document: may this cell change now, what does it show, what
// happens on a commit, a shortcut or a click that cannot edit. Kept beside the session (doc.js)
// rather than in it, so the session stays about the stream of versions.

import { cellTitle } from './protocol.js';
import { toast, roleName, canEditDoc } from './ui.js';

/** session: the DocumentSession; mayChange(): the draft is on screen and the role may change it. */
export function gridHooks(session, mayChange) {
  const shown = (key) => session.grid.cells.get(key) || {};
  return {
    canEdit: (cell, section) => mayChange() && !session.review.locked(section),
    displayValue: (key) => (session.view ? shown(key).value ?? null : session.edits.displayValue(key)),
    displayText: (key) => (session.view ? shown(key).text ?? '' : session.texts.displayText(key)),
    titleFor: (key) => titleFor(session, key),
    onCommit: (key, raw) => session.edits.commit(key, raw),
    onEditText: (key, initial) => session.texts.open(key, initial),
    onFocusCell: (key) => session.focusChanged(key),
    onReadOnly: (key) => readOnlyHint(session, key),
    // Someone who could type here learns why not (locked, a version); readers click around freely.
    onLockedClick: (key) => {
      const input = session.view ? shown(key).input : shown(key).editable;
      if (input && canEditDoc(session.doc)) readOnlyHint(session, key);
    },
    onCellKey: (e, key) => shortcut(session, e, key),
    navHtml: (section) => session.review.navHtml(section),
    rowTools: (section, row) => session.rows.rowHtml(section, row) + session.listRows.rowHtml(section, row),
    sectionTools: (section) => (section.empty ? '' : session.rows.barHtml(section) + session.listRows.barHtml(section))
      + session.empty.barHtml(section),
    sectionHead: (section) => session.review.headHtml(section),
    sectionNote: (section) => session.empty.noteHtml(section),
  };
}

/** Shift+F2 opens a 批注 on the cell (as in spreadsheets), Alt+H its 留痕. */
function shortcut(session, e, key) {
  if (e.key === 'F2' && e.shiftKey) {
    session.comments.startOn(key);
    return true;
  }
  if ((e.key === 'h' || e.key === 'H') && e.altKey) {
    session.panels.showHistory(key);
    return true;
  }
  return false;
}

/** Why this cell cannot be changed, in the words of the situation (formula, version, lock, role). */
export function readOnlyHint(session, key) {
  const cell = session.grid.cells.get(key);
  const section = key.slice(0, key.indexOf('|'));
  const review = session.review;
  if (session.view) toast(`这是已批准的第 ${session.view.number} 版，只读；修改请返回草稿`);
  else if (cell && !cell.editable) toast('这是计算单元格，由公式自动汇总，不能直接修改');
  else if (canEditDoc(session.doc) && review.locked(section)) {
    const approved = review.status(section) === 'approved';
    toast(`${review.title(section)}已${approved ? '批准' : '提交审核'}，已锁定，不能修改${approved ? '（需审批人重新打开）' : '（可先撤回）'}`);
  } else toast(`只读：您的角色是${roleName(session.doc && session.doc.role)}，不能修改（可添加批注：Shift+F2）`);
}

function titleFor(session, key) {
  const cell = session.grid.cells.get(key);
  const base = cellTitle(cell, !session.view && session.edits.inFlight(key), session.grid.peerNames(key));
  const notes = [session.checks.notesFor(key), session.comments.notesFor(key)].filter(Boolean).join('\n');
  return notes ? `${base}\n${notes}` : base;
}
