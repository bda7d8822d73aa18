#!/usr/bin/env node
// Bundles the explorer's page script (src/explore/) into dist/explore/explore.js, with the
// WebAssembly kernel and a subset of DejaVu Sans inlined, so that the CLI only inlines files
// into a page. The bundle is one function, snnFigsBundle, that the page also runs in its Web
// Workers (from its own source text: a file:// page can start workers only from blob: URLs).
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import subsetFont from 'subset-font';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'explore');
const require = createRequire(import.meta.url);

/** Every character the figures and the renderer may draw: ASCII, Latin-1, Greek, and what the sources name. */
function glyphs() {
  const chars = new Set();
  const range = (a, b) => {
    for (let c = a; c <= b; c++) chars.add(String.fromCodePoint(c));
  };
  range(0x20, 0x7e);
  range(0xa0, 0xff);
  range(0x391, 0x3c9);
  for (const c of '−×·…‘’“”–—≤≥±∞°µ²³⁻¹⁰') chars.add(c);
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (path.endsWith('.ts')) for (const c of readFileSync(path, 'utf8')) if (c.codePointAt(0) > 0x7e) chars.add(c);
    }
  };
  walk(join(root, 'src', 'render'));
  walk(join(root, 'src', 'figures'));
  return [...chars].join('');
}

async function fonts() {
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const text = glyphs();
  const subset = async (file) => (await subsetFont(readFileSync(join(dir, file)), text, { targetFormat: 'truetype' })).toString('base64');
  return { regular: await subset('DejaVuSans.ttf'), oblique: await subset('DejaVuSans-Oblique.ttf') };
}

function wasm() {
  // Without clang there are no modules: the page then runs the TypeScript (the same numbers).
  const modules = {};
  for (const name of ['noisy-lif', 'numpy-random']) {
    const path = join(root, 'dist', 'wasm', `${name}.wasm`);
    if (existsSync(path)) modules[name] = readFileSync(path).toString('base64');
  }
  return modules;
}

function assets(values) {
  return {
    name: 'assets',
    setup(b) {
      b.onResolve({ filter: /^snn-figs:assets$/ }, () => ({ path: 'assets', namespace: 'snn-figs' }));
      b.onLoad({ filter: /.*/, namespace: 'snn-figs' }, () => ({
        contents: Object.entries(values)
          .map(([k, v]) => `export const ${k} = ${JSON.stringify(v)};`)
          .join('\n'),
        loader: 'js',
      }));
    },
  };
}

const font = await fonts();
const result = await build({
  entryPoints: [join(root, 'src', 'explore', 'main.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'chrome110',
  minify: true,
  legalComments: 'none',
  plugins: [assets({ WASM: wasm(), FONT_REGULAR: font.regular, FONT_OBLIQUE: font.oblique })],
  logLevel: 'warning',
});
const code = result.outputFiles[0].text;
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'explore.js'), `var snnFigsBundle = function () {\n${code}};\nsnnFigsBundle();\n`);
console.error(`explore: dist/explore/explore.js ${(statSync(join(out, 'explore.js')).size / 1024).toFixed(0)} kB`);
