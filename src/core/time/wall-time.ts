/**
 * Wall-clock times. Every time in an export is China wall-clock time; the core keeps it as
 * "wall milliseconds": the milliseconds that `Date.UTC` gives for the same calendar fields. No time
 * zone is ever applied, so a build gives the same numbers on a machine set to UTC or Asia/Shanghai.
 */

/** Milliseconds since 1970-01-01 00:00 of wall-clock time (no zone). */
export type WallTime = number;

const msPerDay = 86_400_000;
/** Excel's serial of 1970-01-01 in the 1900 date system (which counts the fictitious 1900-02-29). */
const excelSerialOfUnixEpoch = 25_569;
/**
 * Serials outside these bounds are not times of any export (a bare 10:22 is 0.43, an id is 12345):
 * 1950-01-01 to 2100-01-01.
 */
const minPlausibleSerial = 18_264;
const maxPlausibleSerial = 73_051;

/** Builds a wall time from calendar fields; returns null when the fields do not form a real date. */
export function wallTimeOf(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): WallTime | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  if (hour < 0 || minute < 0 || second < 0 || year < 1900 || year > 9999) return null;
  // 2021-02-30 is no real date (Date.UTC would roll it over into March).
  if (day > daysInMonth(year, month)) return null;
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return Date.UTC(year, month - 1, day, hour, minute, second);
  return daysFromCivil(year, month, day) * msPerDay + hour * 3_600_000 + minute * 60_000 + second * 1000;
}

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (Howard Hinnant's
 * days_from_civil): what `Date.UTC` gives divided by a day, a sixth of its cost, and a month of
 * 200,000 cases reads a million and a half times.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Converts an Excel serial (1900 system) to wall time, rounded to the second: 44442.43194444 is 10:22:00, not 10:21:59.999. */
export function wallTimeFromExcelSerial(serial: number): WallTime | null {
  if (!Number.isFinite(serial) || serial < minPlausibleSerial || serial > maxPlausibleSerial) return null;
  const seconds = Math.round((serial - excelSerialOfUnixEpoch) * 86_400);
  return seconds * 1000;
}

/** Converts wall time to an Excel serial (1900 system). */
export function excelSerialFromWallTime(time: WallTime): number {
  return time / msPerDay + excelSerialOfUnixEpoch;
}

const textPattern =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{1,2})\s*(?:[:：分]\s*(?:(\d{1,2})(?:\.\d+)?\s*秒?)?)?|[\sT]*(\d{1,2})\s*时)?$/;

/**
 * Reads a time from a cell value. Returns the wall time, `null` for an empty cell, or `undefined`
 * when the cell holds something that is not a time (a bad value, never silently 0).
 * Accepts Excel serials, `Date` (its UTC fields), and text: `2021-09-03 10:22:00`, `2021/9/3 10:22`,
 * `2021年9月3日 10时22分`, `20210903102200` (also 12 or 8 digits), and serials written as text.
 */
export function parseWallTime(value: unknown): WallTime | null | undefined {
  // What nearly every cell is, first and in few lines (a month of 200,000 cases reads a million and
  // a half times), so that the readers get this inlined; the rest out of line.
  if (typeof value === 'number') return value < 1e7 ? (wallTimeFromExcelSerial(value) ?? undefined) : parseCompactDigits(value.toFixed(0));
  if (typeof value === 'string') {
    const canonical = parseCanonical(value);
    if (canonical !== undefined) return canonical;
  }
  return value === null || value === undefined ? null : parseOtherTime(value);
}

/** `parseWallTime` of a Date, or of text in any form but the canonical one. */
function parseOtherTime(value: unknown): WallTime | null | undefined {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return undefined;
    return Math.round(ms / 1000) * 1000;
  }
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  // Full-width digits and colons are rare; normalising only when needed keeps 200,000 rows fast.
  if (/[\uff00-\uffef\u3000]/.test(text)) text = text.normalize('NFKC').trim();
  if (text === '' || text === '-' || text === '—' || text === '/') return null;
  const match = textPattern.exec(text);
  if (match) {
    const hour = match[4] ?? match[7];
    return (
      wallTimeOf(Number(match[1]), Number(match[2]), Number(match[3]), hour ? Number(hour) : 0, match[5] ? Number(match[5]) : 0, match[6] ? Number(match[6]) : 0) ??
      undefined
    );
  }
  if (/^\d{8}(\d{4}(\d{2})?)?$/.test(text)) return parseCompactDigits(text);
  if (/^\d{4,5}(\.\d+)?$/.test(text)) return wallTimeFromExcelSerial(Number(text)) ?? undefined;
  return undefined;
}

/** Days between the two epochs: serial 0 of the 1904 date system is serial 1462 of the 1900 system. */
export const date1904Offset = 1462;

/**
 * The time reader of one sheet: `parseWallTime` for a workbook in the 1900 date system; in the 1904
 * system (Excel for Mac workbooks) serial numbers count from 1904-01-01, so each is shifted onto the
 * 1900 count first. Text times are read as they are.
 */
export function sheetTimeReader(sheet: { readonly date1904?: boolean }): (value: unknown) => WallTime | null | undefined {
  if (!sheet.date1904) return parseWallTime;
  return (value) => parseWallTime(typeof value === 'number' && value < 1e7 ? value + date1904Offset : value);
}

/** The two digits at `at`, or -1 when either is no digit. */
function twoDigits(text: string, at: number): number {
  const tens = text.charCodeAt(at) - 48;
  const ones = text.charCodeAt(at + 1) - 48;
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : -1;
}

/**
 * The form nearly every export writes, `2021-09-03 10:22` or `2021-09-03 10:22:05` (also with / and
 * T), read from its characters: the same fields the pattern would give, without the pattern, since
 * a month of 200,000 cases has a million such cells. Anything else: undefined, for the general path.
 */
function parseCanonical(text: string): WallTime | null | undefined {
  const length = text.length;
  if (length !== 16 && length !== 19) return undefined;
  const dash = text.charCodeAt(4);
  if ((dash !== 45 && dash !== 47) || text.charCodeAt(7) !== dash) return undefined; // - or /
  const gap = text.charCodeAt(10);
  if ((gap !== 32 && gap !== 84) || text.charCodeAt(13) !== 58 || (length === 19 && text.charCodeAt(16) !== 58)) return undefined; // space or T; :
  const century = twoDigits(text, 0);
  const yearOfCentury = twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = length === 19 ? twoDigits(text, 17) : 0;
  if (century < 0 || yearOfCentury < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
  return wallTimeOf(century * 100 + yearOfCentury, month, day, hour, minute, second) ?? undefined;
}

function parseCompactDigits(digits: string): WallTime | undefined {
  if (digits.length !== 8 && digits.length !== 12 && digits.length !== 14) return undefined;
  const field = (start: number, length: number) => Number(digits.slice(start, start + length));
  return (
    wallTimeOf(field(0, 4), field(4, 2), field(6, 2), digits.length > 8 ? field(8, 2) : 0, digits.length > 8 ? field(10, 2) : 0, digits.length > 12 ? field(12, 2) : 0) ??
    undefined
  );
}

/** Formats a wall time as `2021-09-03 10:22` (seconds shown only when not zero). */
export function formatWallTime(time: WallTime): string {
  const date = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  const base = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  return date.getUTCSeconds() ? `${base}:${pad(date.getUTCSeconds())}` : base;
}

/** Formats a wall time as a date, `2021-09-03`. */
export function formatWallDate(time: WallTime): string {
  return formatWallTime(time).slice(0, 10);
}
