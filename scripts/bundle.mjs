#!/usr/bin/env node
// Bundles the compiled CLI and the tuning curve's worker (tsc's output in dist/) with esbuild,
// so that a command reads a few files instead of ~120 modules at start-up:
//
//   dist/bundle/main.cjs: the CLI, bin/snn-figs's entry, one script (drawing included: its
//     modules are initialised only when a figure is drawn). canvas stays external (a native
//     addon). A script rather than an ES module because Node 20 can cache V8's compiled code of
//     a script (vm.Script's cachedData) but not of a module: the launcher compiles it with
//     dist/bundle/main.cjs.cache, written here after one drawn figure, and starts ~15 % faster
//     (V8 ignores a cache made by another Node version or for other flags). The cache stays out
//     of the npm tarball (its size); npm's own build (prepare) writes it where it is built.
//   dist/bundle/tuning-curve.js and build-worker.js: the tuning curve's worker and the worker a
//     long simulation runs in (so a signal can stop it), each one self-contained file.
//
// Every output file sits one folder below dist/, like the modules it replaces, so the paths
// those modules resolve against import.meta.url (../../package.json, ../wasm/) still lead to
// the same files. The library (dist/index.js) stays unbundled.
// Without esbuild (a production install has no dev dependencies) it says so and stops without
// failing: bin/snn-figs then runs dist/cli/main.js, the same program.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('bundle: esbuild not installed; bin/snn-figs will load dist/cli/main.js unbundled\n');
  process.exit(0);
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  legalComments: 'inline',
  // Whitespace and syntax only: names stay, so a stack trace still names its functions (dist/
  // holds the same program unminified); about a third less to read and parse at every start.
  minifyWhitespace: true,
  minifySyntax: true,
};

const cli = join(dist, 'cli', 'main.js');
if (!existsSync(cli)) {
  process.stderr.write('bundle: dist/cli/main.js missing (run tsc first)\n');
  process.exit(1);
}
const outdir = join(dist, 'bundle');
rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
  ...common,
  format: 'cjs',
  entryPoints: { main: cli },
  outdir,
  outExtension: { '.js': '.cjs' },
  external: ['canvas'],
  // The launcher runs the script in a function that is given the bundle's URL (for the paths
  // above) and a require; import() of canvas becomes require(), which a script has.
  define: { 'import.meta.url': 'snnFigsUrl' },
  supported: { 'dynamic-import': false },
});

// The workers, each one self-contained file beside the CLI: the pool and the stoppable build
// resolve their worker scripts next to their own modules (./tuning-curve.js, ./build-worker.js),
// and in the bundle those modules are main.cjs here.
await esbuild.build({
  ...common,
  entryPoints: { 'tuning-curve': join(dist, 'workers', 'tuning-curve.js'), 'build-worker': join(dist, 'workers', 'build-worker.js') },
  outdir,
  external: ['canvas'],
});
// The code cache: compiled while drawing a small figure (PNG; JSON where canvas is not built),
// so that it holds the functions a figure's run calls.
const scratch = mkdtempSync(join(tmpdir(), 'snn-figs-bundle-'));
const cache = join(outdir, 'main.cjs.cache');
const launcher = join(root, 'bin', 'snn-figs');
for (const out of ['lif.png', 'lif.json']) {
  const run = spawnSync(process.execPath, [launcher, 'lif', '--quiet', '--out', join(scratch, out)], {
    env: { ...process.env, SNN_FIGS_CODE_CACHE_OUT: cache },
    stdio: 'ignore',
  });
  if (run.status === 0 && existsSync(cache)) break;
}
rmSync(scratch, { recursive: true, force: true });
const cached = existsSync(cache) ? ', dist/bundle/main.cjs.cache' : ' (no code cache: the CLI did not run)';
process.stderr.write(`bundle: dist/bundle/main.cjs${cached}, dist/bundle/tuning-curve.js, dist/bundle/build-worker.js\n`);
