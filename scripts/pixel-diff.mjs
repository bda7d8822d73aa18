#!/usr/bin/env node
/**
 * How far each of our PNGs is from matplotlib's, pixel by pixel: for every PNG in OURS whose
 * name a reference folder also holds (searched recursively), one row with
 *   mad   the mean absolute difference over the image, in levels (0–255), averaged over R, G, B;
 *   >32   the share of pixels where some channel differs by more than 32 levels.
 * Both images are composited on white first (matplotlib's PNGs carry an alpha channel). A pair
 * of different pixel sizes is reported, not compared: render ours at the reference's size.
 *
 *   node scripts/pixel-diff.mjs OURS_DIR REF_DIR [REF_DIR ...]
 *
 * e.g. after `snn-figs all --out-dir /tmp/ours`, against the Brian2/matplotlib re-runs of the
 * course cells. The last row is the mean over the figures compared.
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createCanvas, loadImage } from 'canvas';

const [oursDir, ...refDirs] = process.argv.slice(2);
if (!oursDir || refDirs.length === 0) {
  console.error('usage: node scripts/pixel-diff.mjs OURS_DIR REF_DIR [REF_DIR ...]');
  process.exit(2);
}

/** Every PNG under dir, by file name (the first found wins). */
function pngsUnder(dir, found = new Map()) {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) pngsUnder(path, found);
    else if (entry.endsWith('.png') && !found.has(entry)) found.set(entry, path);
  }
  return found;
}

/** RGB bytes of a PNG composited on white. */
async function rgbOnWhite(path) {
  const image = await loadImage(path);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

function difference(a, b) {
  let sum = 0;
  let far = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const dr = Math.abs(a.data[i] - b.data[i]);
    const dg = Math.abs(a.data[i + 1] - b.data[i + 1]);
    const db = Math.abs(a.data[i + 2] - b.data[i + 2]);
    sum += dr + dg + db;
    if (Math.max(dr, dg, db) > 32) far++;
  }
  const pixels = a.width * a.height;
  return { mad: sum / (3 * pixels), far: far / pixels };
}

const refs = new Map();
for (const dir of refDirs) for (const [name, path] of pngsUnder(dir)) if (!refs.has(name)) refs.set(name, path);

const rows = [];
for (const name of readdirSync(oursDir)
  .filter((f) => f.endsWith('.png'))
  .sort()) {
  const refPath = refs.get(name);
  if (!refPath) continue;
  const [ours, ref] = await Promise.all([rgbOnWhite(join(oursDir, name)), rgbOnWhite(refPath)]);
  const size = `${ours.width}×${ours.height}`;
  if (ours.width !== ref.width || ours.height !== ref.height) {
    rows.push({ name: basename(name, '.png'), size: `${size} ≠ ${ref.width}×${ref.height}` });
    continue;
  }
  rows.push({ name: basename(name, '.png'), size, ...difference(ours, ref) });
}

const compared = rows.filter((r) => r.mad !== undefined);
const pad = Math.max(6, ...rows.map((r) => r.name.length));
console.log(`${'figure'.padEnd(pad)}  ${'pixels'.padEnd(11)}  ${'mad'.padStart(6)}  ${'>32'.padStart(7)}`);
for (const r of rows)
  console.log(
    `${r.name.padEnd(pad)}  ${r.size.padEnd(11)}  ${r.mad === undefined ? '     —' : r.mad.toFixed(2).padStart(6)}  ${r.far === undefined ? '      —' : `${(100 * r.far).toFixed(2)} %`.padStart(7)}`,
  );
if (compared.length) {
  const mean = (k) => compared.reduce((s, r) => s + r[k], 0) / compared.length;
  console.log(
    `${'mean'.padEnd(pad)}  ${`${compared.length} figs`.padEnd(11)}  ${mean('mad').toFixed(2).padStart(6)}  ${`${(100 * mean('far')).toFixed(2)} %`.padStart(7)}`,
  );
}
