/**
 * Golden files: a result is compared with tests/snapshots/NAME.EXT; a difference (or a missing
 * golden file) is written beside it as NAME.new.EXT for review and fails the test;
 * UPDATE_SNAPSHOTS=1 (`make update-snapshots`) rewrites the golden files instead.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SNAPSHOT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'snapshots');
export const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';

/** Golden-file form of an SVG: ids renumbered in order of appearance, numbers to 2 decimals. */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\bid="([^"]+)"/g)) if (!ids.has(m[1])) ids.set(m[1], `id${ids.size + 1}`);
  return svg
    .replace(/(\bid="|#)([A-Za-z_][\w.-]*)/g, (whole, lead: string, id: string) => (ids.has(id) ? lead + ids.get(id) : whole))
    .replace(/-?\d*\.\d+(e-?\d+)?/g, (m) => {
      const v = Number(Number(m).toFixed(2));
      return String(Object.is(v, -0) ? 0 : v);
    });
}

/** Golden-file form of a data file: indented, each array of numbers on one line, so diffs show which series moved. */
export function normaliseJson(json: string): string {
  return (
    JSON.stringify(JSON.parse(json), null, 1).replace(
      /\[\n\s*(-?[\d.e+-]+(?:,\n\s*-?[\d.e+-]+)*)\n\s*\]/g,
      (_, body: string) => `[${body.replace(/,\n\s*/g, ', ')}]`,
    ) + '\n'
  );
}

export function firstDifference(a: string, b: string): string | undefined {
  if (a === b) return undefined;
  const la = a.split('\n');
  const lb = b.split('\n');
  for (let i = 0; i < Math.max(la.length, lb.length); i++)
    if (la[i] !== lb[i]) return `line ${i + 1}:\n  got      ${String(la[i]).slice(0, 200)}\n  expected ${String(lb[i]).slice(0, 200)}`;
  return 'same lines, different bytes';
}

/**
 * Compares `actual` with the golden file `name` (e.g. 'stp.svg'). Returns undefined when equal
 * (or rewritten), else a message naming the .new file written for review.
 */
export function checkSnapshot(name: string, actual: string): string | undefined {
  const golden = join(SNAPSHOT_DIR, name);
  const fresh = join(SNAPSHOT_DIR, name.replace(/(\.[^.]+)$/, '.new$1'));
  if (UPDATE) {
    mkdirSync(SNAPSHOT_DIR, { recursive: true });
    writeFileSync(golden, actual);
    rmSync(fresh, { force: true });
    return undefined;
  }
  const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : undefined;
  const difference = expected === undefined ? 'no golden file yet' : firstDifference(actual, expected);
  if (difference === undefined) {
    rmSync(fresh, { force: true });
    return undefined;
  }
  writeFileSync(fresh, actual);
  return `${name}: ${difference}\n  review ${fresh}; after an intended change run make update-snapshots`;
}
