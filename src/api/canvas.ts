/**
 * Loading node-canvas, and when it cannot be loaded, the one line that makes it work here.
 * Only images need it: nothing imports canvas until a PNG, SVG or PDF is asked for.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CanvasUnavailableError } from './errors.js';

/**
 * What node-canvas compiles against on Debian/Ubuntu (it has no prebuilt binary here).
 * scripts/setup.sh installs the same list; tests/package/package-canvas.test.ts keeps the two equal.
 */
export const CANVAS_DEBIAN_PACKAGES = [
  'build-essential',
  'pkg-config',
  'libcairo2-dev',
  'libpango1.0-dev',
  'libjpeg-dev',
  'libgif-dev',
  'librsvg2-dev',
] as const;

/** Where snn-figs is installed: in a project's node_modules, globally, or as its own checkout. */
type Place = { kind: 'project'; root: string } | { kind: 'global' } | { kind: 'checkout'; root: string };

function place(): Place {
  const pkg = fileURLToPath(new URL('../..', import.meta.url)).replace(/[\\/]$/, ''); // dist/api/ → the package
  const modules = dirname(pkg);
  if (basename(modules) !== 'node_modules') return { kind: 'checkout', root: pkg };
  const root = dirname(modules);
  // npm's global folder (<prefix>/lib/node_modules) has no package.json above it; npx's cache
  // (~/.npm/_npx/<hash>) has one, but it is nobody's project: both are fixed by a global install.
  const npx = root.includes(`${sep}_npx${sep}`);
  return existsSync(join(root, 'package.json')) && !npx ? { kind: 'project', root } : { kind: 'global' };
}

/** Whether this npm reviews install scripts (npm 11's allowScripts; later npms block unapproved ones). */
function npmApprovesScripts(): boolean {
  try {
    execFileSync('npm', ['approve-scripts', '--help'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The commands, as one line, that install canvas's build libraries and build it where
 * snn-figs is installed. `installed`: canvas's files are there (only its build is missing).
 */
export function canvasRemedy(installed: boolean): string {
  const where = place();
  const apt = `sudo apt-get install -y ${CANVAS_DEBIAN_PACKAGES.join(' ')}`;
  const approves = npmApprovesScripts();
  // npm install -g and npx have no package.json to approve in: npm takes --allow-scripts there.
  if (where.kind === 'global') return `${apt} && npm install -g ${approves ? '--allow-scripts=canvas ' : ''}snn-figs`;
  const steps = [apt];
  if (where.root !== process.cwd()) steps.push(`cd ${JSON.stringify(where.root)}`);
  if (where.kind === 'checkout') steps.push(installed ? 'npm rebuild canvas' : 'npm ci');
  else {
    if (!installed) steps.push('npm install');
    if (approves) steps.push('npm approve-scripts canvas');
    steps.push('npm rebuild canvas');
  }
  return steps.join(' && ');
}

/**
 * canvas itself is absent (rather than present but not built, or built for another Node): as an
 * ES module import says it, or as require() does (the CLI's bundle is a script, where import()
 * of canvas is a require). An unbuilt canvas fails on '../build/Release/canvas.node' instead.
 */
function notInstalled(e: unknown): boolean {
  const err = e as NodeJS.ErrnoException | undefined;
  return (err?.code === 'ERR_MODULE_NOT_FOUND' || err?.code === 'MODULE_NOT_FOUND') && String(err.message).includes("'canvas'");
}

/** Imports canvas; CanvasUnavailableError (with the remedy) when it cannot be loaded. */
export async function loadCanvas(format: string): Promise<void> {
  try {
    await import('canvas');
  } catch (e) {
    // Under a tight `ulimit -v` the library loads but cannot be mapped: not an install problem.
    if (/failed to map segment|cannot allocate memory/i.test(String((e as Error | undefined)?.message)))
      throw new CanvasUnavailableError(
        `cannot draw the ${format.toUpperCase()}: the address-space limit (ulimit -v) leaves too little room to load the native module canvas; raise the limit, or write JSON or CSV`,
        'raise the limit (ulimit -v), or write JSON or CSV',
        { cause: e },
      );
    const installed = !notInstalled(e);
    const remedy = canvasRemedy(installed);
    const why = installed ? 'is not built for this Node.js (its install script was not approved, or failed)' : 'is not installed';
    throw new CanvasUnavailableError(
      `cannot draw the ${format.toUpperCase()}: the native module canvas ${why}; fix: ${remedy} (JSON and CSV work without it)`,
      remedy,
      {
        cause: e,
      },
    );
  }
}
