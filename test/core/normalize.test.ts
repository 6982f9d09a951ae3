import assert from 'node:assert/strict';
import fc from 'fast-check';
import { nfkc, normalizeText } from '../../src/core/text/normalize.ts';
import { bigramsOf, diceSimilarity } from '../../src/core/text/similarity.ts';
import { confusableGroups, foldConfusables } from '../../src/core/text/confusables.ts';

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

describe('foldConfusables', () => {
  it('folds each character of a group onto the group’s first, and leaves every other character as it is', () => {
    const groups = confusableGroups;
    const foldsTo = new Map(groups.flatMap((group) => [...group].slice(1).map((other) => [other, group[0]] as const)));
    const character = fc.oneof(fc.constantFrom(...groups.join('')), exportCharacter, fc.constantFrom('😀', '𠀀'));
    fc.assert(
      fc.property(fc.array(character, { maxLength: 30 }), (chars) => {
        assert.equal(foldConfusables(chars.join('')), chars.map((char) => foldsTo.get(char) ?? char).join(''));
      }),
      { numRuns: 5000 },
    );
    assert.equal(foldConfusables('未设圍擋，私打乱建，阴井盖燥音'), '未设围挡，私打乱建，窨井盖噪音');
  });
});

describe('nfkc and bigramsOf', () => {
  const exportText = fc.array(exportCharacter, { maxLength: 40 }).map((chars) => chars.join(''));

  it('nfkc gives what String.prototype.normalize gives', () => {
    fc.assert(
      fc.property(exportText, (text) => assert.equal(nfkc(text), text.normalize('NFKC'), JSON.stringify(text))),
      { numRuns: 20_000 },
    );
  });

  it('bigramsOf gives the bigrams of the runs of ideographs, one per distinct pair, with the place left out', () => {
    // The bigrams as two-character strings, as the text reads them.
    const reference = (text: string, ignore: readonly string[]) => {
      let cleaned = text.normalize('NFKC');
      for (const word of ignore) if (word) cleaned = cleaned.split(word).join(' ');
      const grams = new Set<string>();
      for (const part of cleaned.replace(/[^\u4e00-\u9fa5]+/g, ' ').split(' ')) for (let at = 0; at + 1 < part.length; at++) grams.add(part.slice(at, at + 2));
      return grams;
    };
    const decoded = (grams: ReadonlySet<number>) => new Set([...grams].map((gram) => String.fromCharCode(0x4e00 + Math.floor(gram / 20_902), 0x4e00 + (gram % 20_902))));
    fc.assert(
      fc.property(exportText, fc.array(fc.constantFrom('幸福花园', 'A区', '花园', ''), { maxLength: 2 }), (text, ignore) => {
        assert.deepEqual(decoded(bigramsOf(text, ignore)), reference(text, ignore));
      }),
      { numRuns: 5000 },
    );
    assert.equal(diceSimilarity(bigramsOf('幸福花园5栋门口垃圾没人清'), bigramsOf('幸福花园门口垃圾无人清理', ['幸福花园'])) > 0.4, true);
  });
});
