/** `snn-figs all --format json,json` writes each file once: the formats are a set. */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { FigureData } from '../../src/data/types.js';
import { FIGURES } from '../../src/figures/registry.js';
import { silentStreams } from '../helpers/streams.js';

/** A one-line figure, standing in for a simulation where only the files written matter. */
const TINY = (figure: string): FigureData => ({
  figure,
  params: {},
  paramUnits: {},
  layout: { rows: 1, cols: 1 },
  panels: [{ id: 'p', marks: [{ kind: 'plot', id: 'm', x: [0, 1], y: [0, 1] }] }],
});

// In this thread, where the stand-in simulations are (a long run would go to a worker thread).
vi.mock('../../src/workers/build.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/workers/build.js')>();
  return {
    ...real,
    buildStoppable: (...[fig, params, ctx, estimate]: Parameters<typeof real.buildStoppable>) =>
      real.buildStoppable(fig, params, ctx, { ...estimate, seconds: 0 }),
  };
});

describe('snn-figs all --format', () => {
  it('json,json writes each file once', { timeout: 120_000 }, async () => {
    for (const fig of FIGURES) vi.spyOn(fig, 'simulate').mockResolvedValue({ draw: () => TINY(fig.name) });
    const dir = mkdtempSync(join(tmpdir(), 'snn-figs-all-'));
    const { io, stderr } = silentStreams();
    expect(await main(['all', '--out-dir', dir, '--format', 'json,json'], io)).toBe(0);
    const wrote = stderr()
      .split('\n')
      .filter((l) => l.startsWith('wrote '));
    expect(new Set(wrote).size).toBe(wrote.length);
    expect(wrote.length).toBe(readdirSync(dir).length);
    expect(wrote.length).toBeGreaterThan(FIGURES.length - 1);
  });
});
