/**
 * The explorer pages in a real browser (Debian's chromium, driven by playwright-core): every
 * figure and slide variant, loaded from file:// with no request leaving the machine, options set
 * through the controls, the page's data equal to the CLI's JSON byte for byte (the core computes
 * with its own libm, so Chromium's V8 and Node's give the same bits), the CLI's message
 * for an invalid value, the URL hash round trip, the drawing against the CLI's PNG, pins and
 * held axes. Single-figure pages for the figures, the explorer app for the variants.
 *
 * Pixel measure: both images decoded to RGBA; a pixel differs when a channel differs by more
 * than 64 of 255 (text anti-aliasing of Chromium's Skia against Cairo differs by less on most
 * edges); at most 1 % of the pixels may differ, and the images must have the same size.
 */
import { createCanvas, loadImage } from 'canvas';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIGURES } from '../../src/figures/registry.js';
import { launch, watchNetwork, type Page, type Session } from '../helpers/chromium.js';
import { silentStreams } from '../helpers/streams.js';

const CHANNEL_TOLERANCE = 64;
const MAX_DIFFERING = 0.01;

interface Case {
  /** The figure or variant. */
  name: string;
  figure: string;
  /** Options the page starts with (a variant's, or ones that keep a slow figure quick). */
  start: Record<string, string>;
  /** An option moved with its slider (to 70 % of its track). */
  slider: string;
  /** Options typed into their fields (or chosen in their selects). */
  typed: Record<string, string>;
  /** The change made over a pin, where the slider's option does not change what is drawn (default: the slider to 30 %). */
  pinWith?: Record<string, string>;
}

/** Per figure: what to move. The slow figures start smaller (the CLI takes the same options). */
const FIGURE_CASES: Record<string, Omit<Case, 'name' | 'figure'>> = {
  'psp-abstraction': { start: {}, slider: 'tau', typed: { 'tau-x': '5ms', method: 'rk4' } },
  'psp-forms': { start: {}, slider: 'tau2', typed: { tau: '12ms' } },
  stp: { start: {}, slider: 'dep-u', typed: { 'fac-tau-f': '500ms' }, pinWith: { 'fac-u': '0.3', 'dep-u': '0.3' } },
  coincidence: { start: {}, slider: 'tau', typed: { w: '0.5' } },
  'tuning-curve': { start: { n: '300', points: '11' }, slider: 'w', typed: { sigma: '0.4' } },
  population: { start: {}, slider: 'tuning-width', typed: { n: '5' } },
  'biological-neuron': { start: {}, slider: 'we', typed: { el: '-70mV' } },
  'biological-neuron-website': { start: {}, slider: 'taue', typed: { line: '-55mV' } },
  'integrate-and-fire': { start: {}, slider: 'w', typed: { isi: '8ms' } },
  lif: { start: {}, slider: 'tau', typed: { w: '0.7', isi: '12ms' } },
  'reliable-spike-timing': { start: { trials: '5' }, slider: 'sigma', typed: { tau: '12ms' } },
  'reliable-spike-timing-non-leaky': { start: { trials: '5' }, slider: 'gain', typed: { sigma: '0.05' } },
  'lif-synapses': { start: {}, slider: 'tau-i', typed: { gain: '3' } },
  'adaptive-threshold': { start: {}, slider: 'tau-t', typed: { dvt: '0.3' } },
  'hodgkin-huxley': { start: {}, slider: 'current', typed: { vt: '-60mV' } },
  'stdp-latency': { start: {}, slider: 'rate', typed: { seed: '2', rng: 'fast' } },
  'stdp-correlated': { start: { duration: '500ms' }, slider: 'c', typed: { rng: 'fast' } },
  'decision-random-walk': { start: {}, slider: 'bias', typed: { seed: '7' }, pinWith: { 'thresh-frac': '0.5', seed: '8' } },
  'reaction-times': { start: { repeats: '1000' }, slider: 'bias', typed: { seed: '3' } },
  'analogue-vs-digital': { start: {}, slider: 'noise', typed: { bits: '1100' } },
  'spike-vs-rate': { start: {}, slider: 'spikes', typed: { widths: '3,0.5' } },
  'coincidence-rank-code': { start: {}, slider: 'jitter', typed: { seed: '5' } },
};

function variantOptions(args: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let k = 0; k + 1 < args.length; k += 2) out[args[k].replace(/^--/, '')] = args[k + 1];
  return out;
}

const CASES: (Case & { app: boolean })[] = FIGURES.flatMap((f) => {
  const base = FIGURE_CASES[f.name];
  return [
    { name: f.name, figure: f.name, app: false, ...base },
    ...(f.variants ?? []).map((v) => ({ name: v.name, figure: f.name, app: true, ...base, start: { ...base.start, ...variantOptions(v.args) } })),
  ];
});

