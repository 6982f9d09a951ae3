#!/usr/bin/env node
// Entry point of the command line: runs the TypeScript sources through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

// `case-brief … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
