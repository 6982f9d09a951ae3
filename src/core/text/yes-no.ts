/**
 * One reader for every yes/no column of every sheet kind (是否超期, 处理超时, 是否超时, 是否按期,
 * 是否自行处置, 是否网格自治, 延期案件, 返工案件, 是否退回 …, and the settings sheet's 自行处置 column), with
 * one word list, so that the same word means the same thing on a case, on a 12345 order and in the
 * settings: `不超期` is on time everywhere.
 *
 * A cell answers its column's question in one of three ways:
 * - a plain answer: 是/否, Y/N, 1/0, √/×, 有/无 … (yes and no words below);
 * - a word that names a time limit kept or missed, whatever the column asks: 超期, 已超时, 逾期 are
 *   late; 按期, 按时, 正常 are on time; a negation before a word turns it round (未超期, 不超期, 没超时
 *   are on time; 未按期 is late);
 * - the column's own subject, e.g. 自行处置 in a 处置方式 column, 延期 in a 延期案件 column; negated
 *   (非自行处置, 未延期, 无返工) it is no.
 * Anything else is unreadable (null), as is a blank cell: the caller decides what that means.
 */
import { cellToText, normalizeText } from './normalize.ts';

/** What a yes/no column is about; decides how a late/on-time word or the subject's own word answers it. */
export type YesNoSubject = 'plain' | 'overdue' | 'onTime' | 'selfDisposed' | 'rework' | 'postpone' | 'returned' | 'satisfied' | 'solved';

const yesWords = new Set(['是', '是的', '对', '有', 'y', 'yes', 't', 'true', '1', '√', '✓', '✔', '☑', '●']);
const noWords = new Set(['否', '不', '不是', '非', '无', '没有', 'n', 'no', 'f', 'false', '0', '×', '✗', '✘', '☐', '○']);
/** Words that say a time limit was missed. */
const lateWords = ['超期', '超时', '逾期', '延误', '过期', '超限'];
/** Words that say a time limit was kept. */
const onTimeWords = ['按期', '按时', '准时', '及时', '如期', '正常'];
/** Characters (and 没有) that negate the word right after them. */
const negations = ['没有', '未', '不', '没', '无', '非', '否'];

/** The subject's own words: a cell holding one (not negated) says yes. */
const subjectWords: Readonly<Record<YesNoSubject, readonly string[]>> = {
  plain: [],
  overdue: [],
  onTime: [],
  selfDisposed: ['自行处置', '自处置', '网格自治', '自治', '自办', '自处理'],
  rework: ['返工'],
  postpone: ['延期'],
  returned: ['回退', '退回', '退单'],
  satisfied: ['满意'],
  solved: ['解决'],
};

/** Whether `word` occurs in `text` right after a negation. */
function negatedAt(text: string, at: number): boolean {
  return negations.some((negation) => at >= negation.length && text.slice(at - negation.length, at) === negation);
}

/** Finds the first of `words` in `text`: 'yes' when it stands alone, 'negated' after a negation, null when absent. */
function findWord(text: string, words: readonly string[]): 'yes' | 'negated' | null {
  for (const word of words) {
    const at = text.indexOf(word);
    if (at >= 0) return negatedAt(text, at) ? 'negated' : 'yes';
  }
  return null;
}

/** Whether a cell says the time limit was missed (true), kept (false), or says neither (null). */
function readLateness(text: string): boolean | null {
  const late = findWord(text, lateWords);
  if (late !== null) return late === 'yes';
  const onTime = findWord(text, onTimeWords);
  if (onTime !== null) return onTime === 'negated';
  return null;
}

/**
 * Reads a yes/no cell: true, false, or null (blank or unreadable).
 * @example readYesNo('不超期', 'overdue') // false
 * @example readYesNo('是', 'onTime') // true
 * @example readYesNo('自行处置', 'selfDisposed') // true
 */
export function readYesNo(value: unknown, subject: YesNoSubject = 'plain'): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value !== 0 : null;
  const text = normalizeText(cellToText(value))
    .toLowerCase()
    .replace(/[。.!！,，;；]+$/, '');
  if (text === '') return null;
  if (yesWords.has(text)) return true;
  if (noWords.has(text)) return false;
  if (subject === 'overdue' || subject === 'onTime') {
    const late = readLateness(text);
    if (late !== null) return subject === 'overdue' ? late : !late;
  }
  const own = findWord(text, subjectWords[subject]);
  if (own !== null) return own === 'yes';
  if (text.startsWith('是')) return true;
  if (negations.some((negation) => text.startsWith(negation))) return false;
  return null;
}

/**
 * Reads a count column that some exports fill with a yes/no instead (返工次数 / 是否返工, 延期次数 /
 * 延期案件, 回退次数 / 是否退回): a whole number as itself, a yes as 1, anything else as 0.
 */
export function readCount(value: unknown, subject: YesNoSubject = 'plain'): number {
  if (typeof value === 'number') return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
  const text = normalizeText(cellToText(value));
  if (text === '') return 0;
  if (/^\d+$/.test(text)) return Number(text);
  const count = /^(\d+)次$/.exec(text);
  if (count) return Number(count[1]);
  return readYesNo(text, subject) === true ? 1 : 0;
}
