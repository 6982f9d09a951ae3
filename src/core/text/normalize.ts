/**
 * Text normalisation shared by header, unit, stage and source matching.
 * Exports arrive with full-width characters, stray spaces and either bracket style; matching is done
 * on normalised text so that `市环卫处（公厕管理所） ` and `市环卫处(公厕管理所)` are the same spelling.
 */

/** Full-width to half-width (NFKC), all whitespace removed (including ideographic spaces). */
export function normalizeText(text: string): string {
  return fastNormalized(text, true) ?? text.normalize('NFKC').replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');
}

/** `text.normalize('NFKC')`, without ICU for the texts `fastNormalized` knows. */
export function nfkc(text: string): string {
  return fastNormalized(text, false) ?? text.normalize('NFKC');
}

/**
 * The NFKC form of a text made only of characters whose form is known without ICU: CJK ideographs,
 * ASCII and the CJK punctuation 、。《》【】… (their own form), full-width ASCII ！…～ (the ASCII
 * character), and spaces, tabs, line breaks and the ideographic space (a space; with `dropSpaces`,
 * dropped, as `normalizeText` does); null for any other character. Nearly every text of an export is
 * such a text, and this reads it in a third of the time (a month's descriptions, contents and
 * addresses are half a million texts).
 */
function fastNormalized(text: string, dropSpaces: boolean): string | null {
  let out = '';
  let start = 0;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if ((code >= 0x4e00 && code <= 0x9fff) || (code > 0x20 && code < 0x7f) || (code >= 0x3001 && code <= 0x3011)) continue;
    if (code >= 0xff01 && code <= 0xff5e) {
      out += text.slice(start, at) + String.fromCharCode(code - 0xfee0);
      start = at + 1;
    } else if (code === 0x20 || code === 0x3000 || code === 0x09 || code === 0x0a || code === 0x0d) {
      if (!dropSpaces && code !== 0x3000) continue;
      out += text.slice(start, at) + (dropSpaces ? '' : ' ');
      start = at + 1;
    } else return null;
  }
  return start === 0 ? text : out + text.slice(start);
}

/** Brackets and quotes of every kind: Unicode's open, close and initial/final quote punctuation, and ASCII quotes and angle brackets. */
const bracketCharacters = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}<>"']/gu;

/** Like `normalizeText`, and brackets of every kind dropped (their content kept): for names and stages. */
export function normalizeName(text: string): string {
  return normalizeText(text).replace(bracketCharacters, '');
}

/** The parts of a text inside brackets of any kind (`[办结]已结案` → ['办结']), normalised. */
export function bracketedParts(text: string): string[] {
  const parts: string[] = [];
  for (const match of normalizeText(text).matchAll(/[\p{Ps}]([^\p{Ps}\p{Pe}]*)[\p{Pe}]/gu)) {
    const part = match[1].replace(bracketCharacters, '');
    if (part !== '') parts.push(part);
  }
  return parts;
}

/** A text with its bracketed parts removed (`处置中(超时)` → `处置中`), normalised. */
export function outsideBrackets(text: string): string {
  return normalizeText(text).replace(/[\p{Ps}][^\p{Ps}\p{Pe}]*[\p{Pe}]/gu, '').replace(bracketCharacters, '');
}

/** A header cell as the synonym tables compare it: trimmed, half-width, no spaces, no trailing 名称, no leading 12345. */
export function normalizeHeader(text: string): string {
  let header = normalizeText(text).replace(/[*＊]/g, '');
  if (header.startsWith('12345') && header.length > 5) header = header.slice(5);
  if (header.endsWith('名称') && header.length > 2) header = header.slice(0, -2);
  return header;
}

/** Any cell as display text: numbers without exponent, booleans as 是/否, null as ''. */
export function cellToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    return Number.isInteger(value) && Math.abs(value) >= 1e15 ? BigInt(value).toString() : Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value);
}

/** Splits a settings list cell: 、 ， , ； ; and line breaks separate items; blanks dropped. */
export function splitList(text: string): string[] {
  return text
    .split(/[、，,；;\n\r|]+/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
