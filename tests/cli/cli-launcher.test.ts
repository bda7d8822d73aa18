/** The launcher in a checkout that was never built: one line saying to run npm install, exit 1. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('bin/snn-figs without dist/', () => {
  it('prints the remedy in one line and exits 1', () => {
    const clone = mkdtempSync(join(tmpdir(), 'snn-figs-clone-'));
    mkdirSync(join(clone, 'bin'));
    cpSync(join(import.meta.dirname, '..', '..', 'bin', 'snn-figs'), join(clone, 'bin', 'snn-figs'));
    const r = spawnSync(process.execPath, [join(clone, 'bin', 'snn-figs'), 'list'], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`snn-figs: not installed or not built: run 'npm install' in ${clone}/ (it installs the dependencies and builds dist/)\n`);
  });
});