let session: Session;
let dir: string;

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
  const s = silentStreams();
  const code = await main([...args, '--quiet'], s.io);
  return { code, stderr: s.stderr() };
}

const asArgs = (options: Record<string, string>) => Object.entries(options).flatMap(([k, v]) => [`--${k}`, v]);

async function pixels(png: Buffer) {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return ctx.getImageData(0, 0, image.width, image.height);
}

/** The share of pixels that differ by more than CHANNEL_TOLERANCE in a channel (1 when the sizes differ). */
async function differing(a: Buffer, b: Buffer, tolerance = CHANNEL_TOLERANCE): Promise<number> {
  const [p, q] = await Promise.all([pixels(a), pixels(b)]);
  if (p.width !== q.width || p.height !== q.height) return 1;
  let n = 0;
  for (let k = 0; k < p.data.length; k += 4)
    if (Math.max(Math.abs(p.data[k] - q.data[k]), Math.abs(p.data[k + 1] - q.data[k + 1]), Math.abs(p.data[k + 2] - q.data[k + 2])) > tolerance) n++;
  return n / (p.width * p.height);
}

/** An expression evaluated in the page (a promise is awaited); the tests' TypeScript has no DOM. */
const inPage = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;

async function ready(page: Page): Promise<void> {
  await inPage(page, 'window.snnFigs.ready()');
}

const json = (page: Page) => inPage<string>(page, 'window.snnFigs.json()');

/** The figure as shown, at its own pixel size and on whole pixels (the page may otherwise shrink it to the window). */
async function shot(page: Page): Promise<Buffer> {
  const { width, height } = await inPage<{ width: number; height: number }>(
    page,
    `(() => {
      const c = document.querySelector('canvas.figure');
      const style = Object.assign(document.createElement('style'), { id: 'at-origin' });
      style.textContent = 'canvas.figure { max-width: none !important; position: fixed; left: 0; top: 0; z-index: 10; }';
      document.head.append(style);
      return { width: c.width, height: c.height };
    })()`,
  );
  try {
    return await page.screenshot({ clip: { x: 0, y: 0, width, height } });
  } finally {
    await inPage(page, `document.getElementById('at-origin').remove()`);
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'snn-figs-explore-'));
  expect((await cli(['explore', '--out-dir', join(dir, 'app')])).code).toBe(0);
  session = await launch();
}, 60_000);

