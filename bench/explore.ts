/**
 * `make bench`: the explorer pages in chromium, on this machine.
 *
 *   update latency: each deterministic figure's page, an option moved (set() as a control does)
 *     to the figure drawn (ready() resolving), median of 5 changes; goal ≤ 100 ms;
 *   the tuning curve with the defaults in its page (WebAssembly kernel on
 *     navigator.hardwareConcurrency workers) against the CLI (process start to JSON written);
 *     goal ≤ 2× the CLI;
 *   the size of each single-figure page; goal ≤ 1.5 MB.
 *
 * Run: node --import tsx bench/explore.ts (after npm run build).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIGURES } from '../src/figures/registry.js';
import { launch } from '../tests/helpers/chromium.js';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'snn-figs-bench-explore-'));
const snn = (args: string[]) => execFileSync(process.execPath, [join(root, 'bin', 'snn-figs'), ...args, '--quiet'], { stdio: 'inherit' });
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

declare global {
  interface Window {
    snnFigs?: { ready(): Promise<void>; set(v: Record<string, string>): void };
  }
}

const session = await launch();
try {
  console.log('update latency (option changed → figure drawn), median of 5, deterministic figures:');
  const sizes: number[] = [];
  for (const fig of FIGURES) {
    const html = join(work, `${fig.name}.html`);
    snn([fig.name, '--out', html]);
    sizes.push(statSync(html).size);
    if (fig.params.some((p) => p.name === 'seed')) continue;
    const option = fig.params.find((p) => ['time', 'number', 'quantity'].includes(p.kind) && p.name !== 'dt' && p.name !== 'duration');
    if (!option) continue;
    const page = await session.context.newPage();
    await page.goto(pathToFileURL(html).href);
    await page.evaluate(() => window.snnFigs!.ready());
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      // 10 % up, then back: a change the figure accepts.
      const [, number, unit] = /^(-?[\d.e+-]+)\s*(.*)$/.exec(option.default)!;
      const value = k % 2 === 0 ? `${Number((Number(number) * 1.1).toPrecision(6))}${unit}` : option.default;
      times.push(
        await page.evaluate(
          async ([name, v]) => {
            const t = performance.now();
            window.snnFigs!.set({ [name]: v });
            const failed = await window.snnFigs!.ready().then(
              () => false,
              () => true,
            );
            return failed ? NaN : performance.now() - t;
          },
          [option.name, value] as const,
        ),
      );
    }
    console.log(`  ${fig.name.padEnd(32)} --${option.name.padEnd(12)} ${median(times).toFixed(0).padStart(5)} ms`);
    await page.close();
  }
  console.log(`single-figure pages: ${(Math.min(...sizes) / 1e6).toFixed(2)}–${(Math.max(...sizes) / 1e6).toFixed(2)} MB`);

  const html = join(work, 'tuning-curve.html');
  const page = await session.context.newPage();
  const t0 = performance.now();
  await page.goto(pathToFileURL(html).href);
  await page.evaluate(() => window.snnFigs!.ready());
  const inPage = performance.now() - t0;
  await page.close();
  const cli: number[] = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    snn(['tuning-curve', '--out', join(work, 'tc.json')]);
    cli.push(performance.now() - t);
  }
  console.log(
    `tuning curve, defaults: page ${(inPage / 1e3).toFixed(2)} s (page load to drawn), CLI ${(median(cli) / 1e3).toFixed(2)} s (median of 3): ${(inPage / median(cli)).toFixed(2)}×`,
  );
} finally {
  await session.close();
  rmSync(work, { recursive: true, force: true });
}
