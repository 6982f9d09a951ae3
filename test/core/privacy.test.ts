/**
 * No personal data out: every form of a citizen's name or number that exports carry is masked in
 * free text, never becomes part of a place name, and appears in no generated cell — checked form by
 * form, then over a generated corpus (random names, numbers and positions in the text).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { buildMonthlyReport, composeBrief, createPlaceFinder, maskPersonalInfo, printedRows, type BuildResult } from '../../src/core/index.ts';
import { briefToDocx } from '../../src/hosts/file/brief-docx.ts';
import { readWorkbook } from '../../src/hosts/file/read-workbook.ts';
import { writeWorkbook } from '../../src/hosts/file/write-workbook.ts';
import { rawSheetToGrid } from '../../src/hosts/file/build-file.ts';
import { order, orderSheet, type OrderRow } from '../helpers/order-sheet.ts';

const builtAt = '2021-10-11 09:00';

/** Every text a build writes: report sheets as printed, the history and the warnings. */
function everythingWritten(result: BuildResult): string {
  const cells = result.sheetsToWrite.flatMap((grid) => printedRows(grid).flat());
  const warnings = result.warnings.flatMap((warning) => [warning.message, warning.action]);
  return [...cells, ...warnings, ...result.summary].join('\n');
}

describe('maskPersonalInfo: every form of personal data', () => {
  const cases: [string, string, ReadonlySet<string>?][] = [
    ['a caller name of five characters from the caller column', '欧阳娜娜娜反映楼下烧烤', new Set(['欧阳娜娜娜'])],
    ['a dotted name from the caller column, whole or in parts', '买买提·艾力说，买买提家门口占道', new Set(['买买提·艾力'])],
    ['a compound surname with a form of address', '欧阳先生反映噪音', undefined],
    ['a name after 我叫', '我叫李秀英，住在江湾城', undefined],
    ['a name after 我是, ending at punctuation', '我是张伟，门口有人占道', undefined],
    ['a name after 姓名：', '姓名：赵丽华，反映垃圾未清运', undefined],
    ['a name after 来电人 of four characters', '来电人：司马相如称工地夜间施工', undefined],
    ['a full-width mobile number', '电话１３６４５６７８９０１，请回电', undefined],
    ['a dotted mobile number', '联系138.1234.5678', undefined],
    ['a mobile number in groups', '手机 138 1234 5678', undefined],
    ['an old 15-digit id-card number', '身份证号513001900101123', undefined],
    ['an 18-digit id-card number ending in X', '身份证51300119900101123X', undefined],
    ['a passport number', '护照E12345678', undefined],
    ['a car plate', '车牌川A12345的车堵路', undefined],
    ['a new-energy plate', '川AD12345长期占道', undefined],
    ['a WeChat id', '微信号：abc_1234x', undefined],
    ['a QQ number', 'QQ 12345678', undefined],
    ['an e-mail address', '邮箱 wang.jian@example.com', undefined],
    ['a bank card in groups of four', '卡号 6222 0212 3456 7890 123', undefined],
    ['a number from the phone column in an odd format', '回拨 0818-2345678 转 8', new Set(['0818-2345678'])],
  ];
  const personalParts: Record<string, readonly string[]> = {
    '欧阳娜娜娜反映楼下烧烤': ['欧阳娜娜娜'],
    '买买提·艾力说，买买提家门口占道': ['买买提', '艾力'],
    '欧阳先生反映噪音': ['欧阳'],
    '我叫李秀英，住在江湾城': ['李秀英'],
    '我是张伟，门口有人占道': ['张伟'],
    '姓名：赵丽华，反映垃圾未清运': ['赵丽华'],
    '来电人：司马相如称工地夜间施工': ['司马相如'],
    '电话１３６４５６７８９０１，请回电': ['１３６４５６７８９０１', '13645678901', '45678901'],
    '联系138.1234.5678': ['1234'],
    '手机 138 1234 5678': ['1234'],
    '身份证号513001900101123': ['513001900101123'],
    '身份证51300119900101123X': ['51300119900101123X'],
    '护照E12345678': ['E12345678'],
    '车牌川A12345的车堵路': ['川A12345'],
    '川AD12345长期占道': ['AD12345'],
    '微信号：abc_1234x': ['abc_1234x'],
    'QQ 12345678': ['12345678'],
    '邮箱 wang.jian@example.com': ['wang.jian', 'example.com'],
    '卡号 6222 0212 3456 7890 123': ['6222', '7890'],
    '回拨 0818-2345678 转 8': ['2345678'],
  };
  for (const [what, text, known] of cases) {
    it(`masks ${what}`, () => {
      const masked = maskPersonalInfo(text, known);
      for (const part of personalParts[text]) assert.ok(!masked.includes(part), `${part} in ${masked}`);
      assert.ok(masked.includes('***') || masked.includes('*'), masked);
    });
  }

  it('keeps the rest of the sentence, its Chinese punctuation and the figures of the complaint', () => {
    assert.equal(maskPersonalInfo('我是张伟，门口有人占道'), '我是***，门口有人占道');
    assert.equal(maskPersonalInfo('海星园1栋3楼4号平台搭建房子，约20平方米'), '海星园1栋3楼4号平台搭建房子，约20平方米');
    assert.equal(maskPersonalInfo('我是小区业主，楼下烧烤'), '我是小区业主，楼下烧烤');
    assert.equal(maskPersonalInfo('2021年9月3日起每晚施工'), '2021年9月3日起每晚施工');
  });
});

