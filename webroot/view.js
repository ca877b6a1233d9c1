// Keeping the user's place when the tables are rebuilt from a fresh snapshot (after a line was
// added or removed, or a reconnect too far behind): the scroll position and a half-typed cell.

/** The first table rows at the scroller's top edge, with how far below the edge each sits. */
function anchor(grid) {
  const scroller = grid.container.parentElement;
  const edge = scroller.getBoundingClientRect().top;
  const view = { top: scroller.scrollTop, left: scroller.scrollLeft, rows: [] };
  for (const sheet of grid.container.children) {
    if (sheet.getBoundingClientRect().bottom <= edge) continue;
    const trs = sheet.querySelectorAll('tbody tr[data-row]');
    // Rows are in document order, so a binary search finds the top one in a 300-row table in ~9 looks.
    let lo = 0;
    let hi = trs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (trs[mid].getBoundingClientRect().bottom <= edge) lo = mid + 1;
      else hi = mid;
    }
    // A few stand-ins below, in case the first is the very line being removed.
    for (let i = lo; i < Math.min(lo + 3, trs.length); i++) {
      view.rows.push({ section: sheet.dataset.section, row: trs[i].dataset.row,
        offset: trs[i].getBoundingClientRect().top - edge });
    }
    if (view.rows.length) break;
  }
  return view;
}

/**
 * The scroll offset alone is not enough: rebuilt tables off screen have only estimated heights
 * (content-visibility) and a line may have appeared above, so the anchor row is put back at its
 * old distance from the top edge instead.
 */
function restoreAnchor(grid, view) {
  const scroller = grid.container.parentElement;
  scroller.scrollTop = view.top;
  scroller.scrollLeft = view.left;
  const align = () => {
    const edge = scroller.getBoundingClientRect().top;
    for (const a of view.rows) {
      const tr = grid.container.querySelector(
        `section[data-section="${CSS.escape(a.section)}"] tr[data-row="${CSS.escape(a.row)}"]`);
      if (!tr) continue;
      scroller.scrollTop += tr.getBoundingClientRect().top - edge - a.offset;
      return;
    }
  };
  align();
  const aimed = scroller.scrollTop;
  // Tables near the view get their real height at the next frame; aim once more after that,
  // unless something scrolled meanwhile on purpose (our own new line taking the focus, the user).
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (scroller.scrollTop === aimed) align();
  }));
}

/** Before a re-render: where the user is looking and what they are typing. */
export function captureView(grid) {
  const ed = grid.editor;
  const editor = ed ? {
    key: ed.key, mode: ed.mode, value: ed.input.value, start: ed.input.selectionStart, end: ed.input.selectionEnd,
  } : null;
  return { anchor: anchor(grid), editor };
}

/** After it: the same rows at the same height, and the editor reopened with its text if the cell is still there. */
export function restoreView(grid, view) {
  restoreAnchor(grid, view.anchor);
  const ed = view.editor;
  if (ed && grid.tds.has(ed.key) && grid.editable(ed.key)) {
    // Half-typed figures survive a colleague adding a line elsewhere.
    grid.openEditor(ed.key, ed.value, ed.mode);
    if (grid.editor && ed.start != null) grid.editor.input.setSelectionRange(ed.start, ed.end);
  }
}
