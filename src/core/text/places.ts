/**
 * Places in Chinese addresses: the 小区 (a known name from the settings, or a name ending in 小区, 花园,
 * 苑, 郡, 城, 府, 园, 公馆 …), else a road (…路, …街, …大道), and the building or door number right
 * after it (`1栋3楼4号`, `S3-2-1至6号`, `5栋`). Two numbers are compatible when one continues the
 * other (`S3-2` and `S3-2-3号`) or a range or list holds the other (`1至6号` holds `3号`); a missing
 * number conflicts with nothing.
 *
 * Ranges and lists come in every common spelling, all read as one: `1至6号`, `1号至6号`, `1到6号`,
 * `1~6号`, `1-6号`, `1号-6号` (a range) and `1、2、3号`, `1,2,3号`, `1和2号` (a list). A hyphen is a range only
 * between two bare numbers where the second is larger and 号 follows (`1-6号`); elsewhere it separates
 * levels (`S3-2-1`, `5-2号`).
 */
import { maskerFor, personPrefixLength } from './mask.ts';
import { normalizeText } from './normalize.ts';

export interface Place {
  /** The 小区, road or landmark name. */
  readonly name: string;
  readonly kind: 'community' | 'road';
  /** Building/door number tokens: `S3-2-1至6号` → ['S3', '2', '1至6']; empty when none is given. */
  readonly number: readonly string[];
}

