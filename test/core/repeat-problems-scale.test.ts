/**
 * Repeat problems in a large block: thousands of complaints about one 小区 (one unit, one place, one
 * category) are grouped by building without comparing every pair, and a group still never holds two
 * buildings.
 */
import assert from 'node:assert/strict';
import { buildMonthlyReport, createPlaceFinder } from '../../src/core/index.ts';
import { order, orderSheet } from '../helpers/order-sheet.ts';

describe('repeat problems in a block of thousands of orders', () => {
  const buildings = 12;
  const perBuilding = 250;
  const rows = Array.from({ length: buildings * perBuilding }, (_, index) => {
    const building = (index % buildings) + 1;
    return order({ 诉求内容: `幸福花园${building}栋楼下夜间烧烤油烟扰民`, 诉求地址: `通川区幸福花园${building}栋`, 三级分类: '油烟', 受理时间: `2021-09-${String(1 + (index % 28)).padStart(2, '0')} 09:00` });
  });
  const withoutNumber = Array.from({ length: 40 }, () => order({ 诉求内容: '幸福花园楼下夜间烧烤油烟扰民', 诉求地址: '通川区幸福花园', 三级分类: '油烟' }));
  const result = buildMonthlyReport([orderSheet([...rows, ...withoutNumber])], { period: '2021-09', asOf: '2021-10-08 17:30', builtAt: '2021-10-11 09:00' });
  const groups = result.hotline?.repeatGroups ?? [];
  const numberOf = createPlaceFinder([]);

  it('finds one group per building', () => {
    assert.equal(groups.length, buildings);
    const sizes = groups.map((group) => group.orders.filter((member) => numberOf(member.address)[0]?.number.length).length);
    assert.deepEqual(sizes, Array.from({ length: buildings }, () => perBuilding));
  });

  it('never puts two buildings in one group, and lets orders without a number join one', () => {
    for (const group of groups) {
      const numbers = new Set(group.orders.map((member) => numberOf(member.address)[0]?.number.join('-')).filter(Boolean));
      assert.equal(numbers.size, 1, [...numbers].join(' '));
    }
    assert.equal(groups.reduce((sum, group) => sum + group.orders.length, 0), buildings * perBuilding + withoutNumber.length);
  });
});
