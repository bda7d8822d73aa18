#!/usr/bin/env node
/**
 * The look's measures of issue 16, ours beside matplotlib's, from PNG files:
 *
 *   node scripts/look-measures.mjs [--ours DIR] [--rerun DIR] [--published DIR]
 *
 * --ours: our PNGs (default figures/); --rerun: the Brian2/matplotlib re-runs at full figsize ×
 * dpi, one folder per week (week1/…; NAME-tight.png where there is one: the canvas cuts those); --published: the notebooks' own images, cropped as Jupyter
 * crops them (week1/…). Grey = mean of R, G, B over white.
 *
 * - reliable-spike-timing (and -non-leaky), the top panels of 25 faint traces: darkest grey,
 *   mean grey and share of dark pixels (grey < 100) inside each panel's inked box;
 * - analogue-vs-digital: rows between the suptitle's ink and the column titles' ink;
 * - decision-random-walk (all five): width of the axhline through the strip of L/R boxes, as
 *   the ink (sum of 1 − grey/255) down a column where only the line is, median over columns;
 * - hodgkin-huxley: the axes box (spines) — height, width and margins.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from 'canvas';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const k = args.indexOf(name);
  return k < 0 ? fallback : args[k + 1];
};
const ours = option('--ours', 'figures');
const reference = option('--reference', '../shared/reference');
const rerun = join(reference, 'course-brian2');
const published = join(reference, 'course-notebook');

async function greyOf(file) {
  const image = await loadImage(file);
  const c = createCanvas(image.width, image.height);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  const { data } = ctx.getImageData(0, 0, image.width, image.height);
  const g = new Float64Array(image.width * image.height);
  for (let i = 0; i < g.length; i++) g[i] = (data[4 * i] + data[4 * i + 1] + data[4 * i + 2]) / 3;
  return { W: image.width, H: image.height, at: (x, y) => g[y * image.width + x] };
}

/** The box of pixels darker than `level` in a region. */
function inkBox(img, x0, y0, x1, y1, level = 250) {
  let l = Infinity,
    t = Infinity,
    r = -1,
    b = -1;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++)
      if (img.at(x, y) < level) {
        l = Math.min(l, x);
        r = Math.max(r, x);
        t = Math.min(t, y);
        b = Math.max(b, y);
      }
  return r < 0 ? undefined : { l, t, r: r + 1, b: b + 1 };
}

/** Top panels: the region above the first blank row band below the traces (y < 0.317 H), split in halves. */
function tracePanels(img) {
  const y1 = Math.round(0.317 * img.H);
  return [
    ['left', inkBox(img, 0, 0, img.W >> 1, y1)],
    ['right', inkBox(img, img.W >> 1, 0, img.W, y1)],
  ].map(([side, box]) => {
    let min = 255,
      sum = 0,
      dark = 0,
      n = 0;
    for (let y = box.t; y < box.b; y++)
      for (let x = box.l; x < box.r; x++) {
        const v = img.at(x, y);
        min = Math.min(min, v);
        sum += v;
        if (v < 100) dark++;
        n++;
      }
    return `${side}: darkest ${min.toFixed(0)}, mean ${(sum / n).toFixed(1)}, dark ${((100 * dark) / n).toFixed(1)} %`;
  });
}

/** Bands of rows holding ink (grey < 200) from the top; the gap between the first two. */
function titleGap(img) {
  const bands = [];
  let start = -1;
  for (let y = 0; y <= img.H && bands.length < 2; y++) {
    let ink = false;
    if (y < img.H) for (let x = 0; x < img.W && !ink; x++) ink = img.at(x, y) < 200;
    if (ink && start < 0) start = y;
    if (!ink && start >= 0) {
      bands.push([start, y - 1]);
      start = -1;
    }
  }
  return `suptitle rows ${bands[0][0]}–${bands[0][1]}, column titles from ${bands[1][0]}: gap ${bands[1][0] - bands[0][1] - 1} px`;
}

