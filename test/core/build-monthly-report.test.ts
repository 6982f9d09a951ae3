import assert from 'node:assert/strict';
import {
  buildMonthlyReport,
  defaultSettings,
  fingerprintGrid,
  InputError,
  inspectWorkbook,
  readSettingsSheet,
  referencePreset,
  settingsToGrid,
  type BuildResult,
  type GridCell,
  type RawSheet,
  type SheetGrid,
} from '../../src/core/index.ts';
import { caseSheet, closedCase, type CaseRow } from '../helpers/case-sheet.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';

const builtAt = '2021-10-11 09:00';

function build(rows: readonly CaseRow[], options: Partial<Parameters<typeof buildMonthlyReport>[1]> = {}, extraSheets: RawSheet[] = []): BuildResult {
  return buildMonthlyReport([caseSheet(rows), ...extraSheets], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt, ...options });
}

/** A grid as plain values, as a host would read it back. */
function gridToRaw(grid: SheetGrid): RawSheet {
  return { name: grid.name, rows: grid.cells.map((row) => row.map((cell: GridCell | null) => (cell ? cell.value : null))) };
}

function sheetNamed(result: BuildResult, suffix: string): SheetGrid {
  const grid = result.reportSheets.find((sheet) => sheet.name.endsWith(suffix));
  assert.ok(grid, suffix);
  return grid;
}

/** The values of a grid as a reader sees them, with each merged block's value filled in across the block. */
function filledValues(grid: SheetGrid): (string | number | null)[][] {
  const values = grid.cells.map((row) => row.map((cell) => (cell ? cell.value : null)));
  for (const merge of grid.merges) {
    for (let row = merge.row; row <= merge.lastRow; row++) {
      for (let col = merge.col; col <= merge.lastCol; col++) values[row][col] = values[merge.row][merge.col];
    }
  }
  return values;
}

/** The values of the row whose label cells (merged blocks filled in) match `labels`. */
function rowValues(grid: SheetGrid, ...labels: string[]): (string | number | null)[] {
  const row = filledValues(grid).find((cells) => labels.every((label, index) => cells[index] === label));
  assert.ok(row, `row ${labels.join('/')} in ${grid.name}`);
  return row;
}

const kinds = (result: BuildResult) => result.warnings.map((warning) => warning.kind);

