/**
 * `--out -`: the figure on standard output, in the format --format names (required: there is no
 * extension), byte for byte the file --out would write; refused on a terminal.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { silentStreams } from '../helpers/streams.js';
import { ENTRY } from '../helpers/robust-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-stdout-'));

/** The CLI in a child with stdout a pipe: its bytes. */
function piped(args: string[]): { stdout: Buffer; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [...ENTRY, ...args], { cwd: dir, timeout: 60_000, maxBuffer: 64 << 20 });
  return { stdout: r.stdout, stderr: String(r.stderr), status: r.status };
}

describe('--out -', () => {
  it.each(['png', 'svg', 'pdf', 'json', 'csv'])('piped %s equals --out file', { timeout: 60_000 }, (format) => {
    const file = join(dir, `lif.${format}`);
    expect(piped(['lif', '--out', file, '--quiet']).status).toBe(0);
    const r = piped(['lif', '--out', '-', '--format', format]);
    expect(r.stderr).toBe(`wrote the ${format.toUpperCase()} to standard output\n`);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(100);
    expect(r.stdout.equals(readFileSync(file))).toBe(true);
  });

  it('needs --format (exit 2, one line, nothing on stdout)', { timeout: 60_000 }, () => {
    const r = piped(['lif', '--out', '-']);
    expect(r.status).toBe(2);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toBe('snn-figs: error: --out - writes to standard output, which has no extension: give --format (png, svg, pdf, json or csv)\n');
  });

  it('is refused on a terminal, before anything runs', async () => {
    const { io, stdout, stderr } = silentStreams(true);
    const code = await main(['lif', '--out', '-', '--format', 'png'], io);
    expect(code).toBe(2);
    expect(stdout()).toBe('');
    expect(stderr()).toBe('snn-figs: error: --out - would write the PNG to the terminal; redirect it to a file (> figure.png) or pipe it\n');
    expect(readdirSync(dir)).not.toContain('-');
  });
});
