/**
 * The command line under random input: workbooks with random headers (drawn from the synonyms),
 * random values of every type (times in every form, formula-looking text, huge and odd numbers,
 * rounded ids, callers' names and phone numbers), sometimes damaged bytes. Whatever comes in: exit 0
 * or 2, never a stack trace, the input file unchanged, every row counted or warned, no formula and no
 * caller's name or number in what is written.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { caseFields, hotlineFields, type CellValue } from '../../src/core/index.ts';
import { main } from '../../src/cli/main.ts';
import { rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';

const callers = ['欧阳娜娜娜', '买买提·艾力', '王建国', '李秀英', '司马相如'];
const phones = ['13812345678', '0818-2345678', '１３６４５６７８９０１'];

const timeValue = fc.oneof(
  fc.integer({ min: 44409, max: 44500 }).map((day) => day + 0.5),
  fc.constantFrom('2021-09-03 10:22:00', '2021/9/3 10:22', '2021年9月3日 10时22分', '20210903102200', '2201-08-16 10:00', '1921-01-01', '不详', '', '—'),
);
const textValue = fc.oneof(
  fc.constantFrom('巡查上报', '结案', '[办结]', '处置中', '一中队', '市政工程处路灯所', '事件', '部件', '店外经营', '是', '否', '合计'),
  fc.constantFrom('=cmd|\' /C calc\'!A0', '+1+2', '-3', '@SUM(A1:A9)', '=HYPERLINK("http://x")', '\u0000\u0007控制字符', '😀表情', 'a'.repeat(300)),
  fc.constantFrom(...callers).map((name) => `来电人：${name}称门口占道`),
  fc.constantFrom(...phones).map((phone) => `电话${phone}，幸福花园3栋噪音`),
  fc.string({ maxLength: 12 }),
);
const numberValue = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(2.02109e12, 1e300, -0, 0.5));
const cellValue: fc.Arbitrary<CellValue> = fc.oneof(timeValue, textValue, numberValue, fc.boolean(), fc.constant(null), fc.constantFrom('2.02109E+12', '2021090300123'));

const headerPool = [...caseFields, ...hotlineFields].flatMap((spec) => spec.synonyms).concat(['备注', '序号', '']);
/** Headers that name every required field of a kind (one synonym each), then some others, shuffled. */
const headersOfKind = (fields: typeof caseFields) =>
  fc
    .tuple(
      fc.tuple(...fields.filter((spec) => spec.required).map((spec) => fc.constantFrom(...spec.synonyms))),
      fc.uniqueArray(fc.constantFrom(...headerPool), { maxLength: 8 }),
    )
    .chain(([required, extra]) => {
      const all = [...new Set([...required, ...extra])];
      return fc.shuffledSubarray(all, { minLength: all.length });
    });
const sheetArbitrary = fc.record({
  name: fc.constantFrom('案件列表', '12345工单', 'Sheet1', '2021年9月-数字城管导出', '回退记录'),
  headers: fc.oneof(headersOfKind(caseFields), headersOfKind(hotlineFields), fc.uniqueArray(fc.constantFrom(...headerPool), { minLength: 2, maxLength: 14 })),
  rows: fc.array(fc.array(fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: cellValue }), { minLength: 14, maxLength: 14 }), { minLength: 0, maxLength: 25 }),
  titleRows: fc.integer({ min: 0, max: 2 }),
});
const damage = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), value: fc.integer({ min: 0, max: 255 }) }),
);

/** A plausible value for a column, by its header: ids unique, times in September, words of the field. */
function typedValue(header: string, row: number, col: number): CellValue {
  if (/编号|号$|流水号|单号/.test(header)) return `2021090${String(row * 17 + col).padStart(6, '0')}`;
  if (/时间|时限|期限/.test(header)) return ['2021-09-03 10:22:00', 44445.5, '2021/9/12 8:05', '2021年9月20日 14时30分'][(row + col) % 4];
  if (/阶段|状态|环节/.test(header)) return ['结案', '[办结]', '处置中', '已办结', '作废', '待派遣'][(row + col) % 6];
  if (/来源|渠道|方式/.test(header)) return ['巡查上报', '12345转办', '视频上报'][row % 3];
  if (/单位|部门/.test(header)) return ['一中队', '市政工程处路灯所', '某新单位', '执法直属一大队三中队'][row % 4];
  if (/分类|类别|小类|大类/.test(header)) return ['城市管理/占道经营', '噪音', '店外经营'][row % 3];
  if (/人$|诉求人|来电人|反映人/.test(header)) return callers[row % callers.length];
  if (/电话|号码/.test(header)) return phones[row % phones.length];
  return ['幸福花园3栋门口占道经营', `来电人：${callers[row % callers.length]}称楼下噪音`, '是', '否', null][(row + col) % 5];
}

