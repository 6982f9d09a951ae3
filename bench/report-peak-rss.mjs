// Loaded with `node --import` into a process the benchmark times from outside (the command line):
// at exit it writes the process's peak resident memory, in MB, to the file BENCH_PEAK_RSS_FILE names.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_PEAK_RSS_FILE;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS / 1024));
});
