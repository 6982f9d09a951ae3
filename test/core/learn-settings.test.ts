import assert from 'node:assert/strict';
import { buildMonthlyReport, discoverSheets, proposeSettings, referencePreset, type RawSheet } from '../../src/core/index.ts';
import { fitHotlineUnits, groupOfUnit, learnUnits, type UnitSpelling } from '../../src/core/settings/learn-units.ts';
import { caseHeaders, caseSheet, closedCase } from '../helpers/case-sheet.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';

const spell = (level1: string, count = 1, level2 = ''): UnitSpelling => ({ level1, level2, count });
const propose = (sheets: RawSheet[]) => proposeSettings(sheets, discoverSheets(sheets, []).layouts);

describe('learnUnits', () => {
  it('takes the two levels from a pair of columns, the second written with or without its parent in front', () => {
    const units = learnUnits([spell('滨海区城管执法局', 3, '第一中队'), spell('滨海区城管执法局', 2, '滨海区城管执法局第二中队'), spell('市绿化局', 4)]);
    assert.deepEqual(
      units.secondLevelUnits.map((unit) => `${unit.parent}/${unit.name}`),
      ['滨海区城管执法局/第一中队', '滨海区城管执法局/第二中队'],
    );
    assert.deepEqual(units.firstLevelUnits.map((unit) => unit.name).sort(), ['市绿化局', '滨海区城管执法局'].sort());
  });

  it('finds the parent in one column: a unit whose name starts another’s, or an organisation prefix two names share', () => {
    const units = learnUnits([spell('市环卫处'), spell('市环卫处公厕管理所'), spell('市环卫处（市容监察中队）'), spell('临江市城管局执法一大队'), spell('临江市城管局执法二大队'), spell('火管中队')]);
    const children = units.secondLevelUnits.map((unit) => `${unit.parent}/${unit.name}`).sort();
    assert.deepEqual(children, ['临江市城管局/执法一大队', '临江市城管局/执法二大队', '市环卫处/公厕管理所', '市环卫处/市容监察中队'].sort());
    assert.deepEqual(units.firstLevelUnits.map((unit) => unit.name).sort(), ['临江市城管局', '市环卫处', '火管中队'].sort());
  });

  it('reads a short name that is one parent’s second level as that unit, not a new one', () => {
    const units = learnUnits([spell('市政工程处路灯所'), spell('市政工程处维修所'), spell('路灯所', 5)]);
    assert.deepEqual(units.firstLevelUnits.map((unit) => unit.name), ['市政工程处']);
  });

  it('tells counties (县/区/市 bureaus) from city departments, the home city being the 市 most units share', () => {
    const home = '临江市';
    assert.equal(groupOfUnit('渠县综合行政执法局', home), '县市区');
    assert.equal(groupOfUnit('达川区城管执法大队', home), '县市区');
    assert.equal(groupOfUnit('万源市综合行政执法局', home), '县市区');
    assert.equal(groupOfUnit('临江市城管局', home), '市局');
    assert.equal(groupOfUnit('市政工程处', home), '市局');
    assert.equal(groupOfUnit('市场监督管理局', home), '市局');
    assert.equal(groupOfUnit('城区管理处', home), '市局');
    assert.equal(groupOfUnit('火管中队', home), '市局');
    const units = learnUnits([spell('临江市城管局'), spell('临江市环卫处'), spell('云岭市综合行政执法局'), spell('东湖区城管局')]);
    assert.deepEqual(
      units.firstLevelUnits.filter((unit) => unit.group === '县市区').map((unit) => unit.name).sort(),
      ['东湖区城管局', '云岭市综合行政执法局'].sort(),
    );
  });

  it('fits the 12345 spellings to the case units: a start before a unique second level, a leading 市, else a unit of its own', () => {
    const units = learnUnits([spell('市城管执法直属一大队三中队'), spell('市城管执法直属一大队四中队'), spell('火管中队')]);
    const fitted = fitHotlineUnits(units, [spell('执法直属一大队三中队', 4), spell('市火管中队', 2), spell('中石油天然气公司')]);
    const first = (name: string) => fitted.firstLevelUnits.find((unit) => unit.name === name);
    assert.equal(first('市城管执法直属一大队')?.hotlineName, '执法直属一大队');
    assert.equal(first('火管中队')?.hotlineName, '市火管中队');
    assert.equal(first('中石油天然气公司')?.group, '其他');
  });
});

