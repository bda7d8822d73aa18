/**
 * A figure's data never depends on what ran before it in the process: every figure and slide
 * variant that `all` builds (in one process, each after all the ones before it) equals its
 * build in a fresh module graph, which holds what a new process holds (no names taken, no
 * simulation cached). And every panel's marks have ids of their own.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { FigureJson } from '../../src/export/index.js';
import { FIGURES } from '../../src/figures/registry.js';
import { silentStreams } from '../helpers/streams.js';

/** Every file `all` writes: each figure, then its variants (name and the arguments that make it). */
const BUILDS = FIGURES.flatMap((f) => [{ name: f.name, args: [f.name] }, ...f.variants.map((v) => ({ name: v.name, args: [f.name, ...v.args] }))]);

/** `main` from a module graph of its own, as a new process would load it. */
async function freshMain() {
  vi.resetModules();
  return (await import('../../src/cli/main.js')).main;
}

describe('figures are independent of what ran before them', () => {
  const together = mkdtempSync(join(tmpdir(), 'snn-figs-together-'));
  const read = (name: string) => JSON.parse(readFileSync(join(together, `${name}.json`), 'utf8')) as FigureJson;

  it('`all` in one process equals each figure and variant built alone', { timeout: 900_000 }, async () => {
    const { io, stderr } = silentStreams();
    expect(await (await freshMain())(['all', '--out-dir', together, '--format', 'json', '--quiet'], io), stderr()).toBe(0);
    const alone = mkdtempSync(join(tmpdir(), 'snn-figs-alone-'));
    for (const { name, args } of BUILDS) {
      const out = join(alone, `${name}.json`);
      const run = silentStreams();
      expect(await (await freshMain())([...args, '--out', out, '--quiet'], run.io), run.stderr()).toBe(0);
      expect(readFileSync(join(together, `${name}.json`)).equals(readFileSync(out)), `${name}: built after the others ≠ built alone`).toBe(true);
    }
  });

  it('every panel of every figure and variant names its marks uniquely, and its panels too', () => {
    for (const { name } of BUILDS) {
      const data = read(name);
      const panels = data.panels.map((p) => p.id);
      expect(new Set(panels).size, `${name}: panel ids ${panels.join(', ')}`).toBe(panels.length);
      for (const panel of data.panels) {
        const ids = panel.series.map((s) => s.id);
        const twice = ids.filter((id, k) => ids.indexOf(id) !== k);
        expect(twice, `${name}, panel '${panel.id}': ids given twice`).toEqual([]);
      }
    }
  });
});
