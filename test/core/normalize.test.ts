import assert from 'node:assert/strict';
import fc from 'fast-check';
import { normalizeText } from '../../src/core/text/normalize.ts';

/** What normalizeText promises: NFKC, then every kind of whitespace removed. */
const reference = (text: string) => text.normalize('NFKC').replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, '');

/** Characters of exports: CJK, ASCII, full-width forms, CJK punctuation, every kind of space, and ones only NFKC knows (㈱, ﬁ, ①, é as e + ´, half-width katakana, compatibility ideographs). */
const exportCharacter = fc.oneof(
  fc.integer({ min: 0x4e00, max: 0x9fff }),
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0xff00, max: 0xffef }),
  fc.integer({ min: 0x3000, max: 0x303f }),
  fc.constantFrom(0x09, 0x0a, 0x0d, 0x0b, 0x0c, 0xa0, 0x200b, 0xfeff, 0x2002, 0x202f, 0x3231, 0xfb01, 0x2460, 0x301, 0xff76, 0xf900, 0x2f00, 0xe9, 0x1100, 0x3099),
).map((code) => String.fromCharCode(code));

describe('normalizeText', () => {
  it('gives NFKC with every space removed, for any text of export characters', () => {
    fc.assert(
      fc.property(fc.array(exportCharacter, { maxLength: 40 }).map((chars) => chars.join('')), (text) => {
        assert.equal(normalizeText(text), reference(text), JSON.stringify(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('turns full-width letters, digits and punctuation into ASCII and drops spaces of every width', () => {
    assert.equal(normalizeText('市环卫处（公厕管理所）　Ａ区１２号， 第3栋\t'), '市环卫处(公厕管理所)A区12号,第3栋');
    assert.equal(normalizeText('【办结】已结案。'), '【办结】已结案。');
    assert.equal(normalizeText('㈱ﬁ①'), '(株)fi1');
  });
});
