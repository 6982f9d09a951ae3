import assert from 'node:assert/strict';
import { chooseLanguage, dictionaries, type Strings } from '../../src/taskpane/i18n.ts';

/** Every text of a dictionary, with its functions called on sample arguments. */
function allTexts(strings: Strings): string[] {
  const texts: string[] = [];
  const visit = (value: unknown) => {
    if (typeof value === 'string') texts.push(value);
    else if (typeof value === 'function') texts.push(String((value as (...args: unknown[]) => unknown)('案件列表', '案件编号', 1)), String((value as (...args: unknown[]) => unknown)(3, 5, 9)));
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  Object.entries(strings).filter(([key]) => key !== 'language').forEach(([, value]) => visit(value));
  return texts;
}

describe('chooseLanguage', () => {
  it('takes the first usable candidate: English tags give en-US', () => {
    assert.equal(chooseLanguage(['en-US']), 'en-US');
    assert.equal(chooseLanguage(['EN-gb', 'zh-CN']), 'en-US');
    assert.equal(chooseLanguage([undefined, '', 'en']), 'en-US');
  });

  it('gives zh-CN for Chinese, other languages and no candidate at all', () => {
    assert.equal(chooseLanguage(['zh-CN', 'en-US']), 'zh-CN');
    assert.equal(chooseLanguage(['zh-TW']), 'zh-CN');
    assert.equal(chooseLanguage(['fr-FR']), 'zh-CN');
    assert.equal(chooseLanguage([]), 'zh-CN');
    assert.equal(chooseLanguage([null, undefined]), 'zh-CN');
  });

  it('does not read "english" out of a tag that merely starts with the letters', () => {
    assert.equal(chooseLanguage(['eng']), 'zh-CN');
  });
});

describe('dictionaries', () => {
  it('has no English words in the zh-CN pane except product and file-type names', () => {
    const allowed = new Set(['Excel', 'WPS', 'Office', 'Word', 'Windows', 'Mac', 'xlsx', 'xls', 'csv', 'docx']);
    const words = allTexts(dictionaries['zh-CN']).flatMap((text) => text.match(/[A-Za-z]{2,}/g) ?? []);
    assert.deepEqual(words.filter((word) => !allowed.has(word)), []);
  });

  it('gives every en-US text in English', () => {
    for (const text of allTexts(dictionaries['en-US'])) {
      // Sample arguments and sheet names (月报设置) may appear; whatever else there is is English.
      const own = text.replace(/案件列表|案件编号|月报设置/g, '');
      assert.ok(/[A-Za-z]/.test(own) || /^[\s\d.,:;()–…→-]*$/.test(own), text);
    }
  });
});