function damaged(bytes: Uint8Array, how: { kind: 'none' } | { kind: 'truncate'; at: number } | { kind: 'flip'; at: number; value: number }): Uint8Array {
  if (how.kind === 'none') return bytes;
  const at = Math.floor(how.at * Math.max(0, bytes.length - 1));
  if (how.kind === 'truncate') return bytes.subarray(0, at);
  const copy = new Uint8Array(bytes);
  copy[at] ^= how.value || 1;
  return copy;
}

describe('case-brief under random and damaged input (fuzz)', function () {
  this.timeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'case-brief-fuzz-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 or 2 with a sentence, keeps the input, counts every row, and writes no formula or personal data', () => {
    let runs = 0;
    let built = 0;
    fc.assert(
      fc.property(fc.array(sheetArbitrary, { minLength: 1, maxLength: 3 }), damage, fc.boolean(), (sheets, how, asCsv) => {
        runs++;
        const named = sheets.map((sheet, index) => ({
          ...sheet,
          name: `${sheet.name}${index || ''}`,
          rows: sheet.rows.map((row, rowIndex) => sheet.headers.map((header, col) => (row[col] === undefined ? typedValue(header, rowIndex, col) : row[col]))),
        }));
        const grids = named.map((sheet) =>
          rawSheetToGrid({ name: sheet.name, rows: [...Array.from({ length: sheet.titleRows }, () => ['导出结果']), sheet.headers, ...sheet.rows] }),
        );
        let bytes: Uint8Array;
        let input: string;
        if (asCsv) {
          const rows = [named[0].headers, ...named[0].rows].map((row) => row.map((cell) => `"${String(cell ?? '').replace(/"/g, '""')}"`).join(','));
          bytes = damaged(new TextEncoder().encode(rows.join('\r\n')), how);
          input = join(dir, `in-${runs}.csv`);
        } else {
          bytes = damaged(writeWorkbook(null, grids), how);
          input = join(dir, `in-${runs}.xlsx`);
        }
        writeFileSync(input, bytes);
        const out = join(dir, `out-${runs}.xlsx`);
        const json = join(dir, `out-${runs}.json`);
        const errors: string[] = [];
        const status = main(['build', input, '--period', '2021-09', '--out', out, '--json', json, '--built-at', '2021-10-11 09:00'], () => {}, (line) => errors.push(line));
        const stderr = errors.join('\n');
        assert.ok(status === 0 || status === 2, `exit ${String(status)}: ${stderr}`);
        assert.ok(!/\n\s+at \S+ \(/.test(stderr), `no stack trace: ${stderr}`);
        assert.deepEqual(new Uint8Array(readFileSync(input)), bytes, 'the input is unchanged');
        if (status === 0) built++;
        else if (process.env.FUZZ_DEBUG) console.log(stderr.slice(0, 200));
        if (status !== 0) return;
        const report = readFileSync(json, 'utf8');
        const parsed = JSON.parse(report) as { reconciliation: { name: string; ok: boolean; detail: string }[] };
        for (const check of parsed.reconciliation.filter((candidate) => candidate.name.endsWith('每一行都有去处'))) assert.ok(check.ok, `${check.name}: ${check.detail}`);
        const files = unzipSync(new Uint8Array(readFileSync(out)));
        for (const [name, data] of Object.entries(files)) {
          if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
          const xml = strFromU8(data);
          assert.ok(!/<f[ >]/.test(xml), `a formula in ${name}`);
        }
        // Generated sheets (everything the build wrote) hold no caller's name or number.
        const generated = JSON.stringify((JSON.parse(report) as { tables: unknown }).tables);
        for (const secret of [...callers, '13812345678', '2345678', '１３６４５６７８９０１', '13645678901']) assert.ok(!generated.includes(secret), `${secret} in the report`);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 60), seed: Number(process.env.FUZZ_SEED ?? 424242) },
    );
    // Not a vacuous property: a fair share of the random workbooks are built, the rest refused.
    assert.ok(built >= runs / 5, `${built} of ${runs} built`);
  });
});
