// Whether dist/ was built from the sources as they are now: a hash of every input of
// `npm run build` (src/, the build scripts, the package and TypeScript settings, the lock file),
// written to dist/.build-inputs as the build's last step.
//   node scripts/build-stamp.mjs --write   record the inputs of the build just made
//   node scripts/build-stamp.mjs --check   exit 0 when dist/ is current, 1 when a build is due
// Set-up skips the build when dist/ is current, and the tests build first when it is not: the
// end-to-end tests run the built CLI (bin/snn-figs), so they must never run a stale one.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const STAMP = join(root, 'dist', '.build-inputs');
const INPUTS = [
  'src',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build-wasm.mjs',
  'scripts/build-man.mjs',
  'scripts/build-explore.mjs',
  'scripts/bundle.mjs',
  'scripts/build-stamp.mjs',
];
/** Two of the build's outputs (tsc's): a stamp without them (dist/ partly removed) is not current. */
const OUTPUTS = ['dist/index.js', 'dist/cli/main.js'];

/** The files under an input: the path itself when it is a file (missing ones count as such). */
function files(path) {
  const full = join(root, path);
  if (!existsSync(full) || !statSync(full).isDirectory()) return [path];
  return readdirSync(full, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** The hash of every input file's path and bytes, in a fixed order. */
export function buildInputsHash() {
  const hash = createHash('sha256');
  const all = INPUTS.flatMap(files).sort();
  for (const file of all) {
    hash.update(`${file}\0`);
    hash.update(existsSync(join(root, file)) ? readFileSync(join(root, file)) : '(missing)');
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function distIsCurrent() {
  if (!OUTPUTS.every((f) => existsSync(join(root, f)))) return false;
  return existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === buildInputsHash();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [mode] = process.argv.slice(2);
  if (mode === '--write') writeFileSync(STAMP, `${buildInputsHash()}\n`);
  else if (mode === '--check') process.exitCode = distIsCurrent() ? 0 : 1;
  else {
    process.stderr.write('usage: node scripts/build-stamp.mjs --write | --check\n');
    process.exitCode = 2;
  }
}
