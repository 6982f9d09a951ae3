/**
 * Independent checker of `samples/sample-2021.xlsx`: reads the file with SheetJS, applies the rules of
 * `shared/spec/inputs.md` and `shared/spec/indicators.md` straightforwardly (it shares no code with the
 * generator, only the default settings' data), prints （一）（二）（三） for September 2021 and the 上期
 * rates for August 2021, and the 12345 figures （四）（五）（六） of September 2021 from the sheets 12345工单 and
 * 回退记录, and compares them with the reference brief's figures.
 * Run: `npx tsx scripts/check-sample.ts [path]`; exits 1 on any unexpected difference.
 */
import * as XLSX from '@e965/xlsx';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referencePreset as defaultSettings } from '../src/core/settings/presets.ts';
import type { StageStep } from '../src/core/settings/settings.ts';

// ---------------------------------------------------------------------------------------------
// Normalising and matching
// ---------------------------------------------------------------------------------------------

/** Full-width to half-width (NFKC), spaces and brackets dropped, a trailing 名称 dropped. */
function norm(s: string): string {
  return s.normalize('NFKC').replace(/[\s()[\]【】]/g, '').replace(/名称$/, '');
}

interface UnitRef {
  readonly first: string;
  readonly second: string; // '' = the first-level unit as a whole
}

function buildUnitResolver(): (spelling: string) => UnitRef | null {
  const exact = new Map<string, UnitRef>();
  const firstSpellings = new Map<string, string>(); // normalised spelling -> first-level name
  for (const f of defaultSettings.firstLevelUnits) {
    for (const s of [f.name, f.hotlineName, ...f.aliases]) if (s !== '') firstSpellings.set(norm(s), f.name);
  }
  const secondCount = new Map<string, number>();
  for (const s of defaultSettings.secondLevelUnits) secondCount.set(norm(s.name), (secondCount.get(norm(s.name)) ?? 0) + 1);
  for (const s of defaultSettings.secondLevelUnits) {
    for (const sp of [s.name, ...s.aliases]) exact.set(norm(sp), { first: s.parent, second: s.name });
  }
  for (const f of defaultSettings.firstLevelUnits) {
    for (const sp of [f.name, f.hotlineName, ...f.aliases]) if (sp !== '' && !exact.has(norm(sp))) exact.set(norm(sp), { first: f.name, second: '' });
  }
  return (spelling: string) => {
    const n = norm(spelling);
    if (n === '') return null;
    const hit = exact.get(n);
    if (hit) return hit;
    // second-level name alone, when unique
    for (const s of defaultSettings.secondLevelUnits) {
      if (n === norm(s.name) && secondCount.get(n) === 1) return { first: s.parent, second: s.name };
    }
    // a first-level spelling followed by the second-level name
    for (const s of defaultSettings.secondLevelUnits) {
      const sn = norm(s.name);
      if (!n.endsWith(sn)) continue;
      const head = n.slice(0, n.length - sn.length);
      if (firstSpellings.get(head) === s.parent) return { first: s.parent, second: s.name };
    }
    const first = firstSpellings.get(n);
    return first === undefined ? null : { first, second: '' };
  };
}

const LEVEL: Record<StageStep, number> = {
  reported: 0, notAccepted: 0, accepted: 1, notFiled: 1, filed: 2, dispatched: 3, disposed: 4, closed: 5, voided: 0,
};

function stageOf(word: string): StageStep | null {
  const n = norm(word);
  for (const [step, words] of Object.entries(defaultSettings.stageWords) as [StageStep, readonly string[]][]) {
    if (words.some((w) => norm(w) === n)) return step;
  }
  return null;
}

function sourceOf(word: string): string {
  const n = norm(word);
  for (const s of defaultSettings.sources) if ([s.name, ...s.aliases].some((w) => norm(w) === n)) return s.name;
  return word.trim();
}

// ---------------------------------------------------------------------------------------------
// Times: wall-clock seconds (as if UTC)
// ---------------------------------------------------------------------------------------------

const utc = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number => Date.UTC(y, mo - 1, d, h, mi, s) / 1000;

function text(t: number): string {
  return new Date(t * 1000).toISOString().replace('T', ' ').slice(0, 19);
}

/** Seconds, null for an empty cell, NaN for a value that is not a time. */
function parseTime(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return Math.round((v - 25569) * 86400);
  const s = String(v).trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) m = /^(\d{4})\/(\d{1,2})\/(\d{1,2}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (!m) m = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(\d{1,2})时(\d{1,2})分(?:(\d{1,2})秒)?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  if (!m) return NaN;
  return utc(+m[1], +m[2], +m[3], +m[4], +m[5], m[6] === undefined ? 0 : +m[6]);
}

// ---------------------------------------------------------------------------------------------
// Reading the case sheet
// ---------------------------------------------------------------------------------------------

interface Case {
  readonly row: number;
  readonly id: string;
  readonly source: string;
  readonly sub: string;
  readonly kind: string;
  readonly desc: string;
  readonly stage: StageStep | null;
  readonly unit: UnitRef | null;
  readonly unitText: string;
  readonly self: boolean;
  readonly reportedAt: number | null;
  readonly acceptedAt: number | null;
  readonly filedAt: number | null;
  readonly dispatchedAt: number | null;
  readonly deadlinePlain: number | null;
  readonly deadlineBundle: number | null;
  readonly disposedAt: number | null;
  readonly closedAt: number | null;
}

interface Sheet {
  readonly cases: Case[]; // every record row, in order (duplicates included)
  readonly problems: string[];
  readonly formats: Map<string, number>;
  readonly numericIds: number;
}

const HEADERS = ['任务号', '问题来源', '问题类型', '大类', '小类', '问题描述', '地址描述', '上报时间', '受理时间', '立案时间', '派遣时间', '处置截止时间', '捆绑处置截止时间', '处置完成时间', '结案时间', '当前阶段', '处置部门', '是否自行处置'];

