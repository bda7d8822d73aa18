// Set-up for every test file: with SNN_FIGS_TEST_CPU=FILE (as `make test` sets it), appends the
// CPU time the file took — its worker's, and its reaped child processes' (the CLI, tsc, chromium)
// — as "path<TAB>seconds" to FILE. On a machine shared with other jobs a file's wall time says
// little; its CPU time is what the suite costs (scripts/test-summary.mjs adds them up).
import { appendFileSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';

const LOG = process.env.SNN_FIGS_TEST_CPU;

/** This process's CPU seconds, all threads, plus those of its children that have exited. */
function cpuSeconds(): number {
  const own = process.cpuUsage();
  // /proc/self/stat after the command name: fields 16 and 17 are cutime and cstime, in ticks of 1/100 s.
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (own.user + own.system) / 1e6 + (Number(fields[13]) + Number(fields[14])) / 100;
}

if (LOG) {
  // From here, before the test file and its modules are loaded (that is part of its cost).
  const start = cpuSeconds();
  let file = '';
  beforeAll(() => {
    file = relative(process.cwd(), expect.getState().testPath ?? '?');
  });
  afterAll(() => appendFileSync(LOG, `${file}\t${(cpuSeconds() - start).toFixed(2)}\n`));
}
