/**
 * The command line's entry: what `scripts/build-cli.mjs` bundles into `lib/case-brief.js`, which
 * `bin/case-brief.js` loads. Runs `main` on the process's arguments and sets the exit status.
 */
import { main } from './main.ts';

// `case-brief … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2));
