/**
 * A parallel figure's kernel runs in its pool's worker threads, which a signal terminates: the
 * time left in the calling thread decides whether the build needs a thread of its own
 * (src/workers/build.ts). The tuning curve's defaults take seconds in the pool and next to
 * nothing here, so they run without that extra thread; with --rng numpy the work stays here.
 */
import { describe, expect, it } from 'vitest';
import { estimateSeconds } from '../../src/options/cost-time.js';
import { parseParams } from '../../src/options/parse.js';
import { findFigure } from '../../src/figures/registry.js';
import { IN_PROCESS_SECONDS } from '../../src/workers/build.js';

function tuningCost(given: Record<string, string>) {
  const fig = findFigure('tuning-curve')!;
  return fig.cost!(parseParams(fig, given).params);
}

describe('seconds spent in the calling thread when the kernel runs in a pool', () => {
  it('the default tuning curve: seconds in all, under the in-process limit without the pool part', () => {
    const cost = tuningCost({});
    expect(estimateSeconds(cost, { threads: 2 })).toBeGreaterThan(1);
    expect(estimateSeconds(cost, { threads: 2, pooled: true })).toBeLessThan(IN_PROCESS_SECONDS);
  });

  it('--rng numpy runs the generic core in this thread: pooled or not, the same seconds', () => {
    const cost = tuningCost({ rng: 'numpy' });
    const seconds = estimateSeconds(cost, { threads: 2 });
    expect(seconds).toBeGreaterThan(IN_PROCESS_SECONDS);
    expect(estimateSeconds(cost, { threads: 2, pooled: true })).toBe(seconds);
  });
});
