// npm's `prepare`: builds dist/ (npm install, npm pack, git dependencies). Under `npx snn-figs` in a
// clone that was never installed, npm links the clone and runs this without its dev dependencies:
// building is impossible there, and failing would leave npx a broken cache entry that makes every
// later `npx snn-figs` fail. So that one case skips the build, and the launcher says to run npm install.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

function hasTypeScript() {
  try {
    createRequire(import.meta.url).resolve('typescript/package.json');
    return true;
  } catch {
    return false;
  }
}

if (process.env.npm_command === 'exec' && !hasTypeScript()) {
  process.stderr.write("snn-figs: not building here (no dev dependencies); run 'npm install' in this clone first\n");
} else {
  const npm = process.env.npm_execpath;
  const build = npm ? spawnSync(process.execPath, [npm, 'run', 'build'], { stdio: 'inherit' }) : spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  process.exitCode = build.status ?? 1;
}
