// The HTML of one section, built as one string (the largest documents have tens of thousands of
// cells; DOM calls per cell would take seconds). Three shapes: a budget table (fixed or code
// tree), a free-row list (项目支出表, 政府采购: the label is an editable text cell, rows nest),
// and chapters (a section whose only column is text, e.g. the 说明: read as prose, not a grid).
// Every cell element carries data-cell and is registered with the grid for painting and the keyboard.

import { esc } from './ui.js';
import { formatYuan } from './money.js';

export const cellKey = (section, row, column) => `${section}|${row}|${column}`;

const TOTAL_LABEL = /合计|总计/;

function isTotalRow(row) {
  return row.total === true || row.key === 'total' || TOTAL_LABEL.test(row.label || '');
}

export const isTextCell = (cell) => Boolean(cell) && cell.text !== undefined && cell.value === undefined;

/** Only text columns and just one of them: the section is read as chapters. */
export function isChapters(section) {
  return section.columns.length === 1 && section.columns[0].kind === 'text';
}

const prefixId = (header, depth) => header.slice(0, depth + 1).join('\u0001');

/** Multi-level header: equal header prefixes over consecutive columns merge into one cell. */
function headerHtml(cols, rowHeader, labelCols) {
  const depth = Math.max(0, ...cols.map((c) => (c.header || []).length));
  const rowCount = depth + 1;
  const rows = Array.from({ length: rowCount }, () => []);
  const titles = rowHeader && rowHeader.length ? rowHeader : ['项目'];
  labelCols.forEach((kind, i) => {
    rows[0].push(`<th class="c-${kind}" rowspan="${rowCount}">${esc(titles[i] ?? '')}</th>`);
  });
  for (let level = 0; level <= depth; level++) {
    for (let i = 0; i < cols.length; i++) {
      const header = cols[i].header || [];
      if (header.length === level) {
        rows[level].push(`<th class="col-title${cols[i].kind === 'text' ? ' c-text' : ''}" rowspan="${rowCount - level}">`
          + `${esc(cols[i].title)}</th>`);
      } else if (header.length > level) {
        const id = prefixId(header, level);
        let span = 1;
        while (i + span < cols.length && (cols[i + span].header || []).length > level
          && prefixId(cols[i + span].header, level) === id) span++;
        rows[level].push(`<th class="col-group" colspan="${span}">${esc(header[level])}</th>`);
        i += span - 1;
      }
    }
  }
  return rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('');
}

/**
 * Builds a section. ctx: unit, cellClass(cell, section) → classes, register(key, cell, pos),
 * s (section index), rowTools(section, row), head(section) (caption bars), note(section).
 * Returns {html, lines}: lines is the section's grid of keys (null for holes) for arrow keys.
 */
export function buildSection(section, ctx) {
  const lines = [];
  let body;
  if (isChapters(section)) body = chaptersHtml(section, ctx, lines);
  else body = tableHtml(section, ctx, lines);
  const html = `<h2 class="caption" id="sec-${esc(section.key)}">表${esc(section.number)} ${esc(section.title)}</h2>`
    + ctx.head(section) + ctx.note(section) + body;
  return { html, lines };
}

function textCellHtml(key, cell, cls, extra = '') {
  return `<td class="${cls} txt" data-cell="${esc(key)}" tabindex="-1"${extra}>`
    + `<span class="txt-body">${esc(cell.text || '')}</span></td>`;
}

