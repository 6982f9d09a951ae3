import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { buildMonthlyReport } from '../src/core/index.ts';
import { readWorkbook } from '../src/hosts/file/read-workbook.ts';
const path = process.argv[2];
const sheet = readWorkbook(new Uint8Array(readFileSync(path)), path).find((c) => c.name === '案件列表')!;
const withSettings = process.argv[3] === 'settings';
let extra: any[] = [];
if (withSettings) { const r = buildMonthlyReport([sheet], { period: '2021-09', builtAt: '2021-10-11 09:00' }); extra = r.sheetsToWrite.filter(g => g.name === '月报设置').map(g => ({ name: g.name, rows: g.cells.map(row => row.map(c => c ? c.value : null)) })); }
for (let i = 0; i < 2; i++) buildMonthlyReport([sheet, ...extra], { period: '2021-09', builtAt: '2021-10-11 09:00' });
const session = new Session(); session.connect();
await session.post('Profiler.enable'); await session.post('Profiler.start');
const t = performance.now();
for (let i = 0; i < 5; i++) buildMonthlyReport([sheet, ...extra], { period: '2021-09', builtAt: '2021-10-11 09:00' });
console.log('per build', ((performance.now() - t) / 5 / 1000).toFixed(3));
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/prof2/core.cpuprofile', JSON.stringify(profile));
