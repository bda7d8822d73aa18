#!/usr/bin/env node
/**
 * Side-by-side sheets of the notebook's matplotlib figures (left) and ours (right), same size,
 * in figures/compare/<name>.png, with the axes boxes found in both printed as pixel positions.
 * Run after `npm run build` (it reads dist/):
 *
 *   node scripts/compare-figures.mjs [--quick] [--ref DIR] [--out DIR] [name ...]
 *
 * --quick draws the tuning curve with 2000 neurons per δt instead of the default 10000.
 * Slide variants are named as `snn-figs all` names them (e.g. decision-random-walk-10).
 */
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { renderFigure } = await import(join(root, 'dist/render/node-canvas.js'));
const { FIGURES } = await import(join(root, 'dist/figures/registry.js'));
const { parseParams } = await import(join(root, 'dist/options/parse.js'));
const { createCanvas, loadImage } = await import('canvas');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const k = args.indexOf(name);
  if (k < 0) return fallback;
  const value = args[k + 1];
  args.splice(k, 2);
  return value;
};
const quick = args.includes('--quick');
if (quick) args.splice(args.indexOf('--quick'), 1);
const refDir = option('--ref', '/work/shared/reference/brian2-matplotlib');
const outDir = option('--out', join(root, 'figures/compare'));
const names = args;

/** Axes boxes in a PNG: pairs of long dark horizontal runs (spines) with the same extent. */
function findBoxes(image) {
  const c = createCanvas(image.width, image.height);
  const ctx = c.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data, width: W, height: H } = ctx.getImageData(0, 0, image.width, image.height);
  const dark = (x, y) => {
    const i = 4 * (y * W + x);
    return data[i] < 80 && data[i + 1] < 80 && data[i + 2] < 80;
  };
  const runs = [];
  for (let y = 0; y < H; y++) {
    let start = -1;
    for (let x = 0; x <= W; x++) {
      const on = x < W && dark(x, y);
      if (on && start < 0) start = x;
      if (!on && start >= 0) {
        if (x - start > 0.15 * W) runs.push({ y, x0: start, x1: x - 1 });
        start = -1;
      }
    }
  }
  // Consecutive rows with the same extent are one spine; its position is the middle row.
  const spines = [];
  for (const r of runs) {
    const s = spines.find((t) => Math.abs(t.x0 - r.x0) <= 2 && Math.abs(t.x1 - r.x1) <= 2 && r.y - t.yEnd <= 1);
    if (s) s.yEnd = r.y;
    else spines.push({ x0: r.x0, x1: r.x1, yStart: r.y, yEnd: r.y });
  }
  const boxes = [];
  const used = new Set();
  spines.forEach((top, i) => {
    if (used.has(i)) return;
    const j = spines.findIndex((b, k) => k > i && !used.has(k) && Math.abs(b.x0 - top.x0) <= 2 && Math.abs(b.x1 - top.x1) <= 2);
    if (j < 0) return;
    used.add(i).add(j);
    const bottom = spines[j];
    boxes.push({ left: top.x0, right: top.x1 + 1, top: (top.yStart + top.yEnd + 1) / 2, bottom: (bottom.yStart + bottom.yEnd + 1) / 2 });
  });
  return boxes.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A figure and its variants, each as the figure under the variant's name with the options it sets. */
function withVariants(fig) {
  const optionsOf = (args) => Object.fromEntries(args.flatMap((a, k) => (a.startsWith('--') && a !== '--figsize' ? [[a.slice(2), args[k + 1]]] : [])));
  return [{ ...fig, given: {} }, ...(fig.variants ?? []).map((v) => ({ ...fig, name: v.name, given: optionsOf(v.args) }))];
}

mkdirSync(outDir, { recursive: true });
for (const fig of FIGURES.flatMap(withVariants)) {
  if (names.length && !names.includes(fig.name)) continue;
  const given = quick && fig.name === 'tuning-curve' ? { n: '2000' } : fig.given;
  const { params } = parseParams(fig, given);
  const data = await fig.build(params, {});
  const ours = await loadImage(renderFigure(data, 'png', { figsize: fig.figsize, dpi: fig.dpi }));
  const refPath = join(refDir, `${fig.name}.png`);
  const ref = existsSync(refPath) ? await loadImage(refPath) : undefined;
  const W = ours.width;
  const H = ours.height;
  // The reference at its own size: the published (notebook) images are cropped as Jupyter
  // crops them, a few pixels off figsize × dpi, and stretching them would hide that.
  const RW = ref?.width ?? W;
  const gap = 24;
  const head = 48;
  const sheet = createCanvas(RW + gap + W, Math.max(H, ref?.height ?? H) + head);
  const ctx = sheet.getContext('2d');
  ctx.fillStyle = '#e8e8e8';
  ctx.fillRect(0, 0, sheet.width, sheet.height);
  ctx.fillStyle = '#000';
  ctx.font = '28px sans-serif';
  ctx.fillText(`${fig.name}: reference (matplotlib)`, 8, 34);
  ctx.fillText('snn-figs (Chart.js)', RW + gap + 8, 34);
  if (ref) ctx.drawImage(ref, 0, head);
  ctx.drawImage(ours, RW + gap, head);
  const file = join(outDir, `${fig.name}.png`);
  writeFileSync(file, sheet.toBuffer('image/png'));

  const oursBoxes = findBoxes(ours);
  const refBoxes = ref ? findBoxes(ref) : [];
  console.log(`${fig.name} (${W}×${H} px) → ${file}`);
  oursBoxes.forEach((b, k) => {
    const r = refBoxes[k];
    const fmt = (x) => (x === undefined ? '—' : x.toFixed(1).padStart(6));
    const worst = r ? Math.max(...['left', 'right', 'top', 'bottom'].map((e) => Math.abs(b[e] - r[e]))) : NaN;
    console.log(
      `  box ${k}: ours l ${fmt(b.left)} r ${fmt(b.right)} t ${fmt(b.top)} b ${fmt(b.bottom)}` +
        (r
          ? ` | ref l ${fmt(r.left)} r ${fmt(r.right)} t ${fmt(r.top)} b ${fmt(r.bottom)} | worst ${worst.toFixed(1)} px = ${((100 * worst) / W).toFixed(2)} % of width`
          : ' | no reference box'),
    );
  });
}
