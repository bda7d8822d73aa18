/**
 * The CLI in a child process, for what cannot be tested in-process: a run that might spin
 * (a timeout must be able to kill it), signals, closed or full standard streams.
 */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { silentStreams } from './streams.js';

const REPO = join(import.meta.dirname, '..', '..');
/**
 * The built CLI, as users run it: a child starts in a tenth of the CPU time that compiling the
 * sources with tsx takes. The tests' global set-up (tests/global-setup.ts) builds dist/ first
 * whenever the sources changed, so it is never stale.
 */
export const ENTRY = [join(REPO, 'bin', 'snn-figs')];
/** tsx by its resolved URL, for a child that runs TypeScript (a test driver), in any folder. */
export const TSX = ['--import', import.meta.resolve('tsx')];

export interface Finished {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Killed by the time limit. */
  timedOut: boolean;
}

/** Runs snn-figs with args; kills it after timeoutMs. */
export function runCli(args: string[], options: SpawnSyncOptions & { timeoutMs?: number } = {}): Finished {
  const r = spawnSync(process.execPath, [...ENTRY, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
    killSignal: 'SIGKILL',
    ...options,
  });
  const timedOut = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { status: r.status, signal: r.signal, stdout: String(r.stdout ?? ''), stderr: String(r.stderr ?? ''), timedOut };
}

/** Starts snn-figs without waiting (for signal tests). */
export function startCli(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = process.env) {
  return spawn(process.execPath, [...ENTRY, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every entry under a folder, recursively, relative to it (temporary files included). */
export function entriesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

/** The CLI in-process on captured streams: its exit code, stdout and stderr. */
export async function runMain(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { io, stdout, stderr } = silentStreams();
  const code = await main(args, io);
  return { code, out: stdout(), err: stderr() };
}
