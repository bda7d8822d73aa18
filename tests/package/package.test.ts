/**
 * snn-figs as a user gets it: `npm pack` of a copy of the sources (running prepack and prepare
 * as npm does), the tarball installed into an empty project offline from the local npm
 * cache, then the CLI through npx, the README's library example as written, the types,
 * and the one-line remedy when canvas cannot load. The install runs no install scripts: instead
 * of compiling canvas from source again (a minute and a half), it gets the native module that
 * the checkout already built, for the same canvas version and the same Node.js.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..', '..');
const fakeCanvas = join(repo, 'tests', 'helpers', 'fake-canvas.mjs');
/** What the package is built from; everything else in the checkout stays out of the copy. */
const SOURCES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'README.md',
  'LICENSE',
  'THIRD_PARTY_NOTICES',
  'bin',
  'src',
  'scripts/build-wasm.mjs',
  'scripts/build-explore.mjs',
  'scripts/build-man.mjs',
  'scripts/prepare.mjs',
  'scripts/bundle.mjs',
];

interface PackResult {
  filename: string;
  size: number;
  files: { path: string }[];
}

let work: string;
let consumer: string;
let packed: PackResult;

/** Child processes get no npm_* variables from whatever started vitest (npx, make). */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  return { ...env, ...extra };
}

function run(cmd: string, args: string[], cwd: string, extra: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env: cleanEnv(extra), encoding: 'utf8', timeout: 300_000 });
}

function mustRun(cmd: string, args: string[], cwd: string): string {
  const r = run(cmd, args, cwd);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/**
 * The consumer's lock file, from ours: snn-figs from the tarball and our locked production
 * dependencies. With it npm installs from the cache by integrity, without the registry's
 * package documents, which `npm ci` does not keep.
 */
function consumerLock(tarball: string) {
  const lock = JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8'));
  const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
  const spec = `file:${tarball}`;
  const packages: Record<string, unknown> = {
    '': { name: 'consumer', version: '1.0.0', dependencies: { 'snn-figs': spec } },
    'node_modules/snn-figs': { version: pkg.version, resolved: spec, license: pkg.license, dependencies: pkg.dependencies, bin: pkg.bin, engines: pkg.engines },
  };
  for (const [path, entry] of Object.entries<Record<string, unknown>>(lock.packages)) {
    if (path === '' || entry.dev) continue;
    const { devOptional: _, ...kept } = entry;
    packages[path] = kept;
  }
  return { name: 'consumer', version: '1.0.0', lockfileVersion: 3, requires: true, packages };
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'snn-figs-package-'));
  const source = join(work, 'source');
  for (const p of SOURCES) cpSync(join(repo, p), join(source, p), { recursive: true });
  symlinkSync(realpathSync(join(repo, 'node_modules')), join(source, 'node_modules'));
  packed = (JSON.parse(mustRun('npm', ['pack', '--json', '--pack-destination', work], source)) as PackResult[])[0];

  consumer = join(work, 'consumer');
  mkdirSync(consumer);
  const tarball = `../${packed.filename}`;
  // allowScripts as `npm approve-scripts canvas` writes it (the README's advice).
  const manifest = {
    name: 'consumer',
    version: '1.0.0',
    private: true,
    type: 'module',
    dependencies: { 'snn-figs': `file:${tarball}` },
    allowScripts: { canvas: true },
  };
  writeFileSync(join(consumer, 'package.json'), JSON.stringify(manifest, null, 2));
  writeFileSync(join(consumer, 'package-lock.json'), JSON.stringify(consumerLock(tarball), null, 2));
  mustRun('npm', ['ci', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], consumer);
  const canvas = (root: string) => join(root, 'node_modules', 'canvas');
  const version = (root: string) => JSON.parse(readFileSync(join(canvas(root), 'package.json'), 'utf8')).version;
  expect(version(consumer)).toBe(version(repo));
  cpSync(join(canvas(repo), 'build', 'Release', 'canvas.node'), join(canvas(consumer), 'build', 'Release', 'canvas.node'));
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the tarball', () => {
  it('holds the launcher, the build with its types and WebAssembly kernel, README, LICENSE and the third-party notices, and is under 1 MB', () => {
    const files = packed.files.map((f) => f.path);
    for (const f of [
      'package.json',
      'README.md',
      'LICENSE',
      'THIRD_PARTY_NOTICES',
      'bin/snn-figs',
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli/main.js',
      'dist/bundle/main.cjs',
      'dist/bundle/build-worker.js',
      'dist/wasm/noisy-lif.wasm',
      'dist/wasm/numpy-random.wasm',
      'dist/explore/explore.js',
      'dist/man/snn-figs.1',
    ])
      expect(files).toContain(f);
    expect(packed.size).toBeLessThan(1_000_000);
  });

  it('holds no tests, fixtures, snapshots, sources or source maps', () => {
    const stray = packed.files
      .map((f) => f.path)
      .filter((f) => !/^(bin\/|dist\/|package\.json$|README\.md$|LICENSE$|THIRD_PARTY_NOTICES$)/.test(f) || /\.(ts|map)$/.test(f.replace(/\.d\.ts$/, '')));
    expect(stray).toEqual([]);
  });
});