describe('buildMonthlyReport', () => {
  it('writes the four case sheets named by the period, in the order of the brief, then 具体分析', () => {
    const result = build([closedCase()]);
    assert.deepEqual(
      result.reportSheets.map((sheet) => sheet.name),
      ['2021年9月-案件概况', '2021年9月-部门处置', '2021年9月-县区办理', '2021年9月-高发问题', '2021年9月-具体分析'],
    );
    assert.ok(result.reportSheets.every((sheet) => sheet.name.length <= 31));
  });

  it('counts a case for its source and its unit, and totals them', () => {
    const result = build([closedCase(), closedCase({ 处置部门: '市城管执法直属一大队二中队' }), closedCase({ 处置部门: '达川区', 当前阶段: '处置中', 处置完成时间: null, 结案时间: null })]);
    const overview = sheetNamed(result, '案件概况');
    assert.deepEqual(rowValues(overview, '巡查上报').slice(1, 6), [3, 3, 3, 3, 2]);
    const units = sheetNamed(result, '部门处置');
    assert.deepEqual(rowValues(units, '市城管执法直属一大队', '合计').slice(2, 4), [2, 2]);
    assert.deepEqual(rowValues(units, '总计').slice(2, 4), [2, 2]);
    const counties = sheetNamed(result, '县区办理');
    assert.equal(rowValues(counties, '受理数')[1], 1);
    assert.ok(result.reconciliation.every((check) => check.ok), JSON.stringify(result.reconciliation));
  });

  it('keeps a rate as a number with a per-cell display format, and leaves a zero denominator empty', () => {
    const result = build([closedCase(), closedCase({ 当前阶段: '处置中', 处置完成时间: null, 结案时间: null, 处置截止时间: '2021-10-09 00:00' })]);
    const units = sheetNamed(result, '部门处置');
    const row = units.cells.find((cells) => cells[1]?.value === '一中队') as readonly (GridCell | null)[];
    assert.equal(row[4]?.value, 0.5);
    assert.equal(row[4]?.numFmt, '0%');
    const night = units.cells.find((cells) => cells[1]?.value === '夜勤中队') as readonly (GridCell | null)[];
    assert.equal(night[2]?.value, 0);
    assert.equal(night[4]?.value, null);
  });

  it('lists configured units with no cases, and shows an unknown unit in its own row with a warning', () => {
    const result = build([closedCase(), closedCase({ 处置部门: '市园林局' })], { settings: referencePreset });
    const units = sheetNamed(result, '部门处置');
    assert.deepEqual(rowValues(units, '市治尘办').slice(2, 3), [0]);
    assert.deepEqual(rowValues(units, '市园林局').slice(2, 3), [1]);
    assert.deepEqual(rowValues(units, '总计').slice(2, 3), [2]);
    const warning = result.warnings.find((candidate) => candidate.kind === 'unknownUnit');
    assert.ok(warning);
    assert.deepEqual(warning.rows, [4]);
    assert.match(warning.message, /市园林局/);
  });

  it('merges a first level\'s name down its rows and spans both name columns for a unit without second levels', () => {
    const units = sheetNamed(build([closedCase()]), '部门处置');
    const first = units.cells.findIndex((cells) => cells[0]?.value === '市城管执法直属一大队');
    assert.ok(units.merges.some((merge) => merge.row === first && merge.col === 0 && merge.lastRow === first + 6 && merge.lastCol === 0));
    const second = units.cells.findIndex((cells) => cells[0]?.value === '市城管直属二大队');
    assert.ok(units.merges.some((merge) => merge.row === second && merge.col === 0 && merge.lastRow === second && merge.lastCol === 1));
  });

  it('reads a unit split into 一级单位 and 二级单位 columns as one spelling', () => {
    const headers = ['任务号', '问题来源', '上报时间', '处置截止时间', '处置完成时间', '当前阶段', '一级单位', '二级单位'];
    const rows = [
      closedCase({ 一级单位: '市政工程处', 二级单位: '路灯所' }),
      closedCase({ 一级单位: '市城管执法直属一大队', 二级单位: '三中队' }),
      closedCase({ 一级单位: '火管中队', 二级单位: '' }),
    ];
    const result = buildMonthlyReport([caseSheet(rows, { headers })], { period: '2021-09', builtAt });
    const units = sheetNamed(result, '部门处置');
    assert.deepEqual(rowValues(units, '市政工程处', '路灯所').slice(2, 3), [1]);
    assert.deepEqual(rowValues(units, '市城管执法直属一大队', '三中队').slice(2, 3), [1]);
    assert.deepEqual(rowValues(units, '火管中队').slice(2, 3), [1]);
    assert.ok(!kinds(result).includes('unknownUnit'));
  });

  describe('bad rows', () => {
    it('warns about an unparseable time, names sheet, row and column, and still counts the case', () => {
      const result = build([closedCase(), closedCase({ 结案时间: '昨天下午' })]);
      const warning = result.warnings.find((candidate) => candidate.kind === 'badTime');
      assert.ok(warning);
      assert.equal(warning.sheet, '案件列表');
      assert.deepEqual(warning.rows, [4]);
      assert.equal(warning.column, '结案时间');
      assert.match(warning.message, /昨天下午/);
      assert.equal(result.statistics.total.reported, 2);
    });

    it('lists a row whose report time cannot be read and counts it nowhere else', () => {
      const result = build([closedCase(), closedCase({ 上报时间: '九月三日' })]);
      assert.equal(result.statistics.total.reported, 1);
      const warning = result.warnings.find((candidate) => candidate.kind === 'badTime');
      assert.deepEqual(warning?.rows, [4]);
      assert.equal(result.accounting[0].badRows, 1);
    });

    it('counts a case at an unknown stage as reported only, with a warning that says how to fix it', () => {
      const result = build([closedCase({ 当前阶段: '待研判' })]);
      assert.equal(result.statistics.total.reported, 1);
      assert.equal(result.statistics.total.accepted, 0);
      const warning = result.warnings.find((candidate) => candidate.kind === 'unknownStage');
      assert.match(warning?.action ?? '', /阶段词/);
    });

    it('keeps the later row of a repeated id and warns with both row numbers', () => {
      const first = closedCase({ 当前阶段: '处置中', 处置完成时间: null, 结案时间: null });
      const later = { ...first, 当前阶段: '结案', 处置完成时间: '2021-09-03 15:00:00', 结案时间: '2021-09-03 16:00:00' };
      const result = build([first, later]);
      assert.equal(result.statistics.total.reported, 1);
      assert.equal(result.statistics.total.closed, 1);
      const warning = result.warnings.find((candidate) => candidate.kind === 'duplicateId');
      assert.deepEqual(warning?.rows, [3, 4]);
    });

    it('accounts for every row after the header: records, blanks, totals and bad rows', () => {
      const sheet = caseSheet([closedCase(), {}, closedCase({ 任务号: '' }), closedCase(), { 任务号: '合计', 问题来源: 3 }]);
      const result = buildMonthlyReport([sheet], { period: '2021-09', builtAt });
      const accounting = result.accounting[0];
      assert.deepEqual([accounting.rowsAfterHeader, accounting.records, accounting.blankRows, accounting.badRows, accounting.totalsRows], [5, 2, 1, 1, 1]);
      assert.ok(kinds(result).includes('missingId'));
    });

    it('lists cases of other months under one warning with their rows', () => {
      const result = build([closedCase(), closedCase({ 上报时间: '2021-08-31 23:59:59' }), closedCase({ 上报时间: '2021-10-01 00:00:00' })]);
      assert.equal(result.statistics.total.reported, 1);
      const warning = result.warnings.find((candidate) => candidate.kind === 'outsidePeriod');
      assert.deepEqual(warning?.rows, [4, 5]);
      assert.match(warning?.message ?? '', /2021年8月 1 件/);
    });

    it('stops with a message naming the sheet, the missing column and the headers it saw', () => {
      const sheet = caseSheet([closedCase()], { headers: ['任务号', '问题来源', '当前阶段', '处置部门'] });
      assert.throws(
        () => buildMonthlyReport([sheet], { period: '2021-09', builtAt }),
        (error: unknown) =>
          error instanceof InputError && error.sheet === '案件列表' && error.column === '上报时间' && /任务号、问题来源、当前阶段、处置部门/.test(error.message),
      );
    });

    it('stops with a clear message when no sheet is a cases export', () => {
      assert.throws(() => buildMonthlyReport([{ name: 'Sheet1', rows: [['姓名', '电话']] }], { builtAt }), (error: unknown) => error instanceof InputError && /没有找到数字城管案件导出表/.test(error.message));
    });
  });

  it('never changes the raw sheets it is given', () => {
    const sheet = caseSheet([closedCase(), closedCase({ 上报时间: 44442.5 })]);
    const before = JSON.stringify(sheet);
    Object.freeze(sheet.rows);
    sheet.rows.forEach((row) => Object.freeze(row));
    buildMonthlyReport([sheet], { period: '2021-09', builtAt });
    assert.equal(JSON.stringify(sheet), before);
  });

  it('defaults the as-of time to the latest event time, never a deadline', () => {
    const result = buildMonthlyReport([caseSheet([closedCase({ 处置截止时间: '2021-12-31 00:00', 结案时间: '2021-09-20 08:00' })])], { period: '2021-09', builtAt });
    assert.equal(result.asOfText, '2021-09-20 08:00');
    assert.equal(result.asOfSource, 'latest-event');
  });

  it('defaults the period to the most recent complete month', () => {
    const result = buildMonthlyReport([caseSheet([closedCase(), closedCase({ 上报时间: '2021-10-08 17:30' })])], { builtAt });
    assert.equal(result.periodKey, '2021-09');
  });

  it('leaves the 按期 columns empty with a warning when the export has no deadline column', () => {
    const headers = ['任务号', '问题来源', '上报时间', '立案时间', '当前阶段', '处置部门'];
    const result = buildMonthlyReport([caseSheet([closedCase()], { headers })], { period: '2021-09', builtAt });
    assert.ok(kinds(result).includes('noDeadlineColumn'));
    const row = rowValues(sheetNamed(result, '部门处置'), '市城管执法直属一大队', '一中队');
    // 应结案数 = 应处置数; 按期结案数 and 按期结案率 stay empty.
    assert.equal(row[6], 1);
    assert.equal(row[10], null);
    assert.equal(row[11], null);
  });

  describe('settings and history', () => {
    it('creates the settings sheet on the first build (the preset whose units the data names), and reads it on the next', () => {
      const first = build([closedCase()]);
      assert.ok(first.settingsCreated);
      assert.equal(first.settingsLearned?.kind, 'preset');
      const settingsGrid = first.sheetsToWrite.find((sheet) => sheet.role === 'settings');
      assert.ok(settingsGrid);
      const second = buildMonthlyReport([caseSheet([closedCase()]), gridToRaw(settingsGrid)], { period: '2021-09', builtAt });
      assert.equal(second.settingsCreated, false);
      assert.equal(second.settingsLearned, null);
      assert.deepEqual(second.settings, referencePreset);
    });

    it('sees a unit renamed in the settings sheet on the next build', () => {
      const grid = gridToRaw(settingsToGrid(referencePreset));
      const rows = grid.rows.map((row) => row.map((cell) => (cell === '夜勤中队' ? '夜间中队' : cell)));
      const result = buildMonthlyReport([caseSheet([closedCase({ 处置部门: '夜间中队' })]), { name: '月报设置', rows }], { period: '2021-09', builtAt });
      assert.deepEqual(rowValues(sheetNamed(result, '部门处置'), '市城管执法直属一大队', '夜间中队').slice(2, 3), [1]);
      assert.ok(!kinds(result).includes('unknownUnit'));
    });

    it('sees a spelling added in the settings sheet on the next build', () => {
      const grid = gridToRaw(settingsToGrid(referencePreset));
      const rows = grid.rows.map((row) => (row[0] === '市城管执法直属一大队' && row[1] === '二中队' ? [row[0], row[1], '城管二中队'] : row));
      const result = buildMonthlyReport([caseSheet([closedCase({ 处置部门: '城管二中队' })]), { name: '月报设置', rows }], { period: '2021-09', builtAt });
      assert.deepEqual(rowValues(sheetNamed(result, '部门处置'), '市城管执法直属一大队', '二中队').slice(2, 3), [1]);
    });

    it('round-trips every setting through the sheet, the general defaults and a preset alike', () => {
      for (const original of [defaultSettings, referencePreset]) {
        const { settings, warnings } = readSettingsSheet(gridToRaw(settingsToGrid(original)));
        assert.deepEqual(warnings, []);
        assert.deepEqual(settings, original);
      }
    });

    it('fills the 上期 columns from the history the previous build recorded', () => {
      const august = buildMonthlyReport([caseSheet([closedCase({ 上报时间: '2021-08-10 09:00' }), closedCase({ 上报时间: '2021-08-11 09:00', 处置完成时间: '2021-09-30 00:00' })])], {
        period: '2021-08',
        builtAt,
      });
      const history = gridToRaw(august.sheetsToWrite.find((sheet) => sheet.role === 'history') as SheetGrid);
      const september = build([closedCase()], {}, [history]);
      const row = rowValues(sheetNamed(september, '部门处置'), '市城管执法直属一大队', '一中队');
      // 上期按期结案率: one of two August cases was on time.
      assert.equal(row[12], 0.5);
      assert.ok(!kinds(september).includes('noHistory'));
      assert.ok(kinds(build([closedCase()])).includes('noHistory'));
    });

    it('fills 高发问题\'s 上期 columns from the previous build, whose 高发问题 figures reach the history', () => {
      const augustCases = [closedCase({ 上报时间: '2021-08-10 09:00' }), closedCase({ 上报时间: '2021-08-11 09:00' }), closedCase({ 上报时间: '2021-08-12 09:00', 小类: '无照经营游商' })];
      const august = buildMonthlyReport([caseSheet(augustCases)], { period: '2021-08', builtAt });
      assert.ok(august.history.some((record) => record.table === '高发问题' && record.row === '事件/店外经营' && record.indicator === '上报数' && record.value === 2));
      const settings = { ...referencePreset, tableColumns: { ...referencePreset.tableColumns, topSubTypes: ['上报数', '上期上报数'] } };
      const history = gridToRaw(august.sheetsToWrite.find((sheet) => sheet.role === 'history') as SheetGrid);
      const september = build([closedCase(), closedCase({ 小类: '无照经营游商' })], { settings }, [history]);
      const top = sheetNamed(september, '高发问题');
      assert.deepEqual(rowValues(top, '事件', '店外经营').slice(2, 4), [1, 2]);
      assert.deepEqual(rowValues(top, '事件', '无照经营游商').slice(2, 4), [1, 1]);
      assert.deepEqual(rowValues(top, '事件', '合计').slice(2, 4), [2, 3]);
    });

    it('replaces a period\'s history rows when the period is rebuilt, keeping other periods', () => {
      const august = buildMonthlyReport([caseSheet([closedCase({ 上报时间: '2021-08-10 09:00' })])], { period: '2021-08', builtAt });
      const history1 = gridToRaw(august.sheetsToWrite.find((sheet) => sheet.role === 'history') as SheetGrid);
      const september = build([closedCase()], {}, [history1]);
      const history2 = gridToRaw(september.sheetsToWrite.find((sheet) => sheet.role === 'history') as SheetGrid);
      const again = build([closedCase(), closedCase()], {}, [history2]);
      const history3 = (again.sheetsToWrite.find((sheet) => sheet.role === 'history') as SheetGrid).cells;
      const periods = history3.slice(1).map((row) => row[0]?.value);
      assert.equal(periods.filter((period) => period === '2021-08').length, history1.rows.length - 1);
      const total = history3.find((row) => row[0]?.value === '2021-09' && row[1]?.value === '案件概况' && row[2]?.value === '总计' && row[3]?.value === '上报数');
      assert.equal(total?.[4]?.value, 2);
      assert.equal(history3.filter((row) => row[0]?.value === '2021-09' && row[1]?.value === '案件概况' && row[2]?.value === '总计' && row[3]?.value === '上报数').length, 1);
    });
  });

  describe('edited sheets', () => {
    function rebuildOnto(first: BuildResult, edit?: (sheet: RawSheet) => RawSheet): BuildResult {
      const written = first.sheetsToWrite.map(gridToRaw).map((sheet) => (edit ? edit(sheet) : sheet));
      return buildMonthlyReport([caseSheet([closedCase()]), ...written], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt });
    }

    it('does not flag sheets left as they were built', () => {
      const first = build([closedCase()]);
      assert.deepEqual(rebuildOnto(first).editedSheets, []);
      assert.equal(fingerprintGrid(first.reportSheets[0]).length, 16);
    });

    it('flags a generated sheet the clerk edited since the build', () => {
      const first = build([closedCase()]);
      const edited = rebuildOnto(first, (sheet) =>
        sheet.name === '2021年9月-部门处置' ? { ...sheet, rows: sheet.rows.map((row, index) => (index === 3 ? ['改过', ...row.slice(1)] : row)) } : sheet,
      );
      assert.deepEqual(edited.editedSheets, ['2021年9月-部门处置']);
      assert.ok(kinds(edited).includes('editedSheet'));
    });
  });
});

describe('inspectWorkbook', () => {
  it('suggests the period and as-of time a build would take, from cases and 12345 sheets alike', () => {
    const sheets = [caseSheet([closedCase()]), orderSheet([order({ 受理时间: '2021-10-08 17:30', 办结时间: null, 办理状态: '办理中' })])];
    const inspection = inspectWorkbook(sheets);
    const build = buildMonthlyReport(sheets, { builtAt });
    assert.equal(inspection.latestEvent, '2021-10-08 17:30');
    assert.equal(inspection.latestEvent, build.asOfText);
    assert.equal(inspection.suggestedPeriod, build.periodKey);
    assert.deepEqual(
      inspection.sheets.map((sheet) => [sheet.sheet, sheet.kind, sheet.dataRows]),
      [
        ['案件列表', 'cases', 1],
        ['12345工单', 'hotline', 1],
      ],
    );
  });
});