function readSheet(path: string): Sheet {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer', cellDates: false, cellNF: true });
  // Raw cell values (sheet_to_json would turn date-formatted serials into Dates).
  const grid = sheetGrid(wb, '案件列表');
  const ws = wb.Sheets['案件列表'];
  const range = XLSX.utils.decode_range(ws['!ref'] as string);
  // Header row: the one of the first 20 that matches the most known headers.
  const { headerRow, col } = columns(grid, HEADERS);
  const problems: string[] = [];
  const formats = new Map<string, number>();
  let numericIds = 0;
  const cases: Case[] = [];
  for (let i = headerRow + 1; i < grid.length; i++) {
    const r = grid[i];
    const get = (h: string): unknown => r[col.get(h) as number];
    const str = (h: string): string => {
      const v = get(h);
      return v === null || v === undefined ? '' : String(v);
    };
    const idCell = get('任务号');
    if (idCell === null || idCell === undefined || String(idCell).trim() === '') {
      if (r.some((v) => v !== null && v !== '')) problems.push(`row ${i + 1}: no id`);
      continue;
    }
    if (String(idCell).trim() === '合计') continue;
    if (typeof idCell === 'number') numericIds++;
    const id = typeof idCell === 'number' ? String(idCell) : idCell.toString().trim();
    if (!/^\d{13}$/.test(id)) problems.push(`row ${i + 1}: odd id ${id}`);
    const time = (h: string): number | null => {
      const cellAddr = XLSX.utils.encode_cell({ r: i + range.s.r, c: col.get(h) as number });
      const cell = ws[cellAddr] as XLSX.CellObject | undefined;
      if (cell) {
        const v = cell.v;
        const kind = typeof v === 'number' ? `serial(${cell.z ?? 'no format'})`
          : /^\d{4}-/.test(String(v)) ? 'yyyy-mm-dd hh:mm:ss' : /^\d{4}\//.test(String(v)) ? 'yyyy/m/d h:mm' : /年/.test(String(v)) ? 'yyyy年m月d日 h时mm分' : /^\d{14}$/.test(String(v)) ? 'yyyymmddhhmmss' : 'other';
        formats.set(kind, (formats.get(kind) ?? 0) + 1);
      }
      const t = parseTime(get(h));
      if (t !== null && Number.isNaN(t)) {
        problems.push(`row ${i + 1}: ${h} is not a time: ${String(get(h))}`);
        return null;
      }
      return t;
    };
    const stageText = str('当前阶段');
    const stage = stageOf(stageText);
    if (stage === null) problems.push(`row ${i + 1}: unknown stage ${stageText}`);
    const unitText = str('处置部门');
    const unit = resolveUnit(unitText);
    if (unitText.trim() !== '' && unit === null) problems.push(`row ${i + 1}: unknown unit ${unitText}`);
    const source = sourceOf(str('问题来源'));
    const selfSource = defaultSettings.sources.some((s) => s.name === source && s.selfDisposal);
    cases.push({
      row: i + 1,
      id,
      source,
      sub: str('小类').trim(),
      kind: str('问题类型').trim(),
      desc: str('问题描述'),
      stage,
      unit,
      unitText,
      self: str('是否自行处置').trim() === '是' || str('是否自行处置').trim() === '自行处置' || selfSource,
      reportedAt: time('上报时间'),
      acceptedAt: time('受理时间'),
      filedAt: time('立案时间'),
      dispatchedAt: time('派遣时间'),
      deadlinePlain: time('处置截止时间'),
      deadlineBundle: time('捆绑处置截止时间'),
      disposedAt: time('处置完成时间'),
      closedAt: time('结案时间'),
    });
  }
  return { cases, problems, formats, numericIds };
}

const resolveUnit = buildUnitResolver();

// ---------------------------------------------------------------------------------------------
// Flags and figures
// ---------------------------------------------------------------------------------------------

interface Options {
  readonly deadline: 'bundleFirst' | 'plainOnly';
  readonly onTimeBy: 'disposedAt' | 'closedAt';
}
const RULES: Options = { deadline: 'bundleFirst', onTimeBy: 'disposedAt' };

interface Flags {
  accepted: boolean;
  filed: boolean;
  dispatched: boolean;
  disposed: boolean;
  overdueOpen: boolean;
  dueClose: boolean;
  closed: boolean;
  closedOnTime: boolean;
  self: boolean;
}

function flagsOf(c: Case, T: number, o: Options = RULES): Flags {
  const st = c.stage;
  const level = st === null ? 0 : LEVEL[st];
  const voided = st === 'voided';
  const accepted = voided ? c.acceptedAt !== null : st !== 'notAccepted' && level >= 1;
  const filed = voided ? c.filedAt !== null : st !== 'notAccepted' && st !== 'notFiled' && level >= 2;
  const dispatched = filed && !voided && !c.self && level >= 3;
  const disposed = dispatched && (level >= 4 || c.disposedAt !== null);
  const deadline = o.deadline === 'bundleFirst' ? (c.deadlineBundle ?? c.deadlinePlain) : c.deadlinePlain;
  const overdueOpen = dispatched && !disposed && deadline !== null && deadline < T;
  const closed = dispatched && level === 5;
  const at = o.onTimeBy === 'disposedAt' ? (c.disposedAt ?? c.closedAt) : c.closedAt;
  const onTime = disposed && deadline !== null && at !== null && at <= deadline;
  return { accepted, filed, dispatched, disposed, overdueOpen, dueClose: disposed || overdueOpen, closed, closedOnTime: closed && onTime, self: c.self && filed };
}

interface Tally {
  reported: number;
  accepted: number;
  filed: number;
  dispatched: number;
  disposed: number;
  dueClose: number;
  closed: number;
  closedOnTime: number;
  overdueOpen: number;
  self: number;
}

const emptyTally = (): Tally => ({ reported: 0, accepted: 0, filed: 0, dispatched: 0, disposed: 0, dueClose: 0, closed: 0, closedOnTime: 0, overdueOpen: 0, self: 0 });

function add(t: Tally, f: Flags): void {
  t.reported++;
  if (f.accepted) t.accepted++;
  if (f.filed) t.filed++;
  if (f.dispatched) t.dispatched++;
  if (f.disposed) t.disposed++;
  if (f.dueClose) t.dueClose++;
  if (f.closed) t.closed++;
  if (f.closedOnTime) t.closedOnTime++;
  if (f.overdueOpen) t.overdueOpen++;
  if (f.self) t.self++;
}

function sum(ts: readonly Tally[]): Tally {
  const out = emptyTally();
  for (const t of ts) for (const k of Object.keys(out) as (keyof Tally)[]) out[k] += t[k];
  return out;
}

/** Hundredths of a percent, half-up; null for a zero denominator. */
function rate(n: number, d: number): number | null {
  return d === 0 ? null : Math.floor((2 * n * 10000 + d) / (2 * d));
}

const pct = (h: number | null): string => (h === null ? '' : `${(h / 100).toFixed(2).replace(/\.?0+$/, '')}%`);

interface Figures {
  readonly bySource: Map<string, Tally>;
  readonly byUnit: Map<string, Tally>; // key first/second or first
  readonly cohort: Case[];
}

const unitKey = (u: UnitRef): string => (u.second === '' ? u.first : `${u.first}/${u.second}`);

function figures(all: readonly Case[], start: number, end: number, T: number, o: Options = RULES): Figures {
  const cohort = all.filter((c) => c.reportedAt !== null && c.reportedAt >= start && c.reportedAt < end);
  const bySource = new Map<string, Tally>();
  const byUnit = new Map<string, Tally>();
  for (const c of cohort) {
    const f = flagsOf(c, T, o);
    if (!bySource.has(c.source)) bySource.set(c.source, emptyTally());
    add(bySource.get(c.source) as Tally, f);
    if (c.unit !== null) {
      const k = unitKey(c.unit);
      if (!byUnit.has(k)) byUnit.set(k, emptyTally());
      add(byUnit.get(k) as Tally, f);
    }
  }
  return { bySource, byUnit, cohort };
}

