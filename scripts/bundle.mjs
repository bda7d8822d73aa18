#!/usr/bin/env node
// Bundles the compiled CLI and the tuning curve's worker (tsc's output in dist/) with esbuild,
// so that a command reads a few files instead of ~120 modules at start-up:
//
//   dist/bundle/main.js (+ chunks): the CLI, bin/snn-figs's entry. Code that is imported
//     dynamically (the renderer, hence chart.js and node-canvas) goes to chunks loaded only
//     when a figure is drawn. canvas stays external (a native addon).
//   dist/bundle/tuning-curve.js: the tuning curve's worker as one self-contained file (only
//     what a worker runs: the kernel, its model, the pool's worker side).
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

// The worker, one self-contained file beside the CLI's chunks: the pool resolves its worker
// script next to its own module (./tuning-curve.js), and in the bundle that module is a chunk here.
await esbuild.build({ ...common, entryPoints: { 'tuning-curve': join(dist, 'workers', 'tuning-curve.js') }, outdir });
process.stderr.write('bundle: dist/bundle/main.js, dist/bundle/tuning-curve.js\n');
