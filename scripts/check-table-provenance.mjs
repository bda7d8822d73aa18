#!/usr/bin/env node
// Checks that the numeric tables of numpy's math in src/ equal the published sources they come from:
//   glibc-constants.ts  Arm's optimized-routines, math/exp_data.c, log_data.c, pow_log_data.c
//   svml.ts             numpy's SVML (Intel), linux/avx512/svml_z0_exp_d_la.s, svml_z0_sin_d_la.s
// Usage: node scripts/check-table-provenance.mjs --optimized-routines DIR --svml DIR
// (DIR: a checkout of github.com/ARM-software/optimized-routines or github.com/numpy/SVML).
// The C tables are compiled with the project's own math_config.h settings (cc or clang) and
// printed field by field as bit patterns, so #if branches and `x * N` are the compiler's; the
// SVML data are the `.long` words of each label's block, paired into doubles.
// Prints what matched and exits 1 on any difference.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { 'optimized-routines': { type: 'string' }, svml: { type: 'string' } } });
if (!args['optimized-routines'] || !args.svml) {
  console.error('usage: node scripts/check-table-provenance.mjs --optimized-routines DIR --svml DIR');
  process.exit(2);
}
const repo = join(import.meta.dirname, '..');
/** A source file by its name, wherever it sits under src/. */
function source(name) {
  const found = readdirSync(join(repo, 'src'), { recursive: true }).filter((p) => p.split(/[\\/]/).pop() === name);
  if (found.length !== 1) throw new Error(`expected one src/**/${name}, found ${found.length}`);
  return readFileSync(join(repo, 'src', found[0]), 'utf8');
}
let failures = 0;
const report = (ok, line) => {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'DIFF'} ${line}`);
};

// ---------------------------------------------------------------- glibc (optimized-routines)

/** Our tables: each `export const NAME: readonly string[] = [ 'hex hex …', … ]` as one list of words. */
function ourTables(text) {
  const tables = {};
  for (const m of text.matchAll(/export const (\w+): readonly string\[\] = \[([\s\S]*?)\];/g))
    tables[m[1]] = [...m[2].matchAll(/'([^']*)'/g)].flatMap((s) => s[1].trim().split(/\s+/));
  return tables;
}

/** The fields of each struct, in the order our tables list them (glibc's struct order). */
const FIELDS = {
  EXP_DATA_BITS: ['__exp_data', ['invln2N', 'negln2hiN', 'negln2loN', 'poly', 'shift', 'exp2_shift', 'exp2_poly', 'tab']],
  LOG_DATA_BITS: ['__log_data', ['ln2hi', 'ln2lo', 'poly', 'poly1', 'tab']],
  POW_LOG_DATA_BITS: ['__pow_log_data', ['ln2hi', 'ln2lo', 'poly', 'tab']],
};

function armTables(dir) {
  const math = join(dir, 'math');
  const work = mkdtempSync(join(tmpdir(), 'table-provenance-'));
  try {
    const print = Object.entries(FIELDS).flatMap(([ours, [struct, fields]]) =>
      fields.map((f) => `  words("${ours} ${f}", &${struct}.${f}, sizeof ${struct}.${f});`),
    );
    const program = [
      '#include <stdio.h>',
      '#include <stdint.h>',
      '#include <string.h>',
      '#include "math_config.h"',
      'static void words(const char *name, const void *p, size_t n) {',
      '  printf("%s", name);',
      '  for (size_t i = 0; i < n / 8; i++) { uint64_t u; memcpy(&u, (const char *)p + 8 * i, 8); printf(" %016llx", (unsigned long long)u); }',
      '  printf("\\n");',
      '}',
      'int main(void) {',
      ...print,
      '  return 0;',
      '}',
    ].join('\n');
    writeFileSync(join(work, 'print.c'), program);
    const cc = process.env.CC ?? 'cc';
    const files = ['exp_data.c', 'log_data.c', 'pow_log_data.c'].map((f) => join(math, f));
    execFileSync(cc, ['-O0', '-I', math, '-I', join(math, 'include'), '-o', join(work, 'print'), join(work, 'print.c'), ...files], { stdio: 'inherit' });
    const tables = {};
    for (const line of execFileSync(join(work, 'print'), { encoding: 'utf8' }).trim().split('\n')) {
      const [ours, field, ...words] = line.split(' ');
      (tables[ours] ??= []).push({ field, words });
    }
    return tables;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const ours = ourTables(source('glibc-constants.ts'));
const arm = armTables(args['optimized-routines']);
for (const [name, [struct, fields]] of Object.entries(FIELDS)) {
  const theirs = arm[name].flatMap((f) => f.words);
  const mine = ours[name] ?? [];
  const first = mine.findIndex((w, i) => w !== theirs[i]);
  const same = mine.length === theirs.length && first < 0;
  report(
    same,
    `${name}: ${mine.length} words; ${struct} {${fields.join(', ')}}: ${theirs.length} words` +
      (same ? ', all equal' : first >= 0 ? `, first difference at word ${first}: ours ${mine[first]}, theirs ${theirs[first]}` : ', lengths differ'),
  );
}

// ---------------------------------------------------------------- SVML (numpy/SVML)

/** Every double in a .s file's data: the `.long` words of each label's block, in pairs. */
function svmlDoubles(path) {
  const doubles = new Set();
  let words = [];
  const flush = () => {
    for (let i = 0; i + 1 < words.length; i += 2) doubles.add(words[i + 1].toString(16).padStart(8, '0') + words[i].toString(16).padStart(8, '0'));
    words = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const long = /^\s*\.long\s+(\S+)/.exec(line);
    if (long) words.push(Number(long[1]) >>> 0);
    else if (/^[\w.$]+:/.test(line)) flush();
  }
  flush();
  return doubles;
}

/** Our constants: every `bits('…')` and quoted 16-digit hex, split at numpyExp's definition. */
function svmlConstants(text) {
  const at = text.indexOf('export function numpyExp');
  const hex = (s) => [...s.matchAll(/'([0-9a-f]{16})'/g)].map((m) => m[1]);
  return { exp: hex(text.slice(0, at)), sin: hex(text.slice(at)) };
}

const constants = svmlConstants(source('svml.ts'));
for (const [fn, file] of [
  ['exp', 'svml_z0_exp_d_la.s'],
  ['sin', 'svml_z0_sin_d_la.s'],
]) {
  const published = svmlDoubles(join(args.svml, 'linux', 'avx512', file));
  const missing = constants[fn].filter((c) => !published.has(c));
  report(
    missing.length === 0 && constants[fn].length > 0,
    `svml.ts ${fn}: ${constants[fn].length} constants, ${constants[fn].length - missing.length} found in ${file}` +
      (missing.length ? ` (missing: ${missing.join(' ')})` : ''),
  );
}

process.exitCode = failures ? 1 : 0;