/** Rows of （二）: [label, tally] in the settings' order, 合计 rows and 总计. */
function cityRows(f: Figures): [string, Tally][] {
  const rows: [string, Tally][] = [];
  const singles: Tally[] = [];
  for (const fu of defaultSettings.firstLevelUnits.filter((u) => u.group === '市局')) {
    const seconds = defaultSettings.secondLevelUnits.filter((s) => s.parent === fu.name);
    if (seconds.length === 0) {
      const t = f.byUnit.get(fu.name) ?? emptyTally();
      rows.push([fu.name, t]);
      singles.push(t);
      continue;
    }
    const ts: Tally[] = [];
    for (const s of seconds) {
      const t = f.byUnit.get(`${fu.name}/${s.name}`) ?? emptyTally();
      rows.push([`${fu.name}/${s.name}`, t]);
      ts.push(t);
    }
    const whole = f.byUnit.get(fu.name);
    if (whole) ts.push(whole); // cases sent to the first level as a whole
    const total = sum(ts);
    rows.push([`${fu.name}/合计`, total]);
    singles.push(total);
  }
  rows.push(['总计', sum(singles)]);
  return rows;
}

const counties = defaultSettings.firstLevelUnits.filter((u) => u.group === '县市区').map((u) => u.name);

// ---------------------------------------------------------------------------------------------
// The reference figures
// ---------------------------------------------------------------------------------------------

/** （二） September: 应处置, 处置, 处置率, 应结案, 结案, 结案率, 按期结案, 按期结案率 (rates in hundredths). */
const SEPT_CITY: Record<string, readonly (number | null)[]> = {
  '市城管执法直属一大队/一中队': [1344, 1344, 10000, 1344, 1344, 10000, 1296, 9643],
  '市城管执法直属一大队/二中队': [637, 637, 10000, 637, 637, 10000, 548, 8603],
  '市城管执法直属一大队/三中队': [1223, 1223, 10000, 1223, 1223, 10000, 1056, 8635],
  '市城管执法直属一大队/四中队': [2, 2, 10000, 2, 2, 10000, 1, 5000],
  '市城管执法直属一大队/五中队': [252, 252, 10000, 252, 252, 10000, 218, 8651],
  '市城管执法直属一大队/夜勤中队': [0, 0, null, 0, 0, null, 0, null],
  '市城管执法直属一大队/合计': [3458, 3458, 10000, 3458, 3458, 10000, 3119, 9020],
  市城管直属二大队: [12, 12, 10000, 12, 12, 10000, 11, 9167], // the brief prints 84.62% (= 11/13, a slip)
  '市政工程处/维修所': [44, 44, 10000, 44, 44, 10000, 44, 10000],
  '市政工程处/路灯所': [30, 30, 10000, 30, 30, 10000, 30, 10000],
  '市政工程处/合计': [74, 74, 10000, 74, 74, 10000, 74, 10000],
  '市环卫处/公厕管理所': [2, 0, 0, 1, 0, 0, 0, 0],
  '市环卫处/市容监察中队': [73, 73, 10000, 73, 73, 10000, 73, 10000],
  '市环卫处/老城区卫生管理所': [83, 83, 10000, 83, 83, 10000, 66, 7952],
  '市环卫处/西外新区卫生管理所': [42, 42, 10000, 42, 42, 10000, 42, 10000],
  '市环卫处/合计': [200, 198, 9900, 199, 198, 9950, 181, 9095],
  市治尘办: [1, 1, 10000, 1, 1, 10000, 1, 10000],
  火管中队: [103, 103, 10000, 103, 103, 10000, 93, 9029],
  总计: [3848, 3846, 9995, 3847, 3846, 9997, 3479, 9043],
};

/** （一） September: 上报, 受理, 立案, 应处置, 处置, 处置率, 应结案, 结案, 结案率. */
const SEPT_SOURCE = [4381, 4379, 4354, 4137, 4080, 9862, 4136, 4080, 9865];

/** （三） September: 受理数, 处置率, 结案率, 自行处置案件数. */
const SEPT_COUNTY: Record<string, readonly (number | null)[]> = {
  达川区城管执法大队: [61, 984, 984, 12],
  大竹县综合行政执法局: [20, 10000, 10000, 0],
  宣汉县综合行政执法局: [46, 10000, 10000, 0],
  开江县综合行政执法局: [19, 10000, 10000, 0],
  渠县综合行政执法局: [22, 10000, 10000, 0],
  万源市综合行政执法局: [121, 10000, 10000, 0],
};