/**
 * The strip's axhline: the row between 0.17 and 0.33 of the height with the most dark pixels that have white 12
 * rows above and below (the line between boxes; text strokes have more text near them); its
 * width down each such column, median over the columns.
 */
function axhlineWidth(img) {
  const lineOnly = (x, y) => img.at(x, y) < 60 && img.at(x, y - 12) > 240 && img.at(x, y + 12) > 240;
  let lineRow = -1,
    best = 0;
  // Below the title (which ends above 0.17 of the height at the notebook size).
  for (let y = Math.round(0.17 * img.H); y < img.H / 3; y++) {
    let n = 0;
    for (let x = 0; x < img.W; x++) if (lineOnly(x, y)) n++;
    if (n > best) [best, lineRow] = [n, y];
  }
  const widths = [];
  for (let x = 0; x < img.W; x++) {
    if (!lineOnly(x, lineRow)) continue;
    let ink = 0;
    for (let y = lineRow - 11; y <= lineRow + 11; y++) ink += 1 - img.at(x, y) / 255;
    widths.push(ink);
  }
  widths.sort((a, b) => a - b);
  return widths.length ? `line at row ${lineRow}: ${widths[widths.length >> 1].toFixed(2)} px wide (median of ${widths.length} columns)` : 'no line';
}

/** The axes box: the longest dark row and column runs (spines); centres of the spine strokes. */
function axesBox(img) {
  const rows = [];
  for (let y = 0; y < img.H; y++) {
    let n = 0;
    for (let x = 0; x < img.W; x++) if (img.at(x, y) < 80) n++;
    if (n > 0.5 * img.W) rows.push(y);
  }
  const cols = [];
  for (let x = 0; x < img.W; x++) {
    let n = 0;
    for (let y = 0; y < img.H; y++) if (img.at(x, y) < 80) n++;
    if (n > 0.5 * img.H) cols.push(x);
  }
  const groups = (v) => v.reduce((g, p) => (g.length && p - g.at(-1).at(-1) <= 1 ? g.at(-1).push(p) : g.push([p]), g), []);
  const mid = (g) => (g[0] + g.at(-1) + 1) / 2;
  const [top, bottom] = [groups(rows)[0], groups(rows).at(-1)].map(mid);
  const [left, right] = [groups(cols)[0], groups(cols).at(-1)].map(mid);
  return `box ${right - left} × ${bottom - top} px; margins left ${left}, top ${top}, right ${img.W - right}, bottom ${img.H - bottom} (canvas ${img.W} × ${img.H})`;
}

const FIGURES = [
  ['reliable-spike-timing', 'week1', tracePanels],
  ['reliable-spike-timing-non-leaky', 'week1', tracePanels],
  ['analogue-vs-digital', 'week9', titleGap],
  ...['decision-random-walk', 'decision-random-walk-10', 'decision-random-walk-30', 'decision-random-walk-100', 'decision-random-walk-1000'].map((n) => [
    n,
    'week7',
    axhlineWidth,
  ]),
  ['hodgkin-huxley', 'week1', axesBox],
];

for (const [name, week, measure] of FIGURES) {
  console.log(name);
  // The default walk is the 10-point one under its own name.
  const refName = name === 'decision-random-walk' ? 'decision-random-walk-10' : name;
  // Where the canvas loses part of the drawing, the re-run cropped as Jupyter crops.
  const tight = join(rerun, week, `${refName}-tight.png`);
  const files = [
    ['ours', join(ours, `${name}.png`)],
    ['re-run', existsSync(tight) ? tight : join(rerun, week, `${refName}.png`)],
    ['published', join(published, week, `${refName}.png`)],
  ];
  for (const [who, file] of files) {
    if (!existsSync(file)) continue;
    const out = [measure(await greyOf(file))].flat();
    console.log(`  ${who.padEnd(9)} ${out.join('; ')}`);
  }
}
