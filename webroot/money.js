// Money never touches floating point: every amount is a BigInt count of 分 (fen),
// because 0.1 + 0.2 style drift would show up as wrong totals in a budget.

const FEN_PER_YUAN = 100n;
const FEN_PER_WAN = 1000000n; // 1 万元 = 10 000 元 = 1 000 000 分

export const UNITS = ['元', '万元'];

/** Parses a server amount ("4162500.00", "-3.5", "0") into fen; null stays null. */
export function parseYuan(text) {
  if (text === null || text === undefined) return null;
  const m = /^(-)?(\d+)(?:\.(\d{1,2}))?$/.exec(String(text).trim());
  if (!m) return null;
  const fen = BigInt(m[2]) * FEN_PER_YUAN + BigInt((m[3] || '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

/** The wire form the server expects: 元 with exactly two decimals. */
export function fenToYuanString(fen) {
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const frac = (abs % FEN_PER_YUAN).toString().padStart(2, '0');
  return `${neg ? '-' : ''}${abs / FEN_PER_YUAN}.${frac}`;
}

function groupThousands(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Divides a non-negative BigInt rounding half up (四舍五入). */
function divRoundHalfUp(abs, divisor) {
  const q = abs / divisor;
  return (abs % divisor) * 2n >= divisor ? q + 1n : q;
}

/**
 * Formats fen for display in the chosen unit with two decimals and thousands
 * separators. Rounding is applied to the magnitude so -0.005 万元 and 0.005 万元
 * round symmetrically, which is how hand-made budget tables round.
 */
export function formatFen(fen, unit) {
  if (fen === null || fen === undefined) return '';
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  // Both units show two decimals, so count in hundredths of the display unit.
  const hundredths = unit === '万元' ? divRoundHalfUp(abs, FEN_PER_WAN / 100n) : abs;
  const whole = groupThousands((hundredths / 100n).toString());
  const frac = (hundredths % 100n).toString().padStart(2, '0');
  return `${neg && hundredths !== 0n ? '-' : ''}${whole}.${frac}`;
}

/** Formats a server amount string for display; blank stays blank. */
export function formatYuan(text, unit) {
  return formatFen(parseYuan(text), unit);
}

/**
 * The exact amount in the display unit, without separators or rounding, used to
 * prefill the inline editor: rounding here would silently change the value when
 * a user opens and re-commits a cell in 万元.
 */
export function editableText(text, unit) {
  const fen = parseYuan(text);
  if (fen === null) return '';
  const neg = fen < 0n;
  const abs = neg ? -fen : fen;
  const scale = unit === '万元' ? FEN_PER_WAN : FEN_PER_YUAN;
  const places = unit === '万元' ? 6 : 2;
  let frac = (abs % scale).toString().padStart(places, '0').replace(/0+$/, '');
  if (unit === '元' && frac.length === 1) frac += '0';
  return `${neg ? '-' : ''}${abs / scale}${frac ? '.' + frac : ''}`;
}

const FULL_WIDTH = /[０-９．，－＋]/g;

/**
 * Turns what a user typed in the display unit into the 元 wire string.
 * Returns {value} (null means clear the cell) or {error} with a Chinese message.
 * Full-width digits are accepted because Chinese IMEs often leave them on.
 */
export function parseInput(raw, unit) {
  const text = String(raw)
    .replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[,\s]/g, '');
  if (text === '') return { value: null };
  const m = /^([+-])?(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m || (m[2] === '' && !m[3])) {
    return { error: `“${raw}” 不是有效的金额` };
  }
  const places = unit === '万元' ? 6 : 2;
  const frac = m[3] || '';
  if (frac.length > places) {
    return {
      error: unit === '万元'
        ? '以万元录入时最多 6 位小数（即精确到分）'
        : '以元录入时最多 2 位小数',
    };
  }
  const scale = unit === '万元' ? FEN_PER_WAN : FEN_PER_YUAN;
  const whole = m[2] === '' ? 0n : BigInt(m[2]);
  let fen = whole * scale + BigInt(frac.padEnd(places, '0') || '0');
  if (m[1] === '-') fen = -fen;
  return { value: fenToYuanString(fen) };
}

/** True when two server amounts mean the same money ("1.5" vs "1.50"); blank equals only blank. */
export function sameAmount(a, b) {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return parseYuan(a) === parseYuan(b);
}
