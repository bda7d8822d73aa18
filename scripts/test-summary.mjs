#!/usr/bin/env node
// Prints vitest's JSON results as one closing line, "N passed, N failed, N skipped", which CI
// logs and other tools read the same way whatever the test runner. Given the per-file CPU times
// too (tests/cpu-time.ts, `make test`), first the files that cost most and the total, on stderr.
//   node scripts/test-summary.mjs [.vitest-results.json] [.vitest-cpu.tsv]
import { existsSync, readFileSync } from 'node:fs';

const [resultsFile = '.vitest-results.json', cpuFile] = process.argv.slice(2);
const results = JSON.parse(readFileSync(resultsFile, 'utf8'));

if (cpuFile && existsSync(cpuFile)) {
  const files = readFileSync(cpuFile, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .map(([file, seconds]) => ({ file, seconds: Number(seconds) }))
    .sort((a, b) => b.seconds - a.seconds);
  const wall = (f) => {
    const r = results.testResults.find((t) => t.name.endsWith(`/${f}`));
    return r ? `${((r.endTime - r.startTime) / 1000).toFixed(1)} s wall` : '';
  };
  const total = files.reduce((s, f) => s + f.seconds, 0);
  const lines = files.slice(0, 10).map((f) => `  ${f.seconds.toFixed(1).padStart(6)} s CPU  ${wall(f.file).padStart(12)}  ${f.file}`);
  process.stderr.write(
    `test files by CPU time (with their child processes):\n${lines.join('\n')}\n  ${total.toFixed(1).padStart(6)} s CPU in all ${files.length} files\n`,
  );
}

const skipped = results.numPendingTests + (results.numTodoTests ?? 0);
console.log(`${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = results.numFailedTests > 0 || results.numTotalTests === 0 ? 1 : 0;
