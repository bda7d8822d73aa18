#!/usr/bin/env node
// Builds the WebAssembly kernels from src/wasm/*.c into dist/wasm/ with clang + lld
// (Debian: apt-get install clang lld; scripts/setup.sh installs them). Without a clang that
// can target wasm32 it says so and stops without failing: the TypeScript kernels compute
// the same numbers bit for bit, only slower.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const srcDir = join(root, 'src', 'wasm');
// --out-dir DIR builds elsewhere (tests); the default is where src/io/wasm.ts looks.
const outAt = process.argv.indexOf('--out-dir');
const outDir = outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1] : join(root, 'dist', 'wasm');
const clang = process.env.CLANG ?? 'clang';

const flags = [
  '--target=wasm32',
  '-O3',
  '-msimd128',
  '-ffp-contract=off',
  '-fno-builtin',
  '-nostdlib',
  '-std=c11',
  '-Wall',
  '-Werror',
  '-Wl,--no-entry',
  '-Wl,--export=__heap_base',
  '-Wl,--export-dynamic',
  '-Wl,--strip-all',
];

mkdirSync(outDir, { recursive: true });
for (const file of readdirSync(srcDir).filter((f) => f.endsWith('.c'))) {
  const src = join(srcDir, file);
  const out = join(outDir, file.replace(/\.c$/, '.wasm'));
  try {
    if (statSync(out).mtimeMs >= statSync(src).mtimeMs && statSync(out).mtimeMs >= statSync(fileURLToPath(import.meta.url)).mtimeMs) continue;
  } catch {
    // not built yet
  }
  const tmp = `${out}.tmp`;
  try {
    execFileSync(clang, [...flags, '-o', tmp, src], { stdio: ['ignore', 'inherit', 'pipe'] });
  } catch (e) {
    const why = e.code === 'ENOENT' ? `${clang} not found` : String(e.stderr ?? e.message).trim();
    process.stderr.write(`build-wasm: skipped ${file} (${why}); the TypeScript kernel will be used\n`);
    continue;
  }
  renameSync(tmp, out);
  process.stderr.write(`build-wasm: ${out}\n`);
}
