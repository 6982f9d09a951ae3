/**
 * One measurement, in its own process: the cost of a first build that learns its settings from the
 * data, against a build whose settings are given (a preset, or last month's 月报设置), on N synthetic
 * case rows of a city no preset knows (the synthetic sheet with its units renamed: two-level names in
 * one column, counties, a shared parent). Target: learning costs at most 10% more. Also: a first build
 * of the reference city's data, which matches the 达州 preset. Prints one JSON line.
 */
import { buildMonthlyReport, discoverSheets, proposeSettings, type CellValue, type RawSheet, type Settings } from '../src/core/index.ts';
import { benchHeaders, syntheticCaseSheet } from './synthetic-cases.ts';

const rows = Number(process.argv[2] ?? 200_000);
const runs = 3;

/** The synthetic units renamed to a new city's (临江市): departments with squads, counties, a unit alone. */
const newCityUnits: Readonly<Record<string, string>> = {
  一中队: '临江市城市管理局执法一大队',
  市城管执法直属一大队二中队: '临江市城市管理局执法二大队',
  ' 三中队': '临江市城市管理局市容科',
  四中队: '临江市城市管理局渣土办',
  五中队: '临江市城市管理局执法三大队',
  '市环卫处（公厕管理所）': '临江市环境卫生管理处（公厕管理所）',
  市容监察中队: '临江市环境卫生管理处清扫保洁所',
  维修所: '临江市市政设施管理处道路维护所',
  路灯所: '临江市市政设施管理处路灯所',
  市火管中队: '临江市园林绿化中心',
  达川区: '东湖区城市管理局',
  大竹县综合行政执法局: '青山县综合行政执法局',
  万源市: '云岭市综合行政执法局',
};

function newCitySheet(sheet: RawSheet): RawSheet {
  const unitCol = benchHeaders.indexOf('处置部门');
  const headerIndex = 1;
  return {
    ...sheet,
    rows: sheet.rows.map((row, index): readonly CellValue[] => {
      if (index <= headerIndex) return row;
      const copy = [...row];
      const unit = copy[unitCol];
      if (typeof unit === 'string') copy[unitCol] = newCityUnits[unit] ?? unit;
      return copy;
    }),
  };
}

function best(build: () => ReturnType<typeof buildMonthlyReport>, count = runs): { seconds: number; runs: number[]; result: ReturnType<typeof buildMonthlyReport> } {
  const times: number[] = [];
  let result: ReturnType<typeof buildMonthlyReport> | undefined;
  for (let run = 0; run < count; run++) {
    (globalThis as { gc?: () => void }).gc?.();
    const started = performance.now();
    result = build();
    times.push((performance.now() - started) / 1000);
  }
  return { seconds: Math.min(...times), runs: times, result: result as ReturnType<typeof buildMonthlyReport> };
}

const reference = syntheticCaseSheet(rows);
const newCity = newCitySheet(reference);
const options = { period: '2021-09', builtAt: '2021-10-11 09:00' } as const;

// Alternating, so that the load of a shared machine falls on both alike; the best run of each counts.
const learnedRuns: number[] = [];
const givenRuns: number[] = [];
let learned: ReturnType<typeof buildMonthlyReport> | undefined;
let settings: Settings | undefined;
for (let round = 0; round < runs; round++) {
  const one = best(() => buildMonthlyReport([newCity], options));
  learned = one.result;
  settings = one.result.settings;
  learnedRuns.push(...one.runs);
  const given = settings;
  givenRuns.push(...best(() => buildMonthlyReport([newCity], { ...options, settings: given })).runs);
}
const presetMatched = best(() => buildMonthlyReport([reference], options));
// The step a learned build adds, alone: the scan of the unit, source and 大类 columns and the learning.
const proposeRuns = best(() => {
  proposeSettings([newCity], discoverSheets([newCity], []).layouts);
  return learned as ReturnType<typeof buildMonthlyReport>;
}, 9).runs;

const learnedSeconds = Math.min(...learnedRuns);
const givenSeconds = Math.min(...givenRuns);
const proposeSeconds = Math.min(...proposeRuns);
if (!learned || !settings) throw new Error('no run');
process.stdout.write(
  JSON.stringify({
    rows,
    learnedSeconds,
    givenSeconds,
    extraPercent: (learnedSeconds / givenSeconds - 1) * 100,
    learnedRuns,
    givenRuns,
    proposeSeconds,
    proposePercent: (proposeSeconds / givenSeconds) * 100,
    presetMatchedSeconds: presetMatched.seconds,
    presetName: presetMatched.result.settingsLearned?.presetName ?? null,
    learnedKind: learned.settingsLearned?.kind ?? null,
    learnedUnits: settings.firstLevelUnits.length,
    learnedCounties: settings.firstLevelUnits.filter((unit) => unit.group === '县市区').length,
    unknownUnitWarnings: learned.warnings.filter((warning) => warning.kind === 'unknownUnit').length,
    reconciled: learned.reconciliation.every((check) => check.ok),
  }) + '\n',
);
