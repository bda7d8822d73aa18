/**
 * snn-figs/core runs in a browser: bundled by esbuild for platform=browser it reaches no Node
 * built-in (node:fs, bare os, worker_threads, …) and not the native module canvas.
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Bundles an entry for the browser; returns what it tried to import from Node, and the bundle's inputs. */
async function bundle(entry: string): Promise<{ nodeImports: string[]; inputs: string[] }> {
  const nodeImports: string[] = [];
  // Recorded and left out (not an error), so that one run names every offender.
  const recordNode: Plugin = {
    name: 'record-node-builtins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        if (!NODE_BUILTINS.has(args.path) && !args.path.startsWith('node:')) return undefined;
        nodeImports.push(`${args.path} (from ${args.importer.replace(ROOT + '/', '')})`);
        return { path: args.path, external: true };
      });
    },
  };
  const result = await build({
    entryPoints: [resolve(ROOT, entry)],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [recordNode],
  });
  return { nodeImports, inputs: Object.keys(result.metafile.inputs) };
}

describe('the browser entry snn-figs/core', () => {
  it('the check sees a Node built-in and canvas when they are there', { timeout: 60_000 }, async () => {
    const { nodeImports, inputs } = await bundle('src/render/node-canvas.ts');
    expect(nodeImports.some((s) => s.startsWith('node:module'))).toBe(true);
    expect(inputs.some((f) => f.includes('node_modules/canvas/'))).toBe(true);
  });

  it('bundles for platform=browser without a Node built-in or canvas', { timeout: 60_000 }, async () => {
    const { nodeImports, inputs } = await bundle('src/core.ts');
    expect(nodeImports).toEqual([]);
    expect(inputs.filter((f) => f.includes('node_modules/canvas/'))).toEqual([]);
    expect(inputs).toContain('src/core.ts');
  });
});