/** 上期 (August) rates as the brief prints them: 处置率, 结案率, 按期结案率; 'none' = no cases (empty). */
const AUG_PRINTED: Record<string, readonly (number | null)[] | 'none'> = {
  '市城管执法直属一大队/一中队': [10000, 10000, 9541],
  '市城管执法直属一大队/二中队': [9932, 9949, 8748],
  '市城管执法直属一大队/三中队': [10000, 10000, 9061],
  '市城管执法直属一大队/四中队': [9333, 10000, 4286],
  '市城管执法直属一大队/五中队': [10000, 10000, 8431],
  '市城管执法直属一大队/夜勤中队': [10000, 10000, 0],
  '市城管执法直属一大队/合计': [9985, 9985, 9131],
  市城管直属二大队: [10000, 10000, 10000],
  '市政工程处/维修所': [9796, 9796, 9796],
  '市政工程处/路灯所': [10000, 10000, 9310],
  '市政工程处/合计': [9872, 9872, 9615],
  '市环卫处/公厕管理所': 'none',
  '市环卫处/市容监察中队': [10000, 10000, 10000],
  '市环卫处/老城区卫生管理所': [10000, 10000, 9375],
  '市环卫处/西外新区卫生管理所': [10000, 10000, 10000],
  '市环卫处/合计': [10000, 10000, 9730],
  市治尘办: [10000, 10000, 0],
  火管中队: [10000, 10000, 8587],
  总计: [9984, 9989, 9151],
};
const AUG_PRINTED_SOURCE = [9928, 9921];
/** Printed 上期 figures that no set of rows can give together with the others (see samples/README.md). */
const AUG_KNOWN_IMPOSSIBLE = ['市城管执法直属一大队/合计 结案率'];

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function main(): number {
  const here = dirname(fileURLToPath(import.meta.url));
  const path = process.argv[2] ?? resolve(here, '..', 'samples', 'sample-2021.xlsx');
  const sheet = readSheet(path);
  let failures = 0;
  const fail = (msg: string): void => {
    failures++;
    console.log(`  ✗ ${msg}`);
  };
  if (sheet.problems.length > 0) {
    console.log('Problems while reading:');
    for (const p of sheet.problems.slice(0, 20)) fail(p);
  }
  // Later row wins for a repeated id.
  const byId = new Map<string, Case>();
  const dupIds: string[] = [];
  for (const c of sheet.cases) {
    if (byId.has(c.id)) dupIds.push(c.id);
    byId.set(c.id, c);
  }
  const cases = [...byId.values()];
  let T = -Infinity;
  for (const c of sheet.cases) {
    for (const t of [c.reportedAt, c.acceptedAt, c.filedAt, c.dispatchedAt, c.disposedAt, c.closedAt]) if (t !== null && t > T) T = t;
  }
  console.log(`Read ${sheet.cases.length} records (${cases.length} distinct ids; repeated: ${dupIds.join(', ') || 'none'}); ${sheet.numericIds} ids stored as numbers.`);
  console.log(`Time cells: ${[...sheet.formats.entries()].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log(`As-of time T (latest event): ${text(T)}`);
  if (text(T) !== '2021-10-08 17:30:00') fail('T must be 2021-10-08 17:30:00');
  if (dupIds.length !== 1) fail('exactly one repeated id expected');
  // Row sanity: events in order; disposed cases carry 处置完成时间, closed ones 结案时间.
  let odd = 0;
  for (const c of sheet.cases) {
    const chain = [c.reportedAt, c.acceptedAt, c.filedAt, c.dispatchedAt, c.disposedAt, c.closedAt].filter((t): t is number => t !== null);
    const f = flagsOf(c, T);
    const bad = chain.some((t, i) => i > 0 && t < chain[i - 1]) || (f.disposed && c.disposedAt === null) || (c.stage === 'closed' && c.disposedAt !== null && c.closedAt === null);
    if (bad && ++odd <= 5) fail(`row ${c.row}: inconsistent times or stage`);
  }

  // ---------------- September ----------------
  const sep = figures(cases, utc(2021, 9, 1), utc(2021, 10, 1), T);
  console.log('\n2021年9月 （一）数字城管系统案件基本情况');
  console.log('问题来源 | 上报 受理 立案 应处置 处置 处置率 | 应结案 结案 结案率');
  const srcTotal = sum([...sep.bySource.values()]);
  for (const [name, t] of [...sep.bySource.entries(), ['总计', srcTotal] as [string, Tally]]) {
    console.log(`${name} | ${t.reported} ${t.accepted} ${t.filed} ${t.dispatched} ${t.disposed} ${pct(rate(t.disposed, t.dispatched))} | ${t.dueClose} ${t.closed} ${pct(rate(t.closed, t.dueClose))}`);
  }
  if ([...sep.bySource.keys()].join() !== '巡查上报') fail(`sources: ${[...sep.bySource.keys()].join()}`);
  const gotSource = [srcTotal.reported, srcTotal.accepted, srcTotal.filed, srcTotal.dispatched, srcTotal.disposed, rate(srcTotal.disposed, srcTotal.dispatched), srcTotal.dueClose, srcTotal.closed, rate(srcTotal.closed, srcTotal.dueClose)];
  if (gotSource.join() !== SEPT_SOURCE.join()) fail(`（一） ${gotSource.join()} ≠ ${SEPT_SOURCE.join()}`);

  console.log('\n2021年9月 （二）市局各部门处置情况');
  console.log('专业部门 | 应处置 处置 处置率 | 应结案 结案 结案率 | 按期结案 按期结案率');
  const rows = cityRows(sep);
  for (const [label, t] of rows) {
    const got = [t.dispatched, t.disposed, rate(t.disposed, t.dispatched), t.dueClose, t.closed, rate(t.closed, t.dueClose), t.closedOnTime, rate(t.closedOnTime, t.dueClose)];
    console.log(`${label} | ${got[0]} ${got[1]} ${pct(got[2])} | ${got[3]} ${got[4]} ${pct(got[5])} | ${got[6]} ${pct(got[7])}`);
    const want = SEPT_CITY[label];
    if (!want) fail(`unexpected row ${label}`);
    else if (got.join() !== want.join()) fail(`（二） ${label}: ${got.join()} ≠ ${want.join()}`);
  }
  for (const k of sep.byUnit.keys()) {
    if (!rows.some(([l]) => l === k) && !counties.includes(k)) fail(`cases of a unit outside the tables: ${k}`);
  }

  console.log('\n2021年9月 （三）各县（市、区）: 受理数 处置率 结案率 自行处置案件数');
  let countyDispatched = 0;
  for (const name of counties) {
    const t = sep.byUnit.get(name) ?? emptyTally();
    countyDispatched += t.dispatched;
    const got = [t.dispatched, rate(t.disposed, t.dispatched), rate(t.closed, t.dispatched), t.self];
    console.log(`${name} | ${got[0]} ${pct(got[1])} ${pct(got[2])} ${got[3]}`);
    if (got.join() !== (SEPT_COUNTY[name] ?? []).join()) fail(`（三） ${name}: ${got.join()} ≠ ${(SEPT_COUNTY[name] ?? []).join()}`);
  }
  const cityTotal = rows[rows.length - 1][1];
  console.log(`Reconciliation: 市局 ${cityTotal.dispatched} + 县区 ${countyDispatched} = ${cityTotal.dispatched + countyDispatched} (（一） 应处置 ${srcTotal.dispatched})`);
  if (cityTotal.dispatched + countyDispatched !== srcTotal.dispatched) fail('reconciliation');

  // Sub-types, focus topic
  const bySub = new Map<string, number>();
  for (const c of sep.cohort) bySub.set(c.sub, (bySub.get(c.sub) ?? 0) + 1);
  const top = [...bySub.entries()].sort((a, b) => b[1] - a[1]);
  console.log(`\nTop sub-types: ${top.slice(0, 5).map(([k, v]) => `${k} ${v}`).join('、')}`);
  if (top.slice(0, 3).map((e) => e[0]).join() !== '无照经营游商,店外经营,商业噪音') fail('top three sub-types');
  const kinds = new Map<string, number>();
  for (const c of sep.cohort) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  console.log(`By kind: ${[...kinds.entries()].map(([k, v]) => `${k} ${v}`).join('、')}`);
  for (const topic of defaultSettings.focusTopics) {
    const hits = sep.cohort.filter((c) => topic.caseSubTypes.includes(c.sub) || topic.caseWords.some((w) => c.desc.includes(w)));
    const done = hits.filter((c) => flagsOf(c, T).closed).length;
    console.log(`十件事 ${topic.name}: 巡查 ${hits.length} (已办结 ${done})${hits.map((c, i) => ` ${i + 1}、${c.desc}`).join('')}`);
    const want = topic.name.startsWith('乱开挖') ? 2 : 0;
    if (hits.length !== want || done !== want) fail(`focus topic ${topic.name}: ${hits.length}`);
  }

  // How much the traps matter (wrong rules), September 总计 of （二）.
  const wrong = (label: string, f: Figures): void => {
    const t = cityRows(f).slice(-1)[0][1];
    const gc = f.byUnit.get('市环卫处/公厕管理所') ?? emptyTally();
    console.log(`  ${label}: 总计 应处置 ${t.dispatched}, 应结案 ${t.dueClose}, 按期结案 ${t.closedOnTime}; 公厕管理所 应结案 ${gc.dueClose}`);
  };
  console.log('\nTrap sensitivity (wrong rules; right: 总计 3848 / 3847 / 3479, 公厕 应结案 1):');
  wrong('deadline = 处置截止时间 only', figures(cases, utc(2021, 9, 1), utc(2021, 10, 1), T, { ...RULES, deadline: 'plainOnly' }));
  wrong('on time by 结案时间', figures(cases, utc(2021, 9, 1), utc(2021, 10, 1), T, { ...RULES, onTimeBy: 'closedAt' }));
  wrong('first row of a repeated id wins', figures([...new Map([...sheet.cases].reverse().map((c) => [c.id, c])).values()], utc(2021, 9, 1), utc(2021, 10, 1), T));
  const dupCounted = figures(sheet.cases, utc(2021, 9, 1), utc(2021, 10, 1), T);
  wrong('repeated id counted twice', dupCounted);
  wrong('T = export time 17:35', figures(cases, utc(2021, 9, 1), utc(2021, 10, 1), utc(2021, 10, 8, 17, 35)));

  // ---------------- August ----------------
  const TA = utc(2021, 9, 8, 17, 30);
  const aug = figures(cases, utc(2021, 8, 1), utc(2021, 9, 1), TA);
  console.log(`\n2021年8月 （上期, T = ${text(TA)}）: 处置率 / 结案率 / 按期结案率 (counts: 应处置 处置 应结案 结案 按期结案)`);
  const augMismatch: string[] = [];
  for (const [label, t] of cityRows(aug)) {
    const got = [rate(t.disposed, t.dispatched), rate(t.closed, t.dueClose), rate(t.closedOnTime, t.dueClose)];
    const want = AUG_PRINTED[label];
    const wantText = want === undefined ? '?' : want === 'none' ? '（无）' : want.map(pct).join(' / ');
    console.log(`${label} | ${got.map(pct).join(' / ')} | printed ${wantText} | ${t.dispatched} ${t.disposed} ${t.dueClose} ${t.closed} ${t.closedOnTime}`);
    if (want === 'none') {
      if (t.dispatched !== 0) augMismatch.push(`${label} 应处置`);
    } else if (want !== undefined) {
      ['处置率', '结案率', '按期结案率'].forEach((name, i) => {
        if (got[i] !== want[i]) augMismatch.push(`${label} ${name}`);
      });
    }
  }
  const augAll = sum([...aug.bySource.values()]);
  const augSrc = [rate(augAll.disposed, augAll.dispatched), rate(augAll.closed, augAll.dueClose)];
  console.log(`（一） 巡查上报 | 上报 ${augAll.reported} 受理 ${augAll.accepted} 立案 ${augAll.filed} 应处置 ${augAll.dispatched} 处置 ${augAll.disposed} 应结案 ${augAll.dueClose} 结案 ${augAll.closed} | 处置率 ${pct(augSrc[0])} 结案率 ${pct(augSrc[1])} | printed ${AUG_PRINTED_SOURCE.map(pct).join(' / ')}`);
  if (augSrc[0] !== AUG_PRINTED_SOURCE[0]) augMismatch.push('（一） 处置率');
  if (augSrc[1] !== AUG_PRINTED_SOURCE[1]) augMismatch.push('（一） 结案率');
  console.log(`August printed rates not matched: ${augMismatch.join('; ') || 'none'}`);
  if (augMismatch.join() !== AUG_KNOWN_IMPOSSIBLE.join()) fail(`August mismatches ${augMismatch.join('; ')} ≠ known ${AUG_KNOWN_IMPOSSIBLE.join('; ')}`);
  const augAtOct = cityRows(figures(cases, utc(2021, 8, 1), utc(2021, 9, 1), T)).slice(-1)[0][1];
  console.log(`  (August built with T = ${text(T)} instead: 总计 应结案 ${augAtOct.dueClose}, 结案率 ${pct(rate(augAtOct.closed, augAtOct.dueClose))})`);

  // ---------------- 12345 ----------------
  checkHotline(path, T, fail);

  console.log(failures === 0 ? '\nOK: the sample gives the reference figures.' : `\n${failures} problem(s).`);
  return failures === 0 ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// 12345: work orders, returns, repeat problems, focus topics
// ---------------------------------------------------------------------------------------------

interface Order {
  readonly row: number;
  readonly id: string;
  readonly receivedAt: number;
  readonly caller: string;
  readonly content: string;
  readonly address: string;
  readonly path: string;
  readonly leaf: string;
  readonly unit: UnitRef | null;
  readonly unitText: string;
  readonly done: boolean;
  readonly deadline: number | null;
  readonly finishedAt: number | null;
  readonly repeatOf: string;
}

/** Raw cell values of a sheet (serials stay numbers). */
function sheetGrid(wb: XLSX.WorkBook, name: string): unknown[][] {
  const ws = wb.Sheets[name];
  if (!ws) throw new Error(`no sheet ${name}`);
  const range = XLSX.utils.decode_range(ws['!ref'] as string);
  const grid: unknown[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: unknown[] = [];
    for (let c = 0; c <= range.e.c; c++) row.push((ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined)?.v ?? null);
    grid.push(row);
  }
  return grid;
}

/** Header row (of the first 20, the one holding most of `headers`) and column indices. */
function columns(grid: unknown[][], headers: readonly string[]): { headerRow: number; col: Map<string, number> } {
  let headerRow = 0;
  let best = -1;
  for (let i = 0; i < Math.min(20, grid.length); i++) {
    const hits = grid[i].filter((v) => typeof v === 'string' && headers.includes(v.trim())).length;
    if (hits > best) {
      best = hits;
      headerRow = i;
    }
  }
  const col = new Map<string, number>();
  grid[headerRow].forEach((v, i) => {
    if (typeof v === 'string') col.set(v.trim(), i);
  });
  for (const h of headers) if (!col.has(h)) throw new Error(`missing column ${h}`);
  return { headerRow, col };
}

const ORDER_HEADERS = ['工单编号', '市交办时间', '诉求人', '来电号码', '诉求内容', '诉求地址', '一级分类', '二级分类', '三级分类', '承办单位', '办理状态', '办理时限', '办结时间', '工单类型', '满意度', '重复工单码'];
const doneWords = new Set(defaultSettings.hotlineDoneWords.map(norm));

function readOrders(wb: XLSX.WorkBook, problems: string[]): Order[] {
  const grid = sheetGrid(wb, '12345工单');
  const { headerRow, col } = columns(grid, ORDER_HEADERS);
  const out: Order[] = [];
  for (let i = headerRow + 1; i < grid.length; i++) {
    const r = grid[i];
    const str = (h: string): string => {
      const v = r[col.get(h) as number];
      return v === null || v === undefined ? '' : String(v).trim();
    };
    if (r.every((v) => v === null || v === '')) continue;
    const id = str('工单编号');
    if (typeof r[col.get('工单编号') as number] !== 'string' || !/^SZ\d{10}$/.test(id)) problems.push(`12345 row ${i + 1}: odd id ${id}`);
    const time = (h: string): number | null => {
      const t = parseTime(r[col.get(h) as number]);
      if (t !== null && Number.isNaN(t)) {
        problems.push(`12345 row ${i + 1}: ${h} is not a time`);
        return null;
      }
      return t;
    };
    const receivedAt = time('市交办时间');
    if (receivedAt === null) {
      problems.push(`12345 row ${i + 1}: no 市交办时间`);
      continue;
    }
    const levels = ['一级分类', '二级分类', '三级分类'].map(str).filter((x) => x !== '');
    const unitText = str('承办单位');
    const unit = resolveUnit(unitText);
    if (unit === null) problems.push(`12345 row ${i + 1}: unknown unit ${unitText}`);
    out.push({
      row: i + 1, id, receivedAt, caller: str('诉求人'), content: str('诉求内容'), address: str('诉求地址'),
      path: levels.join('/'), leaf: levels[levels.length - 1] ?? '', unit, unitText,
      done: doneWords.has(norm(str('办理状态'))), deadline: time('办理时限'), finishedAt: time('办结时间'), repeatOf: str('重复工单码'),
    });
  }
  return out;
}

/** Category: per category its longest word (name without 类 included) found; longest wins, ties to the earlier; path, then content. */
function categoryOf(o: Pick<Order, 'path' | 'content'>): string {
  for (const text of [o.path, o.content]) {
    let best = '';
    let bestLen = 0;
    for (const c of defaultSettings.hotlineCategories) {
      const words = [...c.words, ...(c.name === '其他' ? [] : [c.name.replace(/类$/, '')])];
      const len = Math.max(0, ...words.filter((w) => text.includes(w)).map((w) => w.length));
      if (len > bestLen) {
        best = c.name;
        bestLen = len;
      }
    }
    if (best !== '') return best;
  }
  return '其他';
}

interface PlaceRef {
  readonly name: string;
  /** Number parts right after the name: 1栋3楼4号 → [1, 3, 4]; S3-2-1至6号 → [S3, 2, 1至6]. */
  readonly nums: readonly string[];
}

/** The place of a text: a known community, a name ending like a community, or a road with a door number. */
function placeIn(text: string): PlaceRef | null {
  const numsAfter = (rest: string): string[] => {
    const m = /^([A-Za-z]?\d+(?:-\d+)*(?:至\d+)?)(?:栋|幢|号|单元|楼)?(?:(\d+)(?:单元|楼|号))?(?:(\d+)(?:号|室)?)?/.exec(rest);
    if (!m) return [];
    return [...m[1].split('-'), ...(m[2] ? [m[2]] : []), ...(m[3] ? [m[3]] : [])];
  };
  let known: { c: string; at: number } | null = null;
  for (const c of defaultSettings.knownCommunities) {
    const at = text.indexOf(c);
    if (at >= 0 && (known === null || at < known.at)) known = { c, at };
  }
  if (known) return { name: known.c, nums: numsAfter(text.slice(known.at + known.c.length)) };
  const stripped = text.replace(/^(达州市)?(通川区|达川区)?(西外|北外|南外)?/, '');
  const m = /^([\u4e00-\u9fa5]{2,4}?(?:小区|花园|公馆|苑|郡|城|府|园))/.exec(stripped);
  if (m) return { name: m[1], nums: numsAfter(stripped.slice(m[1].length)) };
  const road = /([\u4e00-\u9fa5]{2,5}?(?:大道|路|街))(\d+)号/.exec(stripped);
  if (road) return { name: road[1], nums: [road[2]] };
  return null;
}

function placeOf(o: Pick<Order, 'address' | 'content'>): PlaceRef | null {
  return placeIn(o.address) ?? placeIn(o.content);
}

/** Number parts compatible: equal, or one a range holding the other; a missing part conflicts with nothing. */
function numsCompatible(a: readonly string[], b: readonly string[], naive = false): boolean {
  // The naive reading a wrong build might make: building numbers compared as text (1 is "in" 11).
  if (naive) return a.length === 0 || b.length === 0 || a[0].includes(b[0]) || b[0].includes(a[0]);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    const range = (x: string): [number, number] | null => {
      const m = /^(\d+)至(\d+)$/.exec(x);
      return m ? [+m[1], +m[2]] : null;
    };
    const ra = range(a[i]);
    const rb = range(b[i]);
    if (ra && /^\d+$/.test(b[i]) && +b[i] >= ra[0] && +b[i] <= ra[1]) continue;
    if (rb && /^\d+$/.test(a[i]) && +a[i] >= rb[0] && +a[i] <= rb[1]) continue;
    return false;
  }
  return true;
}

/** Character bigrams of the Chinese text (phone numbers, digits, letters and punctuation dropped). */
function bigrams(text: string): Set<string> {
  const han = text.replace(/1[3-9]\d{9}/g, '').replace(/[^\u4e00-\u9fa5]+/g, '|');
  const out = new Set<string>();
  for (const part of han.split('|')) for (let i = 0; i + 1 < part.length; i++) out.add(part.slice(i, i + 2));
  return out;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size + b.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

const SIMILAR = 0.3;

interface GroupingRules {
  readonly unitLevel: 'second' | 'first' | 'none';
  readonly numbers: 'strict' | 'naive' | 'ignored';
  /** Links to orders outside the cohort count as members. */
  readonly linksOutside: boolean;
}
const GROUPING: GroupingRules = { unitLevel: 'second', numbers: 'strict', linksOutside: false };

/** Repeat groups (≥ threshold) of a cohort: union of links and of same place + compatible numbers + similar content, per unit and category. */
function repeatGroups(cohort: readonly Order[], all: readonly Order[], threshold: number, rules: GroupingRules = GROUPING): Order[][] {
  const unitOf = (o: Order): string => (rules.unitLevel === 'none' ? '' : o.unit === null ? o.unitText : rules.unitLevel === 'first' ? o.unit.first : unitKey(o.unit));
  const members = [...cohort];
  if (rules.linksOutside) {
    const inCohort = new Set(cohort.map((o) => o.id));
    for (const o of cohort) {
      const target = all.find((x) => x.id === o.repeatOf);
      if (target && !inCohort.has(target.id) && !members.includes(target)) members.push(target);
    }
  }
  const parent = members.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (i: number, j: number): void => {
    parent[find(i)] = find(j);
  };
  const grams = members.map((o) => bigrams(o.content));
  const places = members.map(placeOf);
  const cats = members.map(categoryOf);
  for (let i = 0; i < members.length; i++) {
    for (let j = i + 1; j < members.length; j++) {
      const a = members[i];
      const b = members[j];
      if (unitOf(a) !== unitOf(b) || cats[i] !== cats[j]) continue;
      if (a.repeatOf === b.id || b.repeatOf === a.id) {
        union(i, j);
        continue;
      }
      const pa = places[i];
      const pb = places[j];
      if (pa === null || pb === null || pa.name !== pb.name) continue;
      if (rules.numbers !== 'ignored' && !numsCompatible(pa.nums, pb.nums, rules.numbers === 'naive')) continue;
      if (dice(grams[i], grams[j]) >= SIMILAR) union(i, j);
    }
  }
  const groups = new Map<number, Order[]>();
  members.forEach((o, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), o]));
  return [...groups.values()].filter((g) => g.length >= threshold).sort((a, b) => b.length - a.length || a[0].receivedAt - b[0].receivedAt);
}

/** 12345 level name of a unit: its first level's hotlineName, else its name. */
function hotlineLabel(u: UnitRef): string {
  const f = defaultSettings.firstLevelUnits.find((x) => x.name === u.first);
  return f === undefined ? u.first : f.hotlineName || f.name;
}

const SEPT_HOTLINE_UNITS: readonly (readonly [string, number])[] = [
  ['执法直属一大队', 383], ['市政工程处', 18], ['市环卫处', 16], ['市火管中队', 5], ['中石油天然气公司', 5], ['环卫管理科', 1], ['行政审批科', 1],
];
const SEPT_HOTLINE_CATEGORIES: readonly (readonly [string, number])[] = [
  ['噪音类', 135], ['规划建设类', 82], ['占道经营类', 77], ['市政设施类', 18], ['油烟扰民类', 41], ['环卫保洁类', 8], ['广告店招类', 6], ['扬尘污染类', 3], ['其他', 59],
];
const SEPT_RETURNED: readonly (readonly [string, number])[] = [
  ['市城管执法直属一大队/一中队', 7], ['市城管执法直属一大队/二中队', 2], ['市城管执法直属一大队/三中队', 7], ['市城管执法直属一大队/四中队', 8],
  ['市城管执法直属一大队/五中队', 2], ['市城管执法直属一大队/夜勤中队', 2], ['市政工程处', 3], ['市环卫处', 2],
];
/** The three repeat problems of （五）: unit, finest category level, place. */
const SEPT_REPEATS = ['市城管执法直属一大队/三中队 其他噪音 宏升国际', '市城管执法直属一大队/三中队 规划 海星园', '市城管执法直属一大队/三中队 规划 澜湖郡'];
const SEPT_COMMUNITIES = ['江湾城', '澜湖郡', '清华园', '中梁首府', '天誉誉府', '仁和春天', '中迪', '时尚家苑', '四季花城', '体育佳苑'];

function checkHotline(path: string, T: number, fail: (msg: string) => void): void {
  const wb = XLSX.read(readFileSync(path), { type: 'buffer', cellDates: false });
  const problems: string[] = [];
  const rows = readOrders(wb, problems);
  for (const p of problems.slice(0, 20)) fail(p);
  const byId = new Map<string, Order>();
  for (const o of rows) {
    if (byId.has(o.id)) fail(`12345 id repeats: ${o.id}`);
    byId.set(o.id, o);
  }
  const orders = [...byId.values()];
  const inMonth = (y: number, m: number) => (o: Order): boolean => o.receivedAt >= utc(y, m, 1) && o.receivedAt < utc(y, m + 1, 1);
  const sep = orders.filter(inMonth(2021, 9));
  const aug = orders.filter(inMonth(2021, 8));
  const oct = orders.filter(inMonth(2021, 10));
  console.log(`\n12345工单: ${rows.length} orders (August ${aug.length}, September ${sep.length}, October ${oct.length})`);

  // Events never pass the cases' T; statuses agree with 办结时间.
  for (const o of orders) {
    if (o.receivedAt >= T || (o.finishedAt !== null && o.finishedAt >= T)) fail(`12345 row ${o.row}: event at or after T`);
    if (o.done !== (o.finishedAt !== null)) fail(`12345 row ${o.row}: status and 办结时间 disagree`);
    if (o.finishedAt !== null && o.finishedAt < o.receivedAt) fail(`12345 row ${o.row}: finished before received`);
  }
  const overdue = (o: Order, at: number): boolean => o.deadline !== null && (o.finishedAt !== null ? o.finishedAt > o.deadline : o.deadline < at);

  // （四）
  console.log('\n2021年9月 （四）12345政务服务便民热线受理情况');
  const diff = sep.length - aug.length;
  console.log(`受理 ${sep.length} 件，较上期（${aug.length}）${diff >= 0 ? '增加' : '减少'} ${Math.abs(diff)} 件；超期 ${sep.filter((o) => overdue(o, T)).length} 件；已办结 ${sep.filter((o) => o.done).length}，正在办理 ${sep.filter((o) => !o.done).length}`);
  if (sep.length !== 429 || aug.length !== 330) fail(`12345 受理数 ${sep.length} / 上期 ${aug.length} ≠ 429 / 330`);
  if (sep.some((o) => overdue(o, T))) fail('September orders overdue');
  const augOverdue = aug.filter((o) => overdue(o, utc(2021, 9, 8, 17, 30)));
  console.log(`(August, T = 2021-09-08 17:30: 超期 ${augOverdue.length} — ${augOverdue.map((o) => o.id).join(', ')})`);
  const tally = (xs: readonly string[]): Map<string, number> => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
    return m;
  };
  const byUnit = tally(sep.map((o) => (o.unit === null ? `?${o.unitText}` : hotlineLabel(o.unit))));
  console.log(`部门: ${[...byUnit.entries()].map(([k, v]) => `${k}${v}件`).join('，')}`);
  for (const [u, n] of SEPT_HOTLINE_UNITS) if (byUnit.get(u) !== n) fail(`12345 ${u}: ${byUnit.get(u)} ≠ ${n}`);
  if (byUnit.size !== SEPT_HOTLINE_UNITS.length) fail('12345 units beyond the brief');
  const byCat = tally(sep.map(categoryOf));
  console.log(`类别: ${SEPT_HOTLINE_CATEGORIES.map(([c]) => `${c}${byCat.get(c) ?? 0}件（${pct(rate(byCat.get(c) ?? 0, sep.length))}）`).join('，')}`);
  for (const [c, n] of SEPT_HOTLINE_CATEGORIES) if ((byCat.get(c) ?? 0) !== n) fail(`12345 ${c}: ${byCat.get(c)} ≠ ${n}`);
  const byContent = tally(sep.map((o) => categoryOf({ path: '', content: o.content })));
  console.log(`  (trap: by 诉求内容 only: ${SEPT_HOTLINE_CATEGORIES.map(([c]) => `${c}${byContent.get(c) ?? 0}`).join(' ')}; by the finest level only: ${SEPT_HOTLINE_CATEGORIES.map(([c]) => `${c}${tally(sep.map((o) => categoryOf({ path: o.leaf, content: o.content }))).get(c) ?? 0}`).join(' ')})`);

  // Returns
  const rg = sheetGrid(wb, '回退记录');
  const { headerRow, col } = columns(rg, ['工单编号', '回退时间', '回退单位', '回退原因']);
  const returnRows = rg.slice(headerRow + 1).filter((r) => r.some((v) => v !== null && v !== ''));
  const returnedIds = new Set(returnRows.map((r) => String(r[col.get('工单编号') as number]).trim()));
  for (const id of returnedIds) if (!byId.has(id)) fail(`回退记录 names an unknown order ${id}`);
  const sepReturned = sep.filter((o) => returnedIds.has(o.id));
  const returned = tally(sepReturned.map((o) => (o.unit === null ? o.unitText : unitKey(o.unit))));
  console.log(`回退: ${returnRows.length} rows, ${returnedIds.size} orders; September orders returned ${sepReturned.length}: ${[...returned.entries()].map(([k, v]) => `${k.replace('市城管执法直属一大队/', '')}${v}件`).join('，')}`);
  if (sepReturned.length !== 33) fail(`September returned ${sepReturned.length} ≠ 33`);
  for (const [u, n] of SEPT_RETURNED) if (returned.get(u) !== n) fail(`returned ${u}: ${returned.get(u)} ≠ ${n}`);
  const byReturnUnit = tally(returnRows.filter((r) => sep.some((o) => o.id === String(r[col.get('工单编号') as number]).trim())).map((r) => {
    const u = resolveUnit(String(r[col.get('回退单位') as number]));
    return u === null ? '?' : unitKey(u);
  }));
  const byReturnMonth = returnRows.filter((r) => {
    const t = parseTime(r[col.get('回退时间') as number]);
    return t !== null && t >= utc(2021, 9, 1) && t < utc(2021, 10, 1);
  }).length;
  console.log(`  (trap: by the 回退单位 column instead: ${[...byReturnUnit.entries()].map(([k, v]) => `${k.replace('市城管执法直属一大队/', '')}${v}`).join('，')}; rows, not orders: ${returnRows.filter((r) => sep.some((o) => o.id === String(r[col.get('工单编号') as number]).trim())).length}; returns dated in September: ${byReturnMonth})`);

  // （五）
  const threshold = defaultSettings.repeatThreshold;
  const groups = repeatGroups(sep, orders, threshold);
  console.log(`\n2021年9月 （五）热难点（${threshold} 次及以上）: ${groups.length} groups`);
  const describe = (g: Order[]): string => `${g[0].unit ? unitKey(g[0].unit) : g[0].unitText} ${g[0].leaf} ${placeOf(g[0])?.name ?? ''}`;
  for (const g of groups) console.log(`  ${describe(g)} ×${g.length}: ${g.map((o) => o.id).join(', ')} — ${g[0].content}`);
  const got = groups.map(describe).sort();
  if (got.join('; ') !== [...SEPT_REPEATS].sort().join('; ')) fail(`repeat groups: ${got.join('; ')}`);
  const sizes = groups.map((g) => `${describe(g)}=${g.length}`).sort().join(', ');
  // Similarity inside and around the groups.
  const inGroup = new Set(groups.flat());
  let minIn = 1;
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) {
      if (g[i].repeatOf === g[j].id || g[j].repeatOf === g[i].id || g[i].repeatOf !== '' || g[j].repeatOf !== '') continue;
      minIn = Math.min(minIn, dice(bigrams(g[i].content), bigrams(g[j].content)));
    }
  }
  let maxOut = 0;
  let maxOutPair = '';
  for (let i = 0; i < sep.length; i++) for (let j = i + 1; j < sep.length; j++) {
    const a = sep[i];
    const b = sep[j];
    if (inGroup.has(a) && inGroup.has(b)) continue;
    if (!a.unit || !b.unit || unitKey(a.unit) !== unitKey(b.unit) || categoryOf(a) !== categoryOf(b)) continue;
    const pa = placeOf(a);
    const pb = placeOf(b);
    if (!pa || !pb || pa.name !== pb.name || !numsCompatible(pa.nums, pb.nums)) continue;
    const s2 = dice(bigrams(a.content), bigrams(b.content));
    if (s2 > maxOut && !(a.address === b.address)) {
      maxOut = s2;
      maxOutPair = `${a.id}/${b.id}`;
    }
  }
  console.log(`  bigram Dice: unlinked pairs inside the groups ≥ ${minIn.toFixed(2)}; other same-unit/category/compatible-place pairs (different address text) ≤ ${maxOut.toFixed(2)} (${maxOutPair}); threshold here ${SIMILAR}`);
  const variant = (label: string, r: GroupingRules): void => {
    const gs = repeatGroups(sep, orders, threshold, r);
    const s2 = gs.map((g) => `${describe(g)}=${g.length}`).sort().join(', ');
    console.log(`  trap: ${label}: ${gs.length} groups${s2 === sizes ? ' (same)' : `: ${s2}`}`);
  };
  variant('unit = first level', { ...GROUPING, unitLevel: 'first' });
  variant('building numbers ignored', { ...GROUPING, numbers: 'ignored' });
  variant('numbers compared as text (1栋 ~ 11栋)', { ...GROUPING, numbers: 'naive' });
  variant('links to August orders counted', { ...GROUPING, linksOutside: true });
  const noLinks = sep.map((o) => ({ ...o, repeatOf: '' }));
  const gsNoLinks = repeatGroups(noLinks, noLinks, threshold);
  console.log(`  trap: 重复工单码 ignored: ${gsNoLinks.map((g) => `${describe(g)}=${g.length}`).sort().join(', ')}`);
  const augGroups = repeatGroups(aug, orders, threshold);
  console.log(`  (August: ${augGroups.map((g) => `${describe(g)}=${g.length}`).join(', ') || 'none'})`);
  // Personal data inside the texts a description may come from.
  const withPhone = sep.filter((o) => /1[3-9]\d{9}/.test(o.content)).length;
  const withName = sep.filter((o) => /[\u4e00-\u9fa5](先生|女士)|来电人[\u4e00-\u9fa5]{2,3}反映/.test(o.content)).length;
  console.log(`  September contents with a phone number: ${withPhone}; with a name or 某先生/女士: ${withName}; in the groups: ${groups.flat().filter((o) => /1[3-9]\d{9}|先生|女士|来电人[\u4e00-\u9fa5]{2,3}反映/.test(o.content)).length}`);
  const callers = new Set(orders.map((o) => o.caller).filter((c) => c.length >= 2 && c !== '匿名'));
  const callerLeaks = orders.filter((o) => [...callers].some((c) => (o.content.includes(c) || o.address.includes(c)) && c !== o.caller));
  if (callerLeaks.length > 0) fail(`caller names inside other orders' texts: ${callerLeaks.map((o) => o.id).join(', ')}`);

  // （六）
  console.log('\n2021年9月 （六）十件事');
  for (const topic of defaultSettings.focusTopics) {
    const hits = sep.filter((o) => topic.orderCategories.includes(categoryOf(o)) || topic.orderWords.some((w) => o.content.includes(w) || o.path.includes(w) || o.address.includes(w)));
    const places = tally(hits.map((o) => placeOf(o)?.name ?? '').filter((x) => x !== ''));
    const ranked = [...places.entries()].sort((a, b) => b[1] - a[1]);
    const shown = ranked.slice(0, 10).map(([k]) => k);
    console.log(`${topic.name}: 受理 ${hits.length}，已办结 ${hits.filter((o) => o.done).length}，正在办理 ${hits.filter((o) => !o.done).length}；涉及小区 ${shown.join('、')}${ranked.length > 10 ? '等' : ''}`);
    if (ranked.length > 0) console.log(`  counts: ${ranked.map(([k, v]) => `${k}${v}`).join(' ')}`);
    if (topic.name === '小区内私搭乱建') {
      if (hits.length !== 82 || hits.filter((o) => o.done).length !== 78) fail(`topic ${topic.name}: ${hits.length}`);
      if (shown.join() !== SEPT_COMMUNITIES.join()) fail(`communities ${shown.join('、')}`);
      const strict = ranked.slice(0, 10).every(([, v], i, xs) => i === 0 || xs[i - 1][1] > v) && (ranked.length <= 10 || ranked[10][1] < ranked[9][1]);
      if (!strict || ranked.length <= 10) fail('community counts must strictly decrease over the first ten, the rest fewer, and more than ten places');
    } else if (hits.length !== 0) {
      fail(`topic ${topic.name}: ${hits.length} orders`);
    }
  }
}

process.exitCode = main();
