#!/usr/bin/env node
// Bundles the compiled CLI and the tuning curve's worker (tsc's output in dist/) with esbuild,
// so that a command reads a few files instead of ~120 modules at start-up:
//
//   dist/bundle/main.js (+ chunks): the CLI, bin/snn-figs's entry. Code that is imported
//     dynamically (the renderer, hence chart.js and node-canvas) goes to chunks loaded only
//     when a figure is drawn. canvas stays external (a native addon).
//   dist/bundle/tuning-curve.js and build-worker.js: the tuning curve's worker and the worker a
//     long simulation runs in (so a signal can stop it), each one self-contained file.
//
// Every output file sits one folder below dist/, like the modules it replaces, so the paths
// those modules resolve against import.meta.url (../../package.json, ../wasm/) still lead to
// the same files. The library (dist/index.js) stays unbundled.
// Without esbuild (a production install has no dev dependencies) it says so and stops without
// failing: bin/snn-figs then runs dist/cli/main.js, the same program.
import { existsSync, rmSync } from 'node:fs';
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
  entryPoints: { main: cli },
  outdir,
  splitting: true,
  external: ['canvas'],
  // commander and cli-progress are CommonJS: their require() of Node's modules needs a require.
  banner: { js: "import { createRequire as snnFigsCreateRequire } from 'node:module';\nconst require = snnFigsCreateRequire(import.meta.url);" },
});

// The workers, each one self-contained file beside the CLI's chunks: the pool and the stoppable
// build resolve their worker scripts next to their own modules (./tuning-curve.js,
// ./build-worker.js), and in the bundle those modules are chunks here.
await esbuild.build({
  ...common,
  entryPoints: { 'tuning-curve': join(dist, 'workers', 'tuning-curve.js'), 'build-worker': join(dist, 'workers', 'build-worker.js') },
  outdir,
  external: ['canvas'],
});
process.stderr.write('bundle: dist/bundle/main.js, dist/bundle/tuning-curve.js, dist/bundle/build-worker.js\n');