describe('places never carry a person', () => {
  it('leaves a caller named in the export out of the 小区 name', () => {
    const find = createPlaceFinder([], { personal: new Set(['向建华']) });
    assert.deepEqual(find('向建华住幸福花园3栋').map((place) => place.name), ['幸福花园']);
  });

  it('leaves a name-like prefix before 住/家/在 out of the 小区 name, with or without the caller column', () => {
    const find = createPlaceFinder([]);
    assert.deepEqual(find('王先生家幸福花园门口占道').map((place) => place.name), ['幸福花园']);
    assert.deepEqual(find('欧阳娜娜住幸福花园').map((place) => place.name), ['幸福花园']);
  });

  it('keeps 小区 whose names start like a surname: 万家花园, 李家坡小区, 王府家园', () => {
    const find = createPlaceFinder([]);
    assert.deepEqual(find('万家花园门口').map((place) => place.name), ['万家花园']);
    assert.deepEqual(find('李家坡小区3栋').map((place) => place.name), ['李家坡小区']);
  });

  it('keeps callers out of 十件事 and 热难点 built from free text', () => {
    const rows: OrderRow[] = [
      order({ 诉求人: '向建华', 诉求内容: '向建华住幸福花园，小区内私搭乱建违章搭建', 三级分类: '违章搭建', 诉求地址: '' }),
      order({ 诉求人: '刘芳', 诉求内容: '王先生家幸福花园旁违章搭建', 三级分类: '违章搭建', 诉求地址: '' }),
      order({ 诉求人: '陈敏', 诉求内容: '幸福花园内有人违章搭建，请处理', 三级分类: '违章搭建', 诉求地址: '' }),
    ];
    const result = buildMonthlyReport([orderSheet(rows)], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt });
    const written = everythingWritten(result);
    assert.ok(written.includes('幸福花园'), 'the 小区 is named');
    for (const name of ['向建华', '刘芳', '陈敏', '王先生']) assert.ok(!written.includes(name), name);
  });
});

describe('privacy in the Word brief', () => {
  it('puts no caller name or number into the .docx made from a built workbook', async () => {
    const callers = ['欧阳娜娜娜', '买买提·艾力', '向建华'];
    const rows: OrderRow[] = callers.flatMap((caller, index) => [
      order({ 诉求人: caller, 来电号码: `1391234567${index}`, 诉求内容: `${caller}住幸福花园3栋，楼下违章搭建，电话１３９１２３４５６７${index}`, 诉求地址: '', 三级分类: '违章搭建' }),
      order({ 诉求人: caller, 诉求内容: `来电人：${caller}称幸福花园3栋违章搭建，微信号：wx_${index}abcde`, 诉求地址: '', 三级分类: '违章搭建' }),
    ]);
    const sheet = orderSheet(rows);
    const built = buildMonthlyReport([sheet], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt });
    const workbook = writeWorkbook(null, [rawSheetToGrid(sheet), ...built.sheetsToWrite]);
    const brief = composeBrief(readWorkbook(workbook, '月报.xlsx'), { period: '2021-09', madeAt: builtAt });
    const files = unzipSync(await briefToDocx(brief.document));
    // Every XML part, and those of the workbooks embedded for the charts' data.
    const parts = Object.entries(files).flatMap(([name, data]) => (name.endsWith('.xlsx') ? Object.entries(unzipSync(data)) : [[name, data] as const]));
    assert.ok(Object.keys(files).some((name) => name.endsWith('.xlsx')), 'the charts carry their workbooks');
    const text = parts.filter(([name]) => name.endsWith('.xml')).map(([, data]) => strFromU8(data)).join('\n');
    assert.ok(text.includes('幸福花园'), 'the brief speaks of the place');
    for (const secret of [...callers, '买买提', '艾力', '13912345670', '13912345671', '１３９１２３４５６７', 'wx_0abcde']) assert.ok(!text.includes(secret), secret);
  });
});

