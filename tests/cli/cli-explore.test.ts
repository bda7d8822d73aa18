/** The CLI's side of the explorer: pages are written whole, self-contained, and only for options the CLI accepts. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { silentStreams } from '../helpers/streams.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-cli-explore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]) {
  const s = silentStreams();
  const code = await main(args, s.io);
  return { code, stderr: s.stderr() };
}

describe('snn-figs FIGURE --out page.html', () => {
  it('writes one page holding everything: no file or address outside it', async () => {
    const out = join(dir, 'lif.html');
    expect(await cli(['lif', '--tau', '8ms', '--out', out])).toEqual({ code: 0, stderr: `wrote ${out}\n` });
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('var snnFigsBundle = function');
    expect(html).toContain('window.SNN_FIGS_PAGE = {"figure":"lif","initial":{"tau":"8ms"}}');
    expect(html).not.toMatch(/<script[^>]+src=|<link\b|https?:\/\/(?!www\.w3\.org)/);
    expect(html).toContain("default-src 'none'");
  });

  it("refuses the CLI's bad options with the CLI's message, writing nothing", async () => {
    const out = join(dir, 'bad.html');
    const { code, stderr } = await cli(['lif', '--tau', '-1ms', '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toBe('snn-figs: error: --tau must be > 0 ms, got -1 ms\n');
    expect(existsSync(out)).toBe(false);
    expect((await cli(['lif', '--figsize', '8', '--out', out])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('snn-figs explore', () => {
  it('writes the app: index.html and its one script', async () => {
    const out = join(dir, 'app');
    expect((await cli(['explore', '--out-dir', out, '--quiet'])).code).toBe(0);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<script src="explore.js"></script>');
    expect(readFileSync(join(out, 'explore.js'), 'utf8')).toMatch(/^var snnFigsBundle = function/);
  });

  it('takes no arguments', async () => {
    const { code, stderr } = await cli(['explore', 'lif']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^snn-figs: error: /);
  });
});
