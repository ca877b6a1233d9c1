// Wire-level helpers and the Chinese wording for the server's error codes.

import { formatYuan } from './money.js';

export const REJECT_TEXT = {
  FORBIDDEN: '您没有修改此单元格的权限',
  NOT_EDITABLE: '这是计算单元格，不能直接修改',
  INVALID_VALUE: '金额无效，修改未保存',
  UNKNOWN_CELL: '单元格不存在，表格可能已调整，请刷新页面',
  SECTION_LOCKED: '该表已提交或已批准，已锁定，不能修改',
  CHECKS_FAILED: '审核未通过，不能提交',
  STALE_CELL: '内容已被他人修改，请确认后重试',
  INVALID_STATE: '预算当前状态不允许修改',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  UNAVAILABLE: '服务器暂不可用，修改未保存，请稍后重试',
  INTERNAL: '服务器内部错误，修改未保存',
  BAD_MESSAGE: '消息格式错误',
  TOO_LARGE: '消息过大，未被处理',
  NOT_FOUND: '文档不存在或已被删除',
  UNAUTHENTICATED: '登录已失效，请重新登录',
};

/** crypto.randomUUID exists only on https/localhost; intranet servers are often plain http. */
export function newOpId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function refOf(key) {
  const [section, row, column] = key.split('|');
  return { section, row, column };
}

/** "表2 行政运行 · 基本支出：" so a message names the cell even after the user moved on. */
export function describeCell(doc, key) {
  if (!doc) return '';
  const ref = refOf(key);
  const section = doc.sections.find((s) => s.key === ref.section);
  if (!section) return '';
  const row = section.rows.find((r) => r.key === ref.row);
  const col = section.columns.find((c) => c.key === ref.column);
  return `表${section.number} ${row ? row.label : ref.row} · ${col ? col.title : ref.column}：`;
}

export function rejectMessage(msg, doc, key, unit) {
  const where = describeCell(doc, key);
  if (msg.code === 'STALE_CELL') {
    const d = msg.details || {};
    const who = (d.by && d.by.name) || '他人';
    const value = d.value === null || d.value === undefined ? '空' : `${formatYuan(d.value, unit)} ${unit}`;
    return `${where}该单元格已被 ${who} 修改为 ${value}，请确认后重试`;
  }
  // The lock names the table that refused (often another one, fed by this cell) and what to do:
  // the server's sentence says it better than a generic one could.
  if (msg.code === 'SECTION_LOCKED' && msg.message) return `${where}修改未保存：${msg.message}`;
  const text = REJECT_TEXT[msg.code] || `修改未保存（${msg.code || '未知错误'}）`;
  return `${where}${text}${msg.message ? `（服务器：${msg.message}）` : ''}`;
}

// Row operations reuse most codes with a different meaning than for a cell, so they get their own wording first.
const ROW_TEXT = {
  add: {
    INVALID_VALUE: '科目编码或名称无效，科目未添加',
    INVALID_STATE: '该科目已在表中',
    UNKNOWN_CELL: '该表不能添加科目',
    FORBIDDEN: '您没有增删科目的权限',
  },
  remove: {
    INVALID_STATE: '该科目下还有下级科目，请先删除下级科目',
    UNKNOWN_CELL: '该行由下级科目汇总而来或已被删除，不能单独删除',
    FORBIDDEN: '您没有增删科目的权限',
  },
};

/** "表2 科目 2101501 行政运行：该科目已在表中（服务器：…）"; op is {kind: 'add'|'remove', section, code, name}. */
export function rowRejectMessage(msg, doc, op) {
  const section = doc ? doc.sections.find((s) => s.key === op.section) : null;
  const where = `${section ? `表${section.number} ` : ''}科目 ${op.code}${op.name ? ` ${op.name}` : ''}：`;
  const fallback = `${op.kind === 'add' ? '科目未添加' : '科目未删除'}（${msg.code || '未知错误'}）`;
  const text = (ROW_TEXT[op.kind] || {})[msg.code] || REJECT_TEXT[msg.code] || fallback;
  return `${where}${text}${msg.message ? `（服务器：${msg.message}）` : ''}`;
}

export function cellTitle(cell, saving, peers) {
  if (!cell) return '';
  const lines = [cell.editable ? '录入单元格' : '计算单元格（由公式自动汇总）'];
  if (cell.by && cell.by.name) lines.push(`最后修改：${cell.by.name}`);
  if (saving) lines.push('正在保存…');
  if (peers) lines.push(`${peers} 正在此单元格`);
  return lines.join('\n');
}
