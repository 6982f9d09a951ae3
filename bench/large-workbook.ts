/**
 * The big city's month as one export workbook: `cases` synthetic case rows (sheet 案件列表) and
 * `orders` synthetic 12345 orders (sheet 12345工单), written by SheetJS with a shared-string table as
 * Excel and most exporters write them. Deterministic (seeded generators), cached in the system temp
 * folder by size, so the benchmark builds it once. `npx tsx bench/large-workbook.ts [cases] [orders]`
 * prints its path.
 */
import * as XLSX from '@e965/xlsx';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticCaseSheet } from './synthetic-cases.ts';
import { syntheticOrderSheet } from './synthetic-orders.ts';

/** Bumped whenever the generators change, so that a stale cached file is not measured. */
const generation = 1;

/** The workbook's bytes (not cached). */
export function largeWorkbookBytes(cases: number, orders: number): Uint8Array {
  const workbook = XLSX.utils.book_new();
  for (const sheet of [syntheticCaseSheet(cases), ...(orders > 0 ? [syntheticOrderSheet(orders)] : [])]) {
    XLSX.utils.book_append_sheet(workbook, XLSX.utils.aoa_to_sheet(sheet.rows as unknown[][], { dense: true } as XLSX.AOA2SheetOpts), sheet.name);
  }
  // SheetJS's own deflate packs about 3:1; Excel and zlib-based exporters about 10:1, so the parts are
  // deflated again at zlib's default level, as a real export would be.
  const parts = unzipSync(new Uint8Array(XLSX.write(workbook, { type: 'array', bookType: 'xlsx', bookSST: true, compression: true }) as ArrayBuffer));
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, [data, { level: 6 }]])) as Zippable);
}

/** Path of the cached workbook of that size, written first when missing. */
export function largeWorkbookPath(cases = 200_000, orders = 50_000): string {
  const path = join(tmpdir(), `case-brief-bench-g${generation}-${cases}c-${orders}o.xlsx`);
  if (existsSync(path)) return path;
  const partial = `${path}.${process.pid}.part`;
  writeFileSync(partial, largeWorkbookBytes(cases, orders));
  renameSync(partial, path);
  return path;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(largeWorkbookPath(Number(process.argv[2] ?? 200_000), Number(process.argv[3] ?? 50_000)));
}
