/**
 * The house rules on imports: no cycle anywhere in src/ (type-only imports count too), and the
 * pure core (src/sim) reaches no Node built-in such as worker_threads or fs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)) out.push(m[1]);
  for (const m of text.matchAll(/(?:^|\n)\s*import\s+'([^']+)'/g)) out.push(m[1]);
  for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) out.push(m[1]);
  return out;
}

function graph(): Map<string, string[]> {
  const files = sources(SRC);
  const known = new Set(files);
  return new Map(
    files.map((f) => [
      f,
      specifiers(f)
        .filter((s) => s.startsWith('.'))
        .map((s) => resolve(dirname(f), s.replace(/\.js$/, '.ts')))
        .filter((s) => known.has(s)),
    ]),
  );
}

/** The cycles found by a depth-first search (each as a list of files), empty when there is none. */
export function findCycles(edges: Map<string, string[]>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
  return cycles;
}

describe('imports', () => {
  it('the cycle finder finds a cycle when there is one', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(findCycles(edges)).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      findCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('src/ has no import cycle', () => {
    const cycles = findCycles(graph()).map((c) => c.map((f) => relative(SRC, f)).join(' → '));
    expect(cycles).toEqual([]);
  });

  it('src/sim is pure: no worker_threads, fs, child_process or other Node built-ins', () => {
    const impure = sources(join(SRC, 'sim')).flatMap((f) =>
      specifiers(f)
        .filter((s) => s.startsWith('node:') || ['fs', 'worker_threads', 'child_process', 'path', 'os'].includes(s))
        .map((s) => `${relative(SRC, f)}: ${s}`),
    );
    expect(impure).toEqual([]);
  });

  it('src/sim does not import the renderer, the CLI, figures or io', () => {
    const outside = sources(join(SRC, 'sim')).flatMap((f) =>
      specifiers(f)
        .filter((s) => s.startsWith('.'))
        .map((s) => relative(SRC, resolve(dirname(f), s)))
        .filter((p) => !p.startsWith('sim'))
        .map((p) => `${relative(SRC, f)} → ${p}`),
    );
    expect(outside).toEqual([]);
  });
});
