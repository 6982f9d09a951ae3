/**
 * Small inline 12345 sheets for core tests: rows given as partial objects keyed by header text.
 */
import type { CellValue, RawSheet } from '../../src/core/index.ts';

export const orderHeaders = ['工单编号', '受理时间', '诉求人', '来电号码', '诉求内容', '诉求地址', '一级分类', '二级分类', '三级分类', '承办单位', '办理状态', '办理时限', '办结时间', '回退次数', '重复工单码'] as const;

export type OrderRow = Partial<Record<(typeof orderHeaders)[number], CellValue>>;

let nextId = 1;

/** A done 12345 order of 三中队 received on 2021-09-10, with `overrides` applied. */
export function order(overrides: OrderRow = {}): OrderRow {
  return {
    工单编号: `SZ2109${String(nextId++).padStart(6, '0')}`,
    受理时间: '2021-09-10 09:00',
    诉求人: '王建国',
    来电号码: '13912345678',
    诉求内容: '反映门口有人占道经营，请处理。',
    诉求地址: '通川区朝阳东路88号',
    一级分类: '城乡建设',
    二级分类: '城市管理',
    三级分类: '占道经营',
    承办单位: '执法直属一大队三中队',
    办理状态: '已办结',
    办理时限: '2021-09-15 18:00',
    办结时间: '2021-09-12 10:00',
    回退次数: 0,
    ...overrides,
  };
}

export function orderSheet(rows: readonly OrderRow[], name = '12345工单'): RawSheet {
  const headers = [...orderHeaders];
  return { name, rows: [['12345工单明细'], headers, ...rows.map((row) => headers.map((header) => row[header] ?? null))] };
}
