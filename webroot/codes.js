// The classification code rules the page checks before asking the server (which has the final
// word and the code list): how long a new line's code must be, and which rows have lines under them.

const SYSTEM_LENGTH = { function: 7, economic: 5, govEconomic: 5 };
const FULL_WIDTH_DIGIT = /[０-９]/g;

/**
 * The code length new lines of a section take: 7 (功能分类 项) or 5 (经济分类 款); null when the
 * section gives no clue (no rows yet) and the server is left to decide. The wire carries no code
 * system, so it is read from the codes: only function tables have 7 digits, and their 类 start
 * with 2 where 部门/政府经济分类 start with 3 or 5.
 */
export function lineLength(section) {
  if (SYSTEM_LENGTH[section.codeSystem]) return SYSTEM_LENGTH[section.codeSystem];
  const codes = section.rows.map((r) => r.code).filter(Boolean).map(String);
  if (!codes.length) return null;
  if (codes.some((c) => c.length === 7)) return 7;
  return codes[0].startsWith('2') ? 7 : 5;
}

const parentsBySection = new WeakMap(); // a snapshot's section object → codes with lines under them

/** Sorted as text, every code's descendants follow it directly, so one look at the next code suffices. */
export function parentCodes(section) {
  let parents = parentsBySection.get(section);
  if (!parents) {
    const codes = section.rows.map((r) => r.code).filter(Boolean).map(String).sort();
    parents = new Set(codes.filter((c, i) => i + 1 < codes.length
      && codes[i + 1].length > c.length && codes[i + 1].startsWith(c)));
    parentsBySection.set(section, parents);
  }
  return parents;
}

/** Chinese IMEs often leave full-width digits on; a pasted code may carry spaces. */
export function normaliseCode(raw) {
  return String(raw).replace(FULL_WIDTH_DIGIT, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s/g, '');
}

/** Why a code cannot be added here, or '' when it may be sent. */
export function codeProblem(section, code) {
  const length = lineLength(section);
  if (!code) return '请输入科目编码';
  if (!/^\d+$/.test(code)) return '科目编码只能由数字组成';
  if (length === 7 && code.length !== 7) return `表${section.number} 按功能分类编列，只能添加 7 位的项级科目编码`;
  if (length === 5 && code.length !== 5) return `表${section.number} 按经济分类编列，只能添加 5 位的款级科目编码`;
  if (!length && code.length !== 7 && code.length !== 5) return '科目编码应为 7 位（功能分类项级）或 5 位（经济分类款级）';
  if (section.rows.some((r) => String(r.code) === code)) return `科目 ${code} 已在表${section.number}中`;
  return '';
}