describe('installed from the tarball', () => {
  it('npx snn-figs writes the tuning curve as JSON', () => {
    const r = run('npx', ['snn-figs', 'tuning-curve', '--w', '0.8', '--n', '200', '--out', 't.json'], consumer);
    expect(r.stderr).toBe('wrote t.json\n');
    expect(r.status).toBe(0);
    const data = JSON.parse(readFileSync(join(consumer, 't.json'), 'utf8'));
    expect(data.figure).toBe('tuning-curve');
    expect(data.params).toMatchObject({ w: 0.8, n: 200 });
  });

  it('npx snn-figs draws a PNG with the installed canvas', () => {
    const r = run('npx', ['snn-figs', 'coincidence', '--out', 'c.png'], consumer);
    expect(r.stderr).toBe('wrote c.png\n');
    expect(r.status).toBe(0);
    expect(readFileSync(join(consumer, 'c.png')).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });

  it('compiles the README library example with the README tsconfig (strict) and runs it', { timeout: 180_000 }, () => {
    const readme = readFileSync(join(consumer, 'node_modules', 'snn-figs', 'README.md'), 'utf8');
    const library = readme.slice(readme.indexOf('## Library'));
    const tsconfig = /```json\n([\s\S]*?)```/.exec(library)?.[1];
    const example = /```ts\n([\s\S]*?)```/.exec(library)?.[1];
    expect(example).toBeDefined();
    // What a TypeScript project on Node has besides snn-figs: Node's types (the same version as ours).
    mkdirSync(join(consumer, 'node_modules', '@types'), { recursive: true });
    if (!existsSync(join(consumer, 'node_modules', '@types', 'node')))
      symlinkSync(join(repo, 'node_modules', '@types', 'node'), join(consumer, 'node_modules', '@types', 'node'));
    writeFileSync(join(consumer, 'example.ts'), example!);
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ ...JSON.parse(tsconfig!), files: ['example.ts'] }));
    const compiled = run(process.execPath, [join(repo, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], consumer);
    expect(compiled.stdout + compiled.stderr).toBe('');
    expect(compiled.status).toBe(0);
    const r = run(process.execPath, ['example.js'], consumer);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [names, samples] = r.stdout.trim().split('\n');
    expect(names.split(' ')).toContain('tuning-curve');
    expect(Number(samples)).toBeGreaterThan(1);
    expect(readFileSync(join(consumer, 'tuning.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('installs the man page with the package', () => {
    const page = join(consumer, 'node_modules', 'snn-figs', 'dist', 'man', 'snn-figs.1');
    expect(readFileSync(page, 'utf8')).toMatch(/^\.TH SNN\\-FIGS 1/);
  });

  it('gives TypeScript its types through the exports map', { timeout: 120_000 }, () => {
    const code = [
      "import { buildFigure, renderFigure, figures, InputError, type FigureData, type OutputFormat } from 'snn-figs';",
      'const format: OutputFormat = "svg";',
      "const data: FigureData = await buildFigure(figures[0].name, { tau: '10ms', duration: 0.05 });",
      'const bytes: Uint8Array = await renderFigure(data, format);',
      'export const ok = bytes.length > 0 && InputError.name.length > 0;',
      '// @ts-expect-error: not a format',
      "await renderFigure(data, 'gif');",
    ].join('\n');
    writeFileSync(join(consumer, 'check.ts'), code);
    const tsc = join(repo, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = run(
      process.execPath,
      [tsc, '--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck', 'check.ts'],
      consumer,
    );
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('installed, with canvas unavailable', () => {
  const bin = () => join(consumer, 'node_modules', 'snn-figs', 'bin', 'snn-figs');
  const apt = 'sudo apt-get install -y build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev';

  it('still writes JSON', () => {
    const r = run(process.execPath, ['--import', fakeCanvas, bin(), 'coincidence', '--out', 'nc.json'], consumer, { FAKE_CANVAS: 'unbuilt' });
    expect(r.status).toBe(0);
    expect(existsSync(join(consumer, 'nc.json'))).toBe(true);
  });

  it('says in one line how to approve (where this npm reviews install scripts) and rebuild canvas in this project, and writes nothing', () => {
    const approves = run('npm', ['approve-scripts', '--help'], consumer).status === 0;
    const r = run(process.execPath, ['--import', fakeCanvas, bin(), 'coincidence', '--out', 'nc.png'], consumer, { FAKE_CANVAS: 'unbuilt' });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      `snn-figs: error: cannot draw the PNG: the native module canvas is not built for this Node.js (its install script was not approved, or failed); fix: ${apt} && ${approves ? 'npm approve-scripts canvas && ' : ''}npm rebuild canvas (JSON and CSV work without it)\n`,
    );
    expect(existsSync(join(consumer, 'nc.png'))).toBe(false);
  });
});