describe('privacy over a generated corpus', () => {
  const surnames = ['王', '李', '张', '刘', '陈', '欧阳', '司马', '诸葛', '向', '覃'];
  const givenChars = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华建国红梅'.split('');
  const name = fc.tuple(fc.constantFrom(...surnames), fc.array(fc.constantFrom(...givenChars), { minLength: 1, maxLength: 3 })).map(([surname, given]) => surname + given.join(''));
  const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((list) => list.join(''));
  const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9)).map(([head, tail]) => head + tail);
  const toFullWidth = (text: string) => text.replace(/[0-9A-Za-z]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
  /** A number in one of the forms exports carry, and the digits that must not survive. */
  const number = fc.oneof(
    mobile.map((value) => ({ text: value, secret: value })),
    mobile.map((value) => ({ text: `${value.slice(0, 3)}.${value.slice(3, 7)}.${value.slice(7)}`, secret: value.slice(3, 7) + value.slice(7) })),
    mobile.map((value) => ({ text: toFullWidth(value), secret: value })),
    mobile.map((value) => ({ text: `${value.slice(0, 3)} ${value.slice(3, 7)} ${value.slice(7)}`, secret: value.slice(7) + '|' + value.slice(3, 7) })),
    digits(15).map((value) => ({ text: value, secret: value })),
    digits(17).map((value) => ({ text: `${value}X`, secret: value })),
    digits(16).map((value) => ({ text: value.replace(/(\d{4})(?=\d)/g, '$1 '), secret: value.slice(4, 12) })),
    digits(8).map((value) => ({ text: `E${value}`, secret: `E${value}` })),
    digits(5).map((value) => ({ text: `川A${value}`, secret: `A${value}` })),
    digits(8).map((value) => ({ text: `QQ:${value}`, secret: value })),
  );
  const form = fc.oneof(
    name.map((value) => ({ text: `来电人：${value}称`, secrets: [value], caller: '' })),
    name.map((value) => ({ text: `我叫${value}，`, secrets: [value], caller: '' })),
    name.map((value) => ({ text: `我是${value}，`, secrets: [value], caller: '' })),
    name.map((value) => ({ text: `姓名：${value}，`, secrets: [value], caller: '' })),
    fc.constantFrom(...surnames).map((value) => ({ text: `${value}先生反映`, secrets: [`${value}先生`], caller: '' })),
    name.map((value) => ({ text: `${value}住幸福花园`, secrets: [value], caller: value })),
    name.map((value) => ({ text: `${value}说`, secrets: [value], caller: value })),
    number.map((value) => ({ text: `电话${value.text}，`, secrets: value.secret.split('|'), caller: '' })),
  );
  const filler = fc.constantFrom('小区内私搭乱建', '门口有人占道经营', '夜间施工噪音扰民', '楼下烧烤油烟', '幸福花园3栋', '请尽快处理。', '');

  it('puts no generated name or number into any generated cell, warning or summary', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(filler, form, filler), { minLength: 3, maxLength: 12 }), (parts) => {
        const rows: OrderRow[] = parts.map(([before, personal, after]) =>
          order({ 诉求内容: `${before}${personal.text}${after}`, 诉求人: personal.caller || '某某', 诉求地址: '', 三级分类: '违章搭建' }),
        );
        const result = buildMonthlyReport([orderSheet(rows)], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt });
        const written = everythingWritten(result);
        for (const [, personal] of parts) for (const secret of personal.secrets) if (secret.length >= 2 && written.includes(secret)) return false;
        return true;
      }),
      { numRuns: 150, seed: 20211011 },
    );
  });
});
