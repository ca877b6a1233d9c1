// The import report (POST /api/import → report) as HTML: what each printed table became, every
// printed total that disagrees with what its lines add up to, what could not be placed and the
// 审核 results of the new budget. Pure functions of the data, so the panel can simply re-render.

import { formatYuan, parseYuan, fenToYuanString } from './money.js';
import { esc } from './ui.js';

const SEVERITY_TEXT = { error: '错误', warning: '警告', info: '提示' };
const RANK = { error: 0, warning: 1, info: 2 };
const ICON = { error: '✕', warning: '!', info: 'i' };
/** More than a screenful of 审核 results would bury the tables; the rest stay one click away. */
const CHECKS_SHOWN = 8;

const list = (value) => (Array.isArray(value) ? value : []);
const count = (value) => (Number.isFinite(Number(value)) ? Number(value) : 0);

/**
 * The 尾差 explanation means "printed in 万元 and rounded": harmless, and in a published budget
 * there are usually dozens. Anything else is a figure that really does not add up.
 */
// «尾差：…», or a rule's explanation that is 尾差 («I01：尾差：…», «T01：尾差：…»).
const isRounding = (text) => /^([A-Z]\d{2}[-:\w]*：)?尾差/.test(String(text || ''));

/** "表2 一般公共预算支出表" from GET /api/templates; the bare key if the template list is missing. */
function sectionName(template, key) {
  const s = template && list(template.sections).find((x) => x.key === key);
  return s ? `表${s.number} ${s.title}` : String(key);
}

/**
 * "2080505 机关事业单位基本养老保险缴费支出 · 合计" from the new document when it could be read;
 * otherwise the raw row and column keys, which are still enough to find the cell by hand.
 */
function cellName(doc, cell) {
  if (!cell || typeof cell !== 'object') return '（单元格未知）';
  const section = doc && list(doc.sections).find((s) => s.key === cell.section);
  const row = section && list(section.rows).find((r) => r.key === cell.row);
  const col = section && list(section.columns).find((c) => c.key === cell.column);
  if (!row && !col) return `行 ${cell.row} · 列 ${cell.column}`;
  const rowText = row ? [row.code, row.label].filter(Boolean).join(' ') || String(cell.row) : `行 ${cell.row}`;
  // A bare "合计" is ambiguous under multi-level headers; the nearest group title tells which one.
  const group = col && list(col.header).length ? `${col.header[col.header.length - 1]}／` : '';
  return `${rowText} · ${col ? group + col.title : `列 ${cell.column}`}`;
}

function money(text, unit) {
  if (text === null || text === undefined) return '空';
  return formatYuan(text, unit) || String(text);
}

/**
 * "印刷 402.17 · 推导 402.16 · 差 +0.01 万元". A gap of a few 元 rounds to 0.00 万元, which would
 * read as "no difference"; then the gap is given in 元 instead, as the 审核 panel does.
 */
export function differenceLine(d, unit) {
  const printed = parseYuan(d.printed);
  const derived = parseYuan(d.derived);
  const sides = `印刷 ${money(d.printed, unit)} · 推导 ${money(d.derived, unit)} ${unit}`;
  if (printed === null || derived === null) return sides;
  const gap = printed - derived;
  let gapUnit = unit;
  if (unit === '万元' && gap !== 0n && formatYuan(fenToYuanString(gap), unit).replace('-', '') === '0.00') gapUnit = '元';
  const sign = gap > 0n ? '+' : '';
  return `${sides} · 差 ${sign}${formatYuan(fenToYuanString(gap), gapUnit)} ${gapUnit}`;
}

/** Differences of one table under their explanation: thirty identical 尾差 texts would hide the one that matters. */
function differencesHtml(table, unit, doc) {
  const groups = new Map();
  for (const d of list(table.differences)) {
    if (!d || typeof d !== 'object') continue;
    const why = d.explanation ? String(d.explanation) : '印刷的数与推导的数不一致';
    if (!groups.has(why)) groups.set(why, []);
    groups.get(why).push(d);
  }
  if (!groups.size) return '';
  // Real disagreements first, the rounding remainders after them.
  const ordered = [...groups].sort((a, b) => Number(isRounding(a[0])) - Number(isRounding(b[0])));
  return `<ul class="ir-diffs">${ordered.map(([why, items]) => {
    const kind = isRounding(why) ? 'rounding' : 'mismatch';
    const rows = items.map((d) => {
      const c = d.cell || {};
      return `<li data-diff-cell="${esc(`${c.section}|${c.row}|${c.column}`)}">`
        + `<span class="ir-where">${esc(cellName(doc, d.cell))}</span>`
        + `<span class="ir-amounts">${esc(differenceLine(d, unit))}</span></li>`;
    }).join('');
    return `<li class="ir-why" data-kind="${kind}"><p>${esc(why)}<span class="ir-n">（${items.length} 处）</span></p>`
      + `<ul>${rows}</ul></li>`;
  }).join('')}</ul>`;
}

