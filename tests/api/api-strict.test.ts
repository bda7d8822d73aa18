/**
 * The README's library example in a fresh TypeScript consumer: its package.json says
 * "type": "module", its tsconfig.json is the one the README shows (strict), snn-figs resolves
 * to this package's build (dist/, as installed). The example compiles and runs; a misspelt
 * figure or parameter, a wrong choice and an un-narrowed mark do not compile.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(repo, 'README.md'), 'utf8');
const library = readme.slice(readme.indexOf('## Library'));
const tsconfig = /```json\n([\s\S]*?)```/.exec(library)?.[1];
const example = /```ts\n([\s\S]*?)```/.exec(library)?.[1];
const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
let consumer: string;

/** tsc's diagnostics lines for one file of the consumer. */
const errorsIn = (file: string) => compiled.out.split('\n').filter((l) => l.startsWith(`${file}(`));
let compiled: { status: number | null; out: string };

// A misspelt figure or parameter, a wrong choice or list, an un-narrowed mark: each wrong line in
// a block of its own, reported at its line; then the right names and kinds.
const wrong: [string, RegExp][] = [
  ["await buildFigure('lfi');", /TS2345: Argument of type '"lfi"' is not assignable/],
  ["await buildFigure('tuning-curve', { tua: 1 });", /TS2353: Object literal may only specify known properties, and 'tua' does not exist/],
  ["await buildFigure('stp', { method: 'rk5' });", /TS2322: Type '"rk5"' is not assignable/],
  ["await buildFigure('stp', { 'dep-u': [0.1, 0.2] });", /TS2322/],
  ["const d = await buildFigure('lif'); d.panels[0].marks[0].y;", /TS2339: Property 'y' does not exist on type/],
];
const right = [
  "const name: FigureName = 'stp';",
  "const params: ParamsOf<'stp'> = { depU: 0.6, 'dep-tau-f': '50ms', spikes: [0.05, '100ms'], method: 'euler', panels: 'ux' };",
  'const data = await buildFigure(name, params);',
  "const forms = await buildFigure('psp-forms', { forms: ['exponential', 'alpha'], tau: 0.01 });",
  "export const ok: string = data.figure + forms.panels.map((p) => p.marks.map((m) => (m.kind === 'plot' ? m.y.length : 0))).join();",
];
const typed = ["import { buildFigure, type FigureName, type ParamsOf } from 'snn-figs';", ...wrong.map(([line]) => `{ ${line} }`), ...right];

beforeAll(() => {
  consumer = mkdtempSync(join(tmpdir(), 'snn-figs-consumer-'));
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  mkdirSync(join(consumer, 'node_modules', '@types'), { recursive: true });
  symlinkSync(repo, join(consumer, 'node_modules', 'snn-figs'));
  symlinkSync(join(repo, 'node_modules', '@types', 'node'), join(consumer, 'node_modules', '@types', 'node'));
  // One compilation of both files (tsc is slow); each file's diagnostics are told apart by name,
  // and the example is emitted whatever the other file's errors.
  writeFileSync(join(consumer, 'example.ts'), example!);
  writeFileSync(join(consumer, 'typed.ts'), typed.join('\n') + '\n');
  writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ ...JSON.parse(tsconfig!), files: ['example.ts', 'typed.ts'] }));
  const r = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: consumer, encoding: 'utf8' });
  compiled = { status: r.status, out: r.stdout + r.stderr };
}, 120_000);

describe("the README's library example under tsc --strict", () => {
  it('the README shows a strict tsconfig and a TypeScript example', () => {
    expect(JSON.parse(tsconfig!)).toMatchObject({ compilerOptions: { strict: true, module: 'nodenext' } });
    expect(example).toContain("from 'snn-figs'");
  });

  it('compiles and runs as written', { timeout: 120_000 }, () => {
    // tsc printed nothing but the other file's errors (each an error line and its continuations).
    expect(errorsIn('example.ts')).toEqual([]);
    expect(compiled.out.split('\n').filter((l) => /^\S/.test(l) && !l.startsWith('typed.ts('))).toEqual([]);
    const run = spawnSync(process.execPath, ['example.js'], { cwd: consumer, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [names, samples] = run.stdout.trim().split('\n');
    expect(names.split(' ')).toContain('tuning-curve');
    expect(Number(samples)).toBeGreaterThan(1);
    expect(readFileSync(join(consumer, 'tuning.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('a misspelt figure or parameter, a wrong choice or list, an un-narrowed mark do not compile; the right names and kinds do', () => {
    const errors = errorsIn('typed.ts').filter((l) => /^typed\.ts\(\d+,\d+\): error/.test(l));
    const lineOf = (e: string) => Number(/^typed\.ts\((\d+),/.exec(e)![1]);
    expect(compiled.status).not.toBe(0);
    expect(new Set(errors.map(lineOf))).toEqual(new Set(wrong.map((_, k) => k + 2)));
    wrong.forEach(([line, message], k) => expect(errors.filter((e) => lineOf(e) === k + 2).join('\n'), line).toMatch(message));
  });
});