describe('proposeSettings', () => {
  it('takes the reference preset for the reference city’s data', () => {
    const proposal = propose([caseSheet([closedCase(), closedCase({ 处置部门: '市环卫处（公厕管理所）' }), closedCase({ 处置部门: '达川区' })])]);
    assert.equal(proposal.summary.kind, 'preset');
    assert.equal(proposal.settings.firstLevelUnits, referencePreset.firstLevelUnits);
  });

  it('learns instead when most cases name units the presets do not know', () => {
    const proposal = propose([caseSheet([closedCase({ 处置部门: '江北区城管局' }), closedCase({ 处置部门: '江北区城管局' }), closedCase()])]);
    assert.equal(proposal.summary.kind, 'learned');
    assert.deepEqual(proposal.settings.firstLevelUnits.map((unit) => unit.name).sort(), ['一中队', '江北区城管局'].sort());
    assert.match(proposal.summary.lines.join('\n'), /县市区 1 个（江北区城管局）/);
  });

  it('learns the sources in order of use, a self-disposal source by its name, and the 大类 with their problem type (the column’s, else the standard’s)', () => {
    const rows = [
      closedCase({ 问题来源: '网格员上报', 处置部门: '江北区城管局' }),
      closedCase({ 问题来源: '网格员上报', 处置部门: '江北区城管局' }),
      closedCase({ 问题来源: '网格自治', 处置部门: '江北区城管局', 问题类型: '', 小类: '污水井盖', 大类: '公用设施' }),
      closedCase({ 问题来源: '网格员上报', 处置部门: '江北区城管局', 问题类型: '', 小类: '暴露垃圾', 大类: '市容环境' }),
    ].map((row) => ({ 大类: '街面秩序', ...row }));
    const proposal = propose([caseSheet(rows, { headers: [...caseHeaders, '大类'] })]);
    assert.deepEqual(
      proposal.settings.mainTypes.map((mainType) => [mainType.name, mainType.kind]),
      [
        ['街面秩序', '事件'],
        ['公用设施', '部件'],
        ['市容环境', '事件'],
      ],
    );
    assert.deepEqual(
      proposal.settings.sources.map((source) => [source.name, source.selfDisposal]),
      [
        ['网格员上报', false],
        ['网格自治', true],
      ],
    );
  });

  it('learns the units of a workbook with only a 12345 sheet from its 承办单位, and its 小区 from 小区点位', () => {
    const base = orderSheet([order({ 承办单位: '望湖街道办事处' }), order({ 承办单位: '区城管执法局' })]);
    const sheet: RawSheet = { ...base, rows: base.rows.map((row, index) => [...row, index === 0 ? '' : index === 1 ? '小区点位' : index === 2 ? '翠湖花园' : '金桂园']) };
    const proposal = propose([sheet]);
    assert.deepEqual(proposal.settings.firstLevelUnits.map((unit) => unit.name).sort(), ['区城管执法局', '望湖街道办事处'].sort());
    assert.deepEqual([...proposal.settings.knownCommunities].sort(), ['翠湖花园', '金桂园'].sort());
  });

  it('gives a first build in a new city its own units in every table, and none of the reference city', () => {
    const result = buildMonthlyReport([caseSheet([closedCase({ 处置部门: '江北区城管局' }), closedCase({ 处置部门: '江北区城管局' }), closedCase({ 处置部门: '市园林局' })])], { period: '2021-09', builtAt: '2021-10-11 09:00' });
    const names = result.reportSheets.flatMap((grid) => grid.cells.flatMap((row) => row.map((cell) => String(cell?.value ?? ''))));
    assert.ok(names.includes('江北区城管局') && names.includes('市园林局'));
    assert.ok(!names.some((name) => name === '市城管执法直属一大队' || name === '达川区城管执法大队'));
    assert.ok(!result.warnings.some((warning) => warning.kind === 'unknownUnit'));
  });
});