const communitySuffix = /小区|花园|公馆|家园|山庄|新村|公寓|大厦|华府|首府|誉府|花城|苑|郡|城|府|园/g;
const roadSuffix = /大道|路|街|巷/g;
/** Characters that end a name when walking back from its suffix. */
const boundary = /[路街道巷区县市镇乡村号栋幢楼层的在于和与及对旁边近内、，,。；;：:（）()\s\d/\\*-]/;
/** A suffix followed by one of these is part of another word: 城区, 城市, 城管, 园林, 府前路 … */
const notAName = /^[区市管乡镇中林路街道委办局]/;
const stopNames = new Set(['政府', '市政府', '区政府', '县政府', '老城', '新城', '主城', '县城', '进城', '公园', '花园', '家园', '校园', '园区']);
const numberPattern = /^[\s#]*((?:[A-Za-z]?\d+(?:至\d+|(?:,\d+)+)?(?:号楼|单元|栋|幢|楼|层|号|室|#|[-—])?)+)/;
const numberToken = /[A-Za-z]?\d+(?:至\d+|(?:,\d+)+)?/g;

/** Whether the number at `at` starts a range rather than a level: nothing of the number before it, or two levels. */
function isRangeStart(text: string, at: number): boolean {
  let start = at;
  while (start > 0 && /[A-Za-z\d\-—–]/.test(text[start - 1])) start--;
  const before = text.slice(start, at);
  if (before === '') return true;
  return /[-—–]$/.test(before) && (before.match(/[-—–]/g) ?? []).length >= 2;
}

/** Writes every spelling of a range as `1至6` and every list as `1,2,3`, so that one pattern reads them all. */
function canonicalRanges(text: string): string {
  return (
    text
      // 1号至6号, 1到6号, 1~6号, 1 ～ 6号, 1号-6号 (a 号 before the hyphen says it is a range)
      .replace(/(\d+)号?\s*(?:至|到|~|～|〜)\s*(\d+)/g, '$1至$2')
      .replace(/(\d+)号[-—–](\d+)/g, '$1至$2')
      // 1-6号: a range when the second number is larger and the pair stands alone or comes after two
      // levels (S3-2-1-6号); S3-2-8号, 5-2号 and A1-3号 stay levels.
      .replace(/(\d+)[-—–](\d+)号/g, (match, low: string, high: string, at: number, whole: string) => (Number(high) > Number(low) && isRangeStart(whole, at) ? `${low}至${high}号` : match))
      // 1、2、3号, 1和2号, 1及2号 (NFKC has already made ， and ､ into ,)
      .replace(/(\d+(?:\s*[、,和及]\s*\d+)+)(?=号|栋|幢|室|单元)/g, (list) => list.replace(/\s*[、,和及]\s*/g, ','))
  );
}

function walkBack(text: string, suffixStart: number, maxChars: number): number {
  let start = suffixStart;
  while (start > 0 && suffixStart - start < maxChars && !boundary.test(text[start - 1])) start--;
  // 朝阳路口金龙大道: the 口 of 路口 belongs to the crossing, not to the next name.
  if (text[start] === '口' && start > 0 && /[路街道]/.test(text[start - 1]) && suffixStart - start > 1) start++;
  return start;
}

/** Where a place word may follow a person: ***住幸福花园, ***家幸福花园. */
const placeWord = /^(?:家住|住在|住|家|在|于)/;

/**
 * The start of a name ending at `suffixStart`, with any person in front of it left out. The text is
 * masked already, so a caller's name is *** (a boundary): a place word right after it goes too
 * (***住幸福花园); a name-like prefix before 住/家/在 that masking did not catch goes as well
 * (王某某家…). A place is never built from a person.
 */
function startWithoutPerson(text: string, start: number, suffixStart: number): number {
  let from = start;
  if (from > 0 && text[from - 1] === '*') from += placeWord.exec(text.slice(from, suffixStart))?.[0].length ?? 0;
  return from + personPrefixLength(text.slice(from, suffixStart));
}

function numberAfter(text: string, end: number): string[] {
  // A known name may be written with its suffix after it (宏升国际 → 宏升国际小区5栋).
  const rest = canonicalRanges(text.slice(end, end + 30).replace(/^(小区|花园|家园|苑|园|郡|城)/, ''));
  const match = numberPattern.exec(rest);
  return match ? (match[1].match(numberToken) ?? []) : [];
}

/** Finds places in text, in order of appearance; known names first where they overlap a guessed one. */
export function createPlaceFinder(knownCommunities: readonly string[], options: { readonly personal?: ReadonlySet<string> } = {}): (text: string) => Place[] {
  // Places are read from masked text only: a caller's name never becomes part of a place name.
  const mask = maskerFor(options.personal);
  const known = [...new Set(knownCommunities.map((name) => normalizeText(name)).filter((name) => name.length >= 2))].sort((left, right) => right.length - left.length);
  return (raw: string) => {
    const text = normalizeText(mask(raw));
    if (text === '') return [];
    const found: { start: number; end: number; place: Place }[] = [];
    const overlaps = (start: number, end: number) => found.some((entry) => start < entry.end && end > entry.start);
    for (const name of known) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length)) {
        if (!overlaps(at, at + name.length)) found.push({ start: at, end: at + name.length, place: { name, kind: 'community', number: numberAfter(text, at + name.length) } });
      }
    }
    for (const match of text.matchAll(communitySuffix)) {
      const suffixStart = match.index ?? 0;
      const end = suffixStart + match[0].length;
      if (notAName.test(text.slice(end, end + 1))) continue;
      const start = startWithoutPerson(text, walkBack(text, suffixStart, 6), suffixStart);
      const name = text.slice(start, end);
      if (end - start < match[0].length + (match[0].length === 1 ? 2 : 1) || stopNames.has(name) || overlaps(start, end)) continue;
      found.push({ start, end, place: { name: name.replace(/^(通川区|达川区|西外|南外|北外)/, '') || name, kind: 'community', number: numberAfter(text, end) } });
    }
    const communities = found.length;
    if (communities === 0) {
      for (const match of text.matchAll(roadSuffix)) {
        const suffixStart = match.index ?? 0;
        const end = suffixStart + match[0].length;
        // 西城街道 is a sub-district, not a street called 西城街.
        if (match[0] === '街' && text[end] === '道') continue;
        const start = startWithoutPerson(text, walkBack(text, suffixStart, 6), suffixStart);
        if (end - start < match[0].length + 1 || overlaps(start, end)) continue;
        found.push({ start, end, place: { name: text.slice(start, end), kind: 'road', number: numberAfter(text, end) } });
      }
    }
    const places = found.sort((left, right) => left.start - right.start).map((entry) => entry.place);
    // Without a 小区, the road that carries a door number is the place (通川区朝阳路口金龙大道12号).
    if (communities === 0) places.sort((left, right) => Number(right.number.length > 0) - Number(left.number.length > 0));
    return places;
  };
}

/** A number token as a letter prefix and the intervals it names: `S3` → S [3,3]; `1至6` → [1,6]; `1,2,3` → [1,1] [2,2] [3,3]. */
function tokenRange(token: string): { prefix: string; intervals: [number, number][] } | null {
  const match = /^([A-Za-z]?)(\d+)(?:至(\d+)|((?:,\d+)+))?$/.exec(token);
  if (!match) return null;
  const low = Number(match[2]);
  if (match[3]) return { prefix: match[1].toUpperCase(), intervals: [[Math.min(low, Number(match[3])), Math.max(low, Number(match[3]))]] };
  const members = [low, ...(match[4] ? match[4].slice(1).split(',').map(Number) : [])];
  return { prefix: match[1].toUpperCase(), intervals: members.map((member): [number, number] => [member, member]) };
}

/** Whether two building/door numbers can name the same place. */
export function areNumbersCompatible(left: readonly string[], right: readonly string[]): boolean {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    if (left[index] === right[index]) continue;
    const a = tokenRange(left[index]);
    const b = tokenRange(right[index]);
    if (!a || !b || a.prefix !== b.prefix) return false;
    if (!a.intervals.some(([low, high]) => b.intervals.some(([otherLow, otherHigh]) => low <= otherHigh && otherLow <= high))) return false;
  }
  return true;
}
