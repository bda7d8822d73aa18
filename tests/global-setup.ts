// The end-to-end tests run the built CLI (bin/snn-figs → dist/): build it first when the sources
// changed since the last build (scripts/build-stamp.mjs), so a test never runs a stale one.
// `make test` has just built it (set-up); `npx vitest run FILE` after an edit builds here.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

export default function buildWhenStale(): void {
  const check = spawnSync(process.execPath, ['scripts/build-stamp.mjs', '--check'], { cwd: ROOT, stdio: 'inherit' });
  if (check.status === 0) return;
  process.stderr.write('tests: building dist/ (the sources changed since the last build)\n');
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed: the end-to-end tests need the built CLI');
}
