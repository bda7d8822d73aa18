/** `snn-figs list`: figures grouped by course week, and `--json` for scripts. */
import { describe, expect, it } from 'vitest';
import { FIGURES, WEEKS } from '../../src/figures/registry.js';
import { runMain } from '../helpers/robust-cli.js';

describe('snn-figs list', () => {
  it('groups the figures under a heading per week, in the course order', async () => {
    const r = await runMain(['list']);
    expect(r.code).toBe(0);
    const headings = r.out.split('\n').filter((l) => /^Week /.test(l));
    expect(headings).toEqual(WEEKS.map((w) => `Week ${w.week}: ${w.topic}`));
    const names = r.out.split('\n').flatMap((l) => /^ {2}(\S+) /.exec(l)?.[1] ?? []);
    expect(names).toEqual(WEEKS.flatMap((w) => w.figures.map((f) => f.name)));
    expect([...names].sort()).toEqual(FIGURES.map((f) => f.name).sort());
    // The week-1 block holds its own figures only.
    const week1 = r.out.split('\n\n')[0];
    expect(week1).toContain('  lif ');
    expect(week1).not.toContain('  stp ');
  });

  it('--json: every figure with its week, size, parameters and variants', async () => {
    const r = await runMain(['list', '--json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as {
      name: string;
      week: number;
      figsize: number[];
      dpi: number;
      params: { name: string; default: string }[];
      variants: { name: string }[];
    }[];
    expect(list.map((f) => [f.name, f.week])).toEqual(WEEKS.flatMap((w) => w.figures.map((f) => [f.name, w.week])));
    const stp = list.find((f) => f.name === 'stp')!;
    expect(stp.week).toBe(2);
    expect(stp.variants.map((v) => v.name)).toEqual(['stp-depression', 'stp-facilitation', 'stp-ux']);
    expect(stp.params.find((p) => p.name === 'dep-u')?.default).toBe('0.45');
    for (const f of list) expect(f.params.map((p) => p.name)).toEqual(FIGURES.find((g) => g.name === f.name)!.params.map((p) => p.name));
  });
});
