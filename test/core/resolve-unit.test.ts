import assert from 'node:assert/strict';
import { createUnitResolver, referencePreset, type Settings } from '../../src/core/index.ts';

describe('createUnitResolver', () => {
  const resolve = createUnitResolver(referencePreset);
  const key = (spelling: string) => {
    const unit = resolve(spelling);
    return unit ? `${unit.level1}/${unit.level2 ?? ''}${unit.known ? '' : '?'}` : null;
  };

  it('matches short, long and alias spellings of one unit', () => {
    for (const spelling of ['一中队', '市城管执法直属一大队一中队', '执法直属一大队一中队', ' 一中队 ', '一大队一中队']) {
      assert.equal(key(spelling), '市城管执法直属一大队/一中队', spelling);
    }
  });

  it('matches full-width brackets around the second level', () => {
    assert.equal(key('市环卫处（公厕管理所）'), '市环卫处/公厕管理所');
  });

  it('matches the two systems\' spellings of a unit', () => {
    assert.equal(key('火管中队'), '火管中队/');
    assert.equal(key('市火管中队'), '火管中队/');
  });

  it('reads a first-level name alone as the first-level unit as a whole', () => {
    assert.equal(key('市政工程处'), '市政工程处/');
    assert.equal(key('执法直属一大队'), '市城管执法直属一大队/');
  });

  it('does not take a second-level name shared by two first levels on its own', () => {
    const settings: Settings = {
      ...referencePreset,
      secondLevelUnits: [...referencePreset.secondLevelUnits, { parent: '市城管直属二大队', name: '一中队', aliases: [] }],
    };
    const shared = createUnitResolver(settings);
    assert.equal(shared('一中队')?.known, false);
    assert.equal(shared('二大队一中队')?.level1, '市城管直属二大队');
  });

  it('marks an unknown spelling unknown and keeps it as spelled', () => {
    assert.equal(key('市园林局'), '市园林局/?');
  });

  it('returns null for a blank unit', () => {
    assert.equal(resolve('  '), null);
  });
});
