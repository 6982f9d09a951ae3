import assert from 'node:assert/strict';
import {
  findStandardSubType,
  standardMainTypes,
  standardRankOfMainType,
  standardRankOfSubType,
  standardSubTypes,
  type StandardKind,
} from '../../src/core/index.ts';

/** Kind first (部件 before 事件), then code: the order both lists promise. */
const orderKey = (entry: { readonly kind: StandardKind; readonly code: string }) => `${entry.kind === '部件' ? 0 : 1}:${entry.code}`;

describe('standard categories (GB/T 30428.2)', () => {
  describe('the data', () => {
    it('lists 大类 of each kind under unique codes, strictly increasing, 部件 before 事件', () => {
      const keys = standardMainTypes.map(orderKey);
      for (let i = 1; i < keys.length; i += 1) assert.ok(keys[i - 1]! < keys[i]!, `${keys[i - 1]} before ${keys[i]}`);
      for (const main of standardMainTypes) assert.match(main.code, /^\d{2}$/, main.name);
      assert.deepEqual(
        standardMainTypes.filter((main) => main.kind === '部件').map((main) => main.name),
        ['公用设施', '道路交通', '市容环境', '园林绿化', '房屋土地', '其他设施', '扩展部件'],
      );
      assert.deepEqual(
        standardMainTypes.filter((main) => main.kind === '事件').map((main) => main.name),
        ['市容环境', '宣传广告', '施工管理', '突发事件', '街面秩序', '扩展事件'],
      );
    });

    it('lists 小类 under unique four-digit codes, strictly increasing, 部件 before 事件', () => {
      const keys = standardSubTypes.map(orderKey);
      for (let i = 1; i < keys.length; i += 1) assert.ok(keys[i - 1]! < keys[i]!, `${keys[i - 1]} before ${keys[i]}`);
      for (const sub of standardSubTypes) assert.match(sub.code, /^\d{4}$/, sub.name);
    });

    it('puts every 小类 under an existing 大类 of the same kind, whose code starts its own', () => {
      for (const sub of standardSubTypes) {
        const main = standardMainTypes.find((candidate) => candidate.kind === sub.kind && candidate.code === sub.mainCode);
        assert.ok(main, `${sub.kind} ${sub.code} ${sub.name}`);
        assert.equal(main.name, sub.mainType, sub.name);
        assert.equal(sub.code.slice(0, 2), sub.mainCode, sub.name);
      }
    });

    it('keeps 小类 names unique within a kind', () => {
      for (const kind of ['部件', '事件'] as const) {
        const names = standardSubTypes.filter((sub) => sub.kind === kind).map((sub) => sub.name);
        assert.equal(new Set(names).size, names.length, kind);
      }
    });

    it('carries well-known 小类 of two 大类 of each kind under the codes the sources agree on', () => {
      const expected: readonly (readonly [StandardKind, string, string, string])[] = [
        ['部件', '公用设施', '0101', '上水井盖'],
        ['部件', '公用设施', '0114', '无主井盖'],
        ['部件', '园林绿化', '0402', '行道树'],
        ['部件', '道路交通', '0205', '过街天桥'],
        ['事件', '市容环境', '0102', '暴露垃圾'],
        ['事件', '市容环境', '0103', '积存垃圾渣土'],
        ['事件', '宣传广告', '0202', '违章张贴悬挂广告牌匾'],
        ['事件', '施工管理', '0301', '施工扰民'],
        ['事件', '街面秩序', '0509', '黑车拉客'],
      ];
      for (const [kind, mainType, code, name] of expected) {
        const found = standardSubTypes.filter((sub) => sub.name === name);
        assert.deepEqual(
          found.map((sub) => [sub.kind, sub.mainType, sub.code]),
          [[kind, mainType, code]],
          name,
        );
      }
    });
  });

  describe('standardRankOfSubType', () => {
    it('orders 小类 names by code within a 大类 and across 大类', () => {
      const names = ['积存垃圾渣土', '上水井盖', '施工扰民', '暴露垃圾', '雨水井盖', '行道树', '黑车拉客'];
      const sorted = [...names].sort((a, b) => standardRankOfSubType(a)! - standardRankOfSubType(b)!);
      assert.deepEqual(sorted, ['上水井盖', '雨水井盖', '行道树', '暴露垃圾', '积存垃圾渣土', '施工扰民', '黑车拉客']);
    });

    it('accepts full-width, spaced and bracket variants of a name', () => {
      const rank = standardRankOfSubType('输油（气）井盖');
      assert.notEqual(rank, null);
      for (const spelling of ['输油(气)井盖', ' 输油 (气) 井盖 ', '输油气井盖']) assert.equal(standardRankOfSubType(spelling), rank, spelling);
      assert.equal(standardRankOfSubType('暴露　垃圾'), standardRankOfSubType('暴露垃圾'));
    });

    it('accepts the other spellings the sources use', () => {
      assert.equal(findStandardSubType('雨水篦子')?.code, '0104');
      assert.equal(findStandardSubType('非法张贴小广告', '事件')?.code, '0201');
    });

    it('narrows by kind and returns null for a name of the other kind', () => {
      assert.notEqual(standardRankOfSubType('上水井盖', '部件'), null);
      assert.equal(standardRankOfSubType('上水井盖', '事件'), null);
      assert.equal(findStandardSubType('暴露垃圾', '事件')?.kind, '事件');
      assert.equal(findStandardSubType('暴露垃圾', '部件'), null);
    });

    it('returns null for unknown or empty names', () => {
      for (const name of ['', '   ', '井盖', '12345热线', '暴露垃圾堆']) {
        assert.equal(standardRankOfSubType(name), null, name);
        assert.equal(findStandardSubType(name), null, name);
      }
    });
  });

  describe('standardRankOfMainType', () => {
    it('orders 大类 by code, all 部件 before all 事件', () => {
      const names: readonly (readonly [string, StandardKind])[] = [
        ['街面秩序', '事件'],
        ['道路交通', '部件'],
        ['市容环境', '事件'],
        ['公用设施', '部件'],
        ['其他设施', '部件'],
        ['宣传广告', '事件'],
      ];
      const sorted = [...names].sort((a, b) => standardRankOfMainType(a[0], a[1])! - standardRankOfMainType(b[0], b[1])!);
      assert.deepEqual(
        sorted.map(([name]) => name),
        ['公用设施', '道路交通', '其他设施', '市容环境', '宣传广告', '街面秩序'],
      );
    });

    it('tells the 部件 市容环境 from the 事件 市容环境, and takes the 部件 one without a kind', () => {
      const component = standardRankOfMainType('市容环境', '部件');
      const event = standardRankOfMainType('市容环境', '事件');
      assert.notEqual(component, null);
      assert.notEqual(event, null);
      assert.ok(component! < event!);
      assert.equal(standardMainTypes[event!]?.kind, '事件');
      assert.equal(standardRankOfMainType('市容环境'), component);
    });

    it('accepts full-width and spaced variants and a trailing 类', () => {
      const rank = standardRankOfMainType('公用设施', '部件');
      for (const spelling of [' 公用设施 ', '公用设施类', '公用　设施', '公共设施']) assert.equal(standardRankOfMainType(spelling, '部件'), rank, spelling);
      assert.equal(standardRankOfMainType('扩展事件类', '事件'), standardMainTypes.findIndex((main) => main.name === '扩展事件'));
    });

    it('returns null for unknown names and for a 大类 of the other kind', () => {
      for (const name of ['', '类', '城市管理', '公用设施问题']) assert.equal(standardRankOfMainType(name), null, name);
      assert.equal(standardRankOfMainType('宣传广告', '部件'), null);
      assert.equal(standardRankOfMainType('园林绿化', '事件'), null);
    });
  });
});