function tableHtml(section, ctx, lines) {
  const list = section.kind === 'list';
  const labelKey = list ? section.labelColumn : null;
  const cols = section.columns.filter((c) => c.key !== labelKey);
  const hasCode = section.kind === 'codeTree' || (!list && (section.rowHeader || []).length >= 2);
  const labelCols = hasCode ? ['code', 'label'] : ['label'];
  const width = labelCols.length + cols.length;
  const parts = [];
  let group = null;
  for (const row of section.rows) {
    if (row.group && row.group !== group) parts.push(`<tr class="group-row"><td colspan="${width}">${esc(row.group)}</td></tr>`);
    group = row.group ?? null;
    const r = lines.length;
    const line = [];
    const indent = 8 + Math.max(0, (row.level || 0) - (list ? 1 : 0)) * 16;
    const kind = row.kind ? ` data-kind="${esc(row.kind)}"` : '';
    let html = `<tr class="${isTotalRow(row) ? 'total' : ''}" data-row="${esc(row.key)}"${kind}>`;
    if (hasCode) html += `<td class="c-code">${esc(row.code)}</td>`;
    const labelCell = labelKey && row.cells ? row.cells[labelKey] : null;
    const tools = ctx.rowTools(section, row);
    if (labelCell) {
      // The free row's name is its label column: editable in place like any text cell.
      const key = cellKey(section.key, row.key, labelKey);
      ctx.register(key, labelCell, { s: ctx.s, r, c: 0 });
      line.push(key);
      html += `<td class="c-label ${ctx.cellClass(labelCell, section)} txt" data-cell="${esc(key)}" tabindex="-1" `
        + `style="padding-left:${indent}px"><span class="txt-body">${esc(labelCell.text || '')}</span>${tools}</td>`;
    } else {
      if (labelKey) line.push(null);
      html += `<td class="c-label" style="padding-left:${indent}px">${esc(row.label)}${tools}</td>`;
    }
    const offset = labelKey ? 1 : 0;
    cols.forEach((col, i) => {
      const cell = row.cells && row.cells[col.key];
      if (!cell) {
        line.push(null);
        html += `<td class="${col.kind === 'text' ? 'txt' : 'amt'} blank"></td>`;
        return;
      }
      const key = cellKey(section.key, row.key, col.key);
      ctx.register(key, cell, { s: ctx.s, r, c: i + offset });
      line.push(key);
      if (isTextCell(cell)) html += textCellHtml(key, cell, ctx.cellClass(cell, section));
      else {
        html += `<td class="${ctx.cellClass(cell, section)}" data-cell="${esc(key)}" tabindex="-1">`
          + `${esc(formatYuan(cell.value, ctx.unit))}</td>`;
      }
    });
    lines.push(line);
    parts.push(html + '</tr>');
  }
  if (!section.rows.length) {
    parts.push(`<tr><td class="empty" colspan="${width}">${list ? '（尚无条目，请用上方按钮添加）' : '（本表暂无数据）'}</td></tr>`);
  }
  const header = headerHtml(cols, section.rowHeader && section.rowHeader.length ? section.rowHeader
    : (labelKey ? [section.columns.find((c) => c.key === labelKey)?.title || '名称'] : null), labelCols);
  return `<table class="budget ${hasCode ? 'with-code' : ''}${list ? ' list' : ''}${section.empty ? ' is-empty' : ''}">`
    + `<thead>${header}</thead><tbody>${parts.join('')}</tbody></table>`;
}

/** 说明 chapters: the row label is the chapter heading, the text its body; arrows move between chapters. */
function chaptersHtml(section, ctx, lines) {
  const col = section.columns[0];
  const parts = [];
  for (const row of section.rows) {
    const cell = row.cells && row.cells[col.key];
    if (!cell) continue;
    const key = cellKey(section.key, row.key, col.key);
    ctx.register(key, cell, { s: ctx.s, r: lines.length, c: 0 });
    lines.push([key]);
    parts.push(`<article class="chapter" data-row="${esc(row.key)}">`
      + (row.label ? `<h3>${esc(row.label)}</h3>` : '')
      + `<div class="${ctx.cellClass(cell, section)} txt chapter-text" data-cell="${esc(key)}" tabindex="-1">`
      + `<span class="txt-body">${esc(cell.text || '')}</span></div></article>`);
  }
  if (!parts.length) parts.push('<p class="empty">（本部分暂无内容）</p>');
  return `<div class="chapters${section.empty ? ' is-empty' : ''}">${parts.join('')}</div>`;
}
