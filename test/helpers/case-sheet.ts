/**
 * Small inline case sheets for core tests: a header row and rows given as partial objects keyed by
 * header text, so a test says only what matters to it.
 */
import type { CellValue, RawSheet } from '../../src/core/index.ts';

export const caseHeaders = [
  '任务号',
  '问题来源',
  '问题类型',
  '小类',
  '问题描述',
  '地址描述',
  '上报时间',
  '受理时间',
  '立案时间',
  '派遣时间',
  '处置截止时间',
  '处置完成时间',
  '结案时间',
  '当前阶段',
  '处置部门',
  '是否自行处置',
] as const;

export type CaseRow = Partial<Record<(typeof caseHeaders)[number] | string, CellValue>>;

let nextId = 1;

/** A closed, on-time case of 一中队 reported on 2021-09-03, with `overrides` applied. */
export function closedCase(overrides: CaseRow = {}): CaseRow {
  return {
    任务号: `2021090300${String(nextId++).padStart(3, '0')}`,
    问题来源: '巡查上报',
    问题类型: '事件',
    小类: '店外经营',
    上报时间: '2021-09-03 10:22:00',
    受理时间: '2021-09-03 10:30:00',
    立案时间: '2021-09-03 10:40:00',
    派遣时间: '2021-09-03 10:50:00',
    处置截止时间: '2021-09-04 10:50:00',
    处置完成时间: '2021-09-03 15:00:00',
    结案时间: '2021-09-03 16:00:00',
    当前阶段: '结案',
    处置部门: '一中队',
    是否自行处置: '否',
    ...overrides,
  };
}

/** A sheet with a title row above the header row, then the rows. */
export function caseSheet(rows: readonly CaseRow[], options: { name?: string; headers?: readonly string[]; titleRows?: number } = {}): RawSheet {
  const headers = options.headers ?? [...caseHeaders];
  const titles: CellValue[][] = Array.from({ length: options.titleRows ?? 1 }, (_, index) => (index === 0 ? ['数字化城管案件查询结果'] : []));
  return {
    name: options.name ?? '案件列表',
    rows: [...titles, [...headers], ...rows.map((row) => headers.map((header) => row[header] ?? null))],
  };
}
