/**
 * Explorer pages from the command line: `snn-figs FIGURE --out page.html` (one self-contained
 * page) and `snn-figs explore --out-dir DIR` (the app: index.html and its one script). The
 * page script is bundled at build time (scripts/build-explore.mjs): here it is only inlined.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FigureModule } from '../figures/spec.js';
import { OutputPathError, prepareOutputPath, writeAtomic } from '../io/write-atomic.js';
import { parseParams } from '../options/parse.js';
import { ProblemError } from '../options/problems.js';
import { parseFigsize, parseNumber, QuantityError } from '../options/quantity.js';
import { fsReason, RunError, usageError, UsageError } from './errors.js';
import { checkNameBytes } from './raw-names.js';
import { InputError, printable } from '../api/errors.js';
import { renderSize } from '../api/render.js';

type Options = Record<string, string | boolean | undefined>;
/** Where notes go (the CLI's stderr). */
type Streams = { stderr: { write(text: string): unknown } };

/** The bundled page script, from dist/ (built) or beside the sources (tests run src/ through tsx). */
function pageScript(): string {
  const candidates = [new URL('../explore/explore.js', import.meta.url), new URL('../../dist/explore/explore.js', import.meta.url)];
  for (const url of candidates) {
    try {
      return readFileSync(url, 'utf8');
    } catch {
      continue;
    }
  }
  throw new RunError('the explorer script is not built (dist/explore/explore.js)', 'run npm run build');
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A script's text made safe inside <script>…</script>. */
const inlineScript = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

/**
 * A page around the script. Nothing may come from the network: the Content-Security-Policy
 * allows only the page's own script (and its blob: workers), inlined styles and fonts.
 */
function pageHtml(title: string, config: object, script: { inline: string } | { src: string }): string {
  const csp = [
    "default-src 'none'",
    `script-src 'unsafe-inline' 'unsafe-eval' blob:${'src' in script ? " 'self' file:" : ''}`,
    'worker-src blob:',
    "style-src 'unsafe-inline'",
    'font-src data: blob:',
    'img-src data: blob:',
  ].join('; ');
  const body = 'src' in script ? `<script src="${escapeHtml(script.src)}"></script>` : `<script>${inlineScript(script.inline)}</script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(title)}</title>
</head>
<body>
<script>window.SNN_FIGS_PAGE = ${inlineScript(JSON.stringify(config))};</script>
${body}
</body>
</html>
`;
}

function write(path: string, text: string): void {
  try {
    writeAtomic(path, new TextEncoder().encode(text));
  } catch (e) {
    throw new RunError(`cannot write '${path}': ${fsReason(e)}`, undefined, { cause: e });
  }
}

function checkedPath(path: string): void {
  try {
    prepareOutputPath(path);
  } catch (e) {
    if (e instanceof OutputPathError) throw new UsageError(e.message);
    throw e;
  }
}

/** `snn-figs FIGURE [options] --out page.html`: the options given start the page where the CLI would draw. */
export function writePage(fig: FigureModule, opts: Options, io: Streams): void {
  const initial: Record<string, string> = {};
  for (const spec of fig.params) if (typeof opts[spec.name] === 'string') initial[spec.name] = opts[spec.name] as string;
  try {
    parseParams(fig, initial); // the CLI's own refusal, before anything is written
  } catch (e) {
    throw e instanceof ProblemError ? usageError(e.problem) : e;
  }
  // The drawing options a page has no control for: refused rather than left out unsaid.
  for (const option of ['context', 'font-scale', 'transparent'])
    if (opts[option] !== undefined)
      throw new UsageError(`--${option} applies to PNG, SVG and PDF files; a page draws with the notebook's style`, 'leave it out, or write an image file');
  const size: { figsize?: [number, number]; dpi?: number } = {};
  for (const [option, parse] of [
    ['figsize', parseFigsize],
    ['dpi', parseNumber],
  ] as const) {
    const text = opts[option];
    if (typeof text !== 'string') continue;
    try {
      Object.assign(size, { [option]: parse(text) });
    } catch (e) {
      if (e instanceof QuantityError) throw new UsageError(`--${option} ${e.message}`);
      throw e;
    }
    initial[option] = text;
  }
  try {
    // The page draws a PNG's pixels: the CLI's bounds for one, before the page is written.
    renderSize(fig.name, { figsize: size.figsize ?? fig.figsize, dpi: size.dpi ?? fig.dpi }, 'png');
  } catch (e) {
    if (e instanceof InputError) throw new UsageError(`--${e.message}`);
    throw e;
  }
  const out = opts.out as string;
  checkNameBytes('out', out);
  checkedPath(out);
  write(out, pageHtml(`${fig.name}: ${fig.section} (snn-figs)`, { figure: fig.name, initial }, { inline: pageScript() }));
  if (!opts.quiet) io.stderr.write(`wrote ${printable(out)}\n`);
}

/** `snn-figs explore --out-dir DIR`: DIR/index.html and DIR/explore.js, every figure and variant. */
export function writeExplorer(opts: Options, io: Streams): void {
  const dir = typeof opts['out-dir'] === 'string' ? opts['out-dir'] : join('figures', 'explore');
  if (dir.trim() === '') throw new UsageError('--out-dir expects a folder, got nothing');
  checkNameBytes('out-dir', dir);
  const files = [join(dir, 'explore.js'), join(dir, 'index.html')];
  // Checked before the folder is made: a file in its way is the caller's mistake (exit 2).
  for (const f of files) checkedPath(f);
  const script = pageScript();
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new RunError(`cannot make the folder '${dir}': ${fsReason(e)}`, undefined, { cause: e });
  }
  write(files[0], script);
  write(files[1], pageHtml('snn-figs explorer', {}, { src: 'explore.js' }));
  if (!opts.quiet) for (const f of files) io.stderr.write(`wrote ${printable(f)}\n`);
}
