/**
 * Golden SVG and JSON snapshots of every figure and slide variant in the registry, at their
 * defaults, made by `snn-figs all` as a user would: a figure or variant added to the registry
 * is covered without touching this file. See helpers/snapshots.ts for the review workflow.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { FIGURES } from '../../src/figures/registry.js';
import { checkSnapshot, normaliseJson, normaliseSvg } from '../helpers/snapshots.js';
import { silentStreams } from '../helpers/streams.js';

const names = FIGURES.flatMap((f) => [f.name, ...(f.variants ?? []).map((v) => v.name)]);
const dir = mkdtempSync(join(tmpdir(), 'snn-figs-snapshots-'));

// Figures whose defaults draw 2 × 25 traces of 10 000 samples (about 40 MB of SVG and JSON):
// their golden files are made from fewer, shorter trials, written over what `all` wrote.
const SMALL: Record<string, string[]> = {
  'reliable-spike-timing': ['--trials', '3', '--duration', '150ms'],
  'reliable-spike-timing-non-leaky': ['--trials', '3', '--duration', '150ms'],
};

beforeAll(async () => {
  const { io, stderr } = silentStreams();
  const code = await main(['all', '--out-dir', dir, '--format', 'svg,json', '--quiet'], io);
  expect(code, stderr()).toBe(0);
  for (const [name, args] of Object.entries(SMALL))
    for (const ext of ['svg', 'json']) expect(await main([name, ...args, '--out', join(dir, `${name}.${ext}`), '--quiet'], io), stderr()).toBe(0);
}, 180_000);

describe('golden snapshots of every figure and variant', () => {
  it('covers what `all` writes, and nothing else', () => {
    const written = readdirSync(dir).sort();
    expect(written).toEqual(names.flatMap((n) => [`${n}.json`, `${n}.svg`]).sort());
  });

  it.each(names)('%s', (name) => {
    const problems = [
      checkSnapshot(`${name}.svg`, normaliseSvg(readFileSync(join(dir, `${name}.svg`), 'utf8'))),
      checkSnapshot(`${name}.json`, normaliseJson(readFileSync(join(dir, `${name}.json`), 'utf8'))),
    ].filter((p) => p !== undefined);
    expect(problems.join('\n')).toBe('');
  });
});
