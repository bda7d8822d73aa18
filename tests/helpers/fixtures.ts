/** Reading the committed Brian2 fixtures (made by scripts/brian2_fixtures.py). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function fixtureFiles(kind: 'figures' | 'core', prefix = ''): string[] {
  return readdirSync(join(FIXTURES, kind))
    .filter((f) => f.endsWith('.json') && f.startsWith(prefix))
    .sort();
}

export function readFixture<T>(kind: 'figures' | 'core', file: string): T {
  return JSON.parse(readFileSync(join(FIXTURES, kind, file), 'utf8')) as T;
}

/** The largest |a[k] − b[k]| relative to the largest |b|: the parity measure of the issue. */
export function worstDeviation(ours: ArrayLike<number>, brian: ArrayLike<number>): number {
  let peak = 0;
  for (let k = 0; k < brian.length; k++) peak = Math.max(peak, Math.abs(brian[k]));
  let worst = 0;
  for (let k = 0; k < brian.length; k++) worst = Math.max(worst, Math.abs(ours[k] - brian[k]));
  return peak === 0 ? worst : worst / peak;
}