afterAll(async () => {
  await session?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Pages run side by side (vitest's maxConcurrency, 5): the browser and the in-process CLI overlap.
describe.concurrent('explorer pages in chromium', () => {
  it('covers every figure', ({ expect }) => {
    expect(Object.keys(FIGURE_CASES).sort()).toEqual(FIGURES.map((f) => f.name).sort());
  });

  it('a change while a run is in progress stops it: the figure drawn is the last change of all', async ({ expect }) => {
    const html = join(dir, 'cancel.html');
    expect((await cli(['tuning-curve', '--n', '300', '--points', '5', '--out', html])).code).toBe(0);
    const page = await session.context.newPage();
    try {
      await page.goto(pathToFileURL(html).href);
      await ready(page);
      // A run of seconds, then at once a small one.
      await inPage(page, `window.snnFigs.set({ n: '40000' })`);
      await inPage(page, `window.snnFigs.set({ n: '301' })`);
      await ready(page);
      expect(await inPage<number>(page, 'window.snnFigs.cancelled()')).toBe(1);
      const cliJson = join(dir, 'cancel.json');
      expect((await cli(['tuning-curve', '--n', '301', '--points', '5', '--out', cliJson])).code).toBe(0);
      expect(await json(page)).toBe(readFileSync(cliJson, 'utf8'));
    } finally {
      await page.close();
    }
  }, 120_000);

  it('the app: an index by course week with every figure and variant, each link opening its view', async ({ expect }) => {
    const page = await session.context.newPage();
    const outside = watchNetwork(page);
    try {
      await page.goto(pathToFileURL(join(dir, 'app', 'index.html')).href);
      const weeks = await page.locator('.index h2').allTextContents();
      expect(weeks.map((w) => w.split(' ·')[0])).toEqual(['Week 1', 'Week 2', 'Week 4', 'Week 7', 'Week 9']);
      const links = await page.locator('.index a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(links.sort()).toEqual(
        FIGURES.flatMap((f) => [f.name, ...(f.variants ?? []).map((v) => v.name)])
          .map((n) => `#${n}`)
          .sort(),
      );
      await page.locator('.index a[href="#lif"]').click();
      await ready(page);
      expect(await page.locator('h1').textContent()).toBe(FIGURES.find((f) => f.name === 'lif')!.section);
      await page.locator('nav.back a').click();
      await expect.poll(() => page.locator('.index h2').count()).toBe(5);
      expect(outside).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("downloads: the CLI's JSON and CSV bytes, and the PNG at the figure's size", async ({ expect }) => {
    const html = join(dir, 'downloads.html');
    expect((await cli(['stp', '--dep-u', '0.5', '--out', html])).code).toBe(0);
    const page = await session.context.newPage();
    try {
      await page.goto(pathToFileURL(html).href);
      await ready(page);
      const saved = async (action: string) => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`button[data-action=${action}]`).click()]);
        const path = join(dir, `download-${download.suggestedFilename()}`);
        await download.saveAs(path);
        return { name: download.suggestedFilename(), bytes: readFileSync(path) };
      };
      for (const format of ['json', 'csv'] as const) {
        const got = await saved(`download-${format}`);
        expect(got.name).toBe(`stp.${format}`);
        const cliFile = join(dir, `downloads.${format}`);
        expect((await cli(['stp', '--dep-u', '0.5', '--out', cliFile])).code).toBe(0);
        expect(got.bytes.equals(readFileSync(cliFile))).toBe(true);
      }
      const png = await saved('download-png');
      expect(png.name).toBe('stp.png');
      const image = await loadImage(png.bytes);
      expect([image.width, image.height]).toEqual([1600, 1000]); // 8 × 5 in at 200 dpi
    } finally {
      await page.close();
    }
  }, 120_000);

  it('progress: a run over 0.3 s shows the bar and the conditions done, and hides it when drawn', async ({ expect }) => {
    const html = join(dir, 'progress.html');
    expect((await cli(['tuning-curve', '--n', '300', '--points', '5', '--out', html])).code).toBe(0);
    const page = await session.context.newPage();
    try {
      await page.goto(pathToFileURL(html).href);
      await ready(page);
      // What the page shows while it runs, recorded at each change of the view (no polling: the
      // page may be in the background, where animation frames stop).
      await inPage(
        page,
        `(() => {
          window.seen = [];
          const view = document.querySelector('.view');
          const bar = view.querySelector('progress.progress');
          new MutationObserver(() => {
            if (view.classList.contains('running') && bar.value >= 1)
              window.seen.push({ status: view.querySelector('.busy .status').textContent, value: bar.value, max: bar.max });
          }).observe(view, { subtree: true, childList: true, attributes: true, characterData: true });
        })()`,
      );
      // About a second of simulation in the page (11 conditions of 3000 neurons).
      await inPage(page, `window.snnFigs.set({ n: '3000', points: '11' })`);
      await ready(page);
      const seen = await inPage<{ status: string; value: number; max: number }[]>(page, 'window.seen');
      expect(seen.length).toBeGreaterThan(0);
      for (const { status, value, max } of seen) {
        expect(max).toBe(11);
        expect(status).toBe(`simulating: ${value} of 11`);
      }
      expect(await inPage<boolean>(page, `document.querySelector('.view').classList.contains('running')`)).toBe(false);
      expect(await inPage<string>(page, 'location.hash')).toBe('#n=3000&points=11');
    } finally {
      await page.close();
    }
  }, 120_000);

  it('new seed: a new seed in its field, the hash and the data; the same seed gives the same data', async ({ expect }) => {
    const html = join(dir, 'seed.html');
    expect((await cli(['decision-random-walk', '--out', html])).code).toBe(0);
    const page = await session.context.newPage();
    try {
      await page.goto(pathToFileURL(html).href);
      await ready(page);
      const seedField = page.locator('input[type=text][data-option="seed"]');
      const first = { seed: await seedField.inputValue(), json: await json(page) };
      const seeds = [first.seed];
      for (let k = 0; k < 2; k++) {
        await page.locator('button[data-action=new-seed]').click();
        await ready(page);
        const seed = await seedField.inputValue();
        expect(seed).toMatch(/^\d+$/);
        expect(seeds).not.toContain(seed);
        seeds.push(seed);
        expect(await inPage<string>(page, 'location.hash')).toBe(`#seed=${seed}`);
        const data = await json(page);
        expect(data).not.toBe(first.json);
        const cliJson = join(dir, `seed-${seed}.json`);
        expect((await cli(['decision-random-walk', '--seed', seed, '--out', cliJson])).code).toBe(0);
        expect(data).toBe(readFileSync(cliJson, 'utf8'));
      }
      await seedField.fill(first.seed);
      await ready(page);
      expect(await json(page)).toBe(first.json);
    } finally {
      await page.close();
    }
  }, 120_000);

  for (const c of CASES) {
    it(`${c.name}: controls, data, message, hash, drawing, pins, hold`, async ({ expect }) => {
      const { figsize, dpi, ...startOptions } = c.start;
      const size = { ...(figsize ? { figsize } : {}), ...(dpi ? { dpi } : {}) };
      let url: string;
      if (c.app) {
        // As the gallery links a variant: by its name (the page rewrites the hash to the figure and its options).
        url = `${pathToFileURL(join(dir, 'app', 'index.html')).href}#${c.name}`;
      } else {
        const html = join(dir, `${c.name}.html`);
        expect((await cli([c.figure, ...asArgs(c.start), '--out', html])).code).toBe(0);
        url = pathToFileURL(html).href;
      }
      const page = await session.context.newPage();
      const outside = watchNetwork(page);
      try {
        await page.goto(url);
        await ready(page);

        // Two or three options through the controls.
        await page.locator(`input.slider[data-option="${c.slider}"]`).fill('700');
        const sliderText = await page.locator(`input[type=text][data-option="${c.slider}"]`).inputValue();
        for (const [name, value] of Object.entries(c.typed)) {
          const field = page.locator(`[data-option="${name}"]:is(input[type=text], select)`);
          if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption(value);
          else await field.fill(value);
        }
        await ready(page);
        const options = { ...startOptions, [c.slider]: sliderText, ...c.typed };
        const args = [c.figure, ...asArgs(options), ...asArgs(size)];

        // The page's data are the CLI's JSON, byte for byte.
        const cliJson = join(dir, `${c.name}.json`);
        expect((await cli([...args, '--out', cliJson])).code).toBe(0);
        const pageJson = await json(page);
        expect(pageJson).toBe(readFileSync(cliJson, 'utf8'));

        // The drawing against the CLI's PNG.
        const cliPng = join(dir, `${c.name}.png`);
        expect((await cli([...args, '--out', cliPng])).code).toBe(0);
        const share = await differing(await shot(page), readFileSync(cliPng));
        expect(share, `${c.name}: ${(share * 100).toFixed(2)} % of the pixels differ`).toBeLessThanOrEqual(MAX_DIFFERING);

        // The hash holds the view: a new page from it has the same data.
        const hash = await inPage<string>(page, 'location.hash');
        expect(hash).toContain(`${c.slider}=${encodeURIComponent(sliderText)}`);
        const again = await session.context.newPage();
        const outsideAgain = watchNetwork(again);
        await again.goto(url.replace(/#.*$/, '') + hash);
        await ready(again);
        expect(await json(again)).toBe(pageJson);
        await again.close();
        expect(outsideAgain).toEqual([]);

        // Pins: the pinned curves show under a changed figure, and go with "clear pins".
        await page.locator('button[data-action=pin]').click();
        await ready(page);
        expect(await inPage<number>(page, 'window.snnFigs.pins()')).toBe(1);
        if (c.pinWith) for (const [name, value] of Object.entries(c.pinWith)) await page.locator(`input[type=text][data-option="${name}"]`).fill(value);
        else await page.locator(`input.slider[data-option="${c.slider}"]`).fill('300');
        await ready(page);
        const withPin = await shot(page);
        const changedJson = await json(page);
        await page.locator('button[data-action=clear-pins]').click();
        await ready(page);
        expect(await inPage<number>(page, 'window.snnFigs.pins()')).toBe(0);
        expect(await json(page)).toBe(changedJson); // pins never touch the data
        expect(await differing(withPin, await shot(page), 0)).toBeGreaterThan(0); // faint: any change counts

        // Held axes stay where they were when the figure changes.
        await page.locator('#hold').check();
        await ready(page);
        const held = await inPage<unknown>(page, 'window.snnFigs.axes()');
        await page.locator(`input.slider[data-option="${c.slider}"]`).fill('900');
        await ready(page);
        expect(await inPage<unknown>(page, 'window.snnFigs.axes()')).toEqual(held);
        await page.locator('#hold').uncheck();
        await ready(page);

        // An invalid value: the CLI's message beside the control; the last good figure stays.
        const good = await json(page);
        const victim = (FIGURES.find((f) => f.name === c.figure)!.params.find((p) => p.kind !== 'choice') ?? { name: '' }).name;
        await page.locator(`input[type=text][data-option="${victim}"]`).fill('nonsense');
        const refused = await inPage<string>(page, `window.snnFigs.ready().then(() => 'drawn', (e) => e.message)`);
        const { code, stderr } = await cli([c.figure, `--${victim}`, 'nonsense', '--out', join(dir, 'refused.json')]);
        expect(code).toBe(2);
        expect(`snn-figs: error: ${refused}`).toBe(stderr.split('\n')[0]);
        expect(await page.locator(`.control[data-option="${victim}"] .problem`).textContent()).toBe(refused);
        expect(await json(page)).toBe(good);
        expect(outside).toEqual([]);
      } finally {
        await page.close();
      }
    }, 120_000);
  }
});
