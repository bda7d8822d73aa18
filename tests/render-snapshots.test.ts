/**
 * Golden SVG and JSON snapshots of every figure and slide variant in the registry, at their
 * defaults, made by `snn-figs all` as a user would: a figure or variant added to the registry
 * is covered without touching this file. See helpers/snapshots.ts for the review workflow.
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { FIGURES } from '../src/figures/registry.js';
import { checkSnapshot, normaliseJson, normaliseSvg } from './helpers/snapshots.js';
import { silentStreams } from './helpers/streams.js';

const names = FIGURES.flatMap((f) => [f.name, ...(f.variants ?? []).map((v) => v.name)]);
const dir = mkdtempSync(join(tmpdir(), 'snn-figs-snapshots-'));

beforeAll(async () => {
  const { io, stderr } = silentStreams();
  const code = await main(['all', '--out-dir', dir, '--format', 'svg,json', '--quiet'], io);
  expect(code, stderr()).toBe(0);
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