function tableHtml(table, ctx) {
  const number = esc(table.number);
  const title = `<span class="ir-title">表${number} ${esc(table.title)}</span>`;
  if (table.section === null || table.section === undefined) {
    return `<li data-table="${number}" data-section="" class="ir-table ir-skipped">`
      + `<div class="ir-head">${title}<span class="ir-target ir-none">模板中没有此表，未导入</span></div></li>`;
  }
  const diffs = list(table.differences);
  const worst = diffs.some((d) => d && !isRounding(d.explanation)) ? 'mismatch' : diffs.length ? 'rounding' : 'ok';
  // A table printed empty is imported as 空表 with the reason it printed: say so, and which reason.
  const empty = table.emptyNote
    ? `<p class="ir-empty" data-empty-note>空表：${esc(table.emptyNote)}</p>` : '';
  return `<li data-table="${number}" data-section="${esc(table.section)}" class="ir-table" data-result="${worst}">`
    + `<div class="ir-head">${title}<span class="ir-target">→ ${esc(sectionName(ctx.template, table.section))}</span></div>`
    + `<p class="ir-counts">导入 <b>${count(table.imported)}</b> 个数 · 推导一致 <b>${count(table.derivedEqual)}</b>`
    + ` · 不一致 <b class="ir-bad">${diffs.length}</b></p>`
    + empty
    + differencesHtml(table, ctx.unit, ctx.doc)
    + '</li>';
}

function unplacedHtml(lines) {
  if (!lines.length) return '<p class="ir-unplaced ir-quiet" data-unplaced="0">文本中的表格内容均已识别。</p>';
  return `<details class="ir-unplaced" data-unplaced="${lines.length}"><summary>未能识别的内容（${lines.length}）</summary>`
    + `<ol>${lines.map((t) => `<li>${esc(t)}</li>`).join('')}</ol></details>`;
}

function checkHtml(c) {
  const sev = Object.hasOwn(RANK, c.severity) ? c.severity : 'warning';
  return `<li data-severity="${sev}" data-import-check="${esc(c.key ?? '')}">`
    + `<span class="sev" title="${SEVERITY_TEXT[sev]}" aria-label="${SEVERITY_TEXT[sev]}">${ICON[sev]}</span>`
    + `<span class="ir-check"><b class="rule">${esc(c.rule ?? '')}</b> ${esc(c.message ?? '')}</span></li>`;
}

function checksHtml(raw) {
  const checks = raw.filter((c) => c && typeof c === 'object')
    .sort((a, b) => (RANK[a.severity] ?? 1) - (RANK[b.severity] ?? 1));
  const n = { error: 0, warning: 0, info: 0 };
  for (const c of checks) n[Object.hasOwn(n, c.severity) ? c.severity : 'warning'] += 1;
  const head = `<h3>导入后的审核结果 <span class="ir-quiet">${n.error} 错误 · ${n.warning} 警告 · ${n.info} 提示</span></h3>`;
  if (!checks.length) return `<div class="ir-checks">${head}<p class="ir-quiet">未发现问题。</p></div>`;
  const first = checks.slice(0, CHECKS_SHOWN).map(checkHtml).join('');
  const rest = checks.slice(CHECKS_SHOWN);
  return `<div class="ir-checks">${head}<ul>${first}</ul>`
    + (rest.length ? `<details><summary>其余 ${rest.length} 条</summary><ul>${rest.map(checkHtml).join('')}</ul></details>` : '')
    + '<p class="ir-quiet">打开预算后可在“审核结果”中逐条定位。</p></div>';
}

/**
 * The whole panel. result: the 201 body {document, report}; ctx: {template (from GET /api/templates
 * or null), unit ('元' | '万元'), doc (GET /api/documents/{id} for cell names, or null)}.
 */
export function reportHtml(result, ctx) {
  const created = result.document || {};
  const report = result.report || {};
  const tables = list(report.tables).filter((t) => t && typeof t === 'object');
  const placed = tables.filter((t) => t.section !== null && t.section !== undefined);
  const diffs = placed.flatMap((t) => list(t.differences));
  const imported = placed.reduce((sum, t) => sum + count(t.imported), 0);
  const equal = placed.reduce((sum, t) => sum + count(t.derivedEqual), 0);
  const templateTitle = ctx.template ? ctx.template.title : '';
  const head = [report.entity, report.year ? `${report.year} 年` : '', templateTitle || report.template].filter(Boolean);
  let verdict = '印刷的合计与明细推导的数全部一致';
  if (diffs.length) {
    verdict = diffs.every((d) => d && isRounding(d.explanation))
      ? `${diffs.length} 处不一致，均为万元取整尾差`
      : `${diffs.length} 处不一致，请逐条核对`;
  }
  return '<header class="ir-top">'
    + '<div class="ir-top-text">'
    + `<h2>导入完成：${esc(created.title || '新预算')}</h2>`
    + `<p class="ir-line" title="${esc(report.template)}">${head.map(esc).join(' · ')}</p>`
    + `<p class="ir-summary">识别 ${tables.length} 张表，其中 ${placed.length} 张导入模板 · 导入 ${imported} 个数`
    + ` · 推导一致 ${equal} · ${esc(verdict)} · 金额单位：${esc(ctx.unit)}</p>`
    + '</div>'
    + '<div class="ir-actions"><button type="button" id="import-open">打开预算</button>'
    + '<button type="button" class="ir-close" title="关闭报告" aria-label="关闭报告">×</button></div>'
    + '</header>'
    + `<ol class="ir-tables">${tables.map((t) => tableHtml(t, ctx)).join('')}</ol>`
    + unplacedHtml(list(report.unplaced).map(String))
    + checksHtml(list(report.checks));
}
