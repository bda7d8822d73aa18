/**
 * The house's layers (see the architecture notes): each top folder of src/ is a layer, and an
 * import may only point down this table. Two folders that import each other are a tie both ways,
 * refused whatever their rank.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

/** Lowest first. A layer may import from the layers above it in this list, never below. */
const LAYERS = [
  'sim', //      the simulation core
  'data', //     FigureData and the mark builders
  'options', //  parameter kinds, quantities, parsing, problems, cost
  'figures', //  the framework and the weeks' figures
  'render', //   drawing on a Canvas 2D context (node-canvas in one adapter)
  'export', //   JSON and CSV
  'io', //       Node's files
  'workers', //  Node's threads
  'api', //      the library
  'cli', //      the command line
  '.', //        the entries: index.ts (Node), core.ts (anywhere)
  'explore', //  the explorer's pages: a client of core.ts (bundled, not imported by the CLI)
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative module specifiers a file imports or re-exports (static, dynamic, type-only). */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/g)) out.push(m[1]);
  for (const m of text.matchAll(/import\(\s*'(\.[^']+)'\s*\)/g)) out.push(m[1]);
  return out;
}

/** The layer (top folder of src/, or '.' for src/ itself) of a path inside src/. */
function layerOf(path: string): string {
  const parts = relative(SRC, path).split(sep);
  return parts.length === 1 ? '.' : parts[0];
}

/** Every import between two layers: [from file, to file]. */
function crossings(): [string, string][] {
  return sources(SRC).flatMap((f) =>
    relativeImports(f)
      .map((s) => resolve(dirname(f), s.replace(/\.js$/, '.ts')))
      .filter((to) => layerOf(to) !== layerOf(f))
      .map((to): [string, string] => [f, to]),
  );
}

/** Imports that point up the table, and pairs of layers that import each other. */
export function violations(edges: [string, string][], layerOf: (f: string) => string, order: readonly string[]): string[] {
  const rank = (l: string) => order.indexOf(l);
  const out: string[] = [];
  const pairs = new Set<string>();
  for (const [from, to] of edges) {
    const [a, b] = [layerOf(from), layerOf(to)];
    if (rank(a) < 0 || rank(b) < 0) out.push(`${from} → ${to}: layer '${rank(a) < 0 ? a : b}' is not in the table`);
    else if (rank(b) > rank(a)) out.push(`${from} → ${to}: '${a}' is below '${b}'`);
    pairs.add(`${a} ${b}`);
  }
  for (const p of pairs) {
    const [a, b] = p.split(' ');
    if (a < b && pairs.has(`${b} ${a}`)) out.push(`'${a}' and '${b}' import each other`);
  }
  return out;
}

describe('layers', () => {
  it('the check finds an upward import and a tie both ways', () => {
    const layer = (f: string) => f.split('/')[0];
    expect(violations([['figures/a', 'sim/b']], layer, LAYERS)).toEqual([]);
    expect(violations([['sim/b', 'figures/a']], layer, LAYERS)).toEqual(["sim/b → figures/a: 'sim' is below 'figures'"]);
    expect(violations([['x/a', 'sim/b']], layer, LAYERS)).toEqual(["x/a → sim/b: layer 'x' is not in the table"]);
    expect(
      violations(
        [
          ['io/a', 'workers/b'],
          ['workers/b', 'io/a'],
        ],
        layer,
        LAYERS,
      ),
    ).toEqual(["io/a → workers/b: 'io' is below 'workers'", "'io' and 'workers' import each other"]);
  });

  it('every import in src/ points down the table, and no two folders import each other', () => {
    const found = violations(crossings(), layerOf, LAYERS).map((v) => v.replaceAll(SRC + sep, ''));
    expect(found).toEqual([]);
  });

  it('every top folder of src/ holding TypeScript is a layer of the table', () => {
    const folders = new Set(sources(SRC).map(layerOf));
    expect([...folders].filter((f) => !LAYERS.includes(f))).toEqual([]);
  });
});
