/**
 * The explorer's one script: a page for one figure, the app for every figure (an index by
 * course week, one view per figure), and, run in a Web Worker, the simulation itself. The
 * page says which through window.SNN_FIGS_PAGE, written by the CLI.
 */
import { FIGURES, WEEKS, type FigureModule } from './core-imports.js';
import { formatHash, linkWarnings, parseHash } from './hash.js';
import { el } from './controls.js';
import { CSS } from './style.js';
import { FigureView } from './view.js';
import { startWorker } from './worker.js';
import { loadFonts } from './assets.js';

interface PageConfig {
  /** A single-figure page: its figure, and the options given on the command line. */
  figure?: string;
  initial?: Record<string, string>;
}

/** What tests and people embedding the pages call. */
interface PageInterface {
  ready(): Promise<void>;
  data(): unknown;
  json(): string;
  csv(): string;
  set(values: Record<string, string | number>): void;
  pin(): void;
  clearPins(): void;
  hold(on: boolean): void;
  axes(): unknown;
  pins(): number;
  command(): string;
  timing(): { total: number; simulate: number; draw: number };
  /** Runs stopped by a newer change. */
  cancelled(): number;
}

declare global {
  interface Window {
    SNN_FIGS_PAGE?: PageConfig;
    snnFigs?: PageInterface;
  }
}

function exposeView(get: () => FigureView | undefined): void {
  const view = () => {
    const v = get();
    if (!v) throw new Error('no figure is open');
    return v;
  };
  window.snnFigs = {
    ready: () => view().ready(),
    data: () => JSON.parse(view().jsonText()) as unknown,
    json: () => view().jsonText(),
    csv: () => view().csvText(),
    set: (values) => view().set(values),
    pin: () => view().pin(),
    clearPins: () => view().clearPins(),
    hold: (on) => view().setHold(on),
    axes: () => view().axes(),
    pins: () => view().pinned(),
    command: () => view().commandLine(),
    timing: () => view().lastTiming,
    cancelled: () => view().cancelled,
  };
}

/** What a link may set: the figure's options, its size and dpi. */
function optionNames(fig: FigureModule): Set<string> {
  return new Set([...fig.params.map((p) => p.name), 'figsize', 'dpi']);
}

function figureByName(name: string): FigureModule | undefined {
  return FIGURES.find((f) => f.name === name);
}

/** A variant's arguments (`--forms exponential --figsize 8x3`) as initial option texts. */
function variantOptions(args: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let k = 0; k + 1 < args.length; k += 2) out[args[k].replace(/^--/, '')] = args[k + 1];
  return out;
}

function singlePage(config: PageConfig): void {
  const fig = figureByName(config.figure!)!;
  const { figure, entries, bare } = parseHash(location.hash);
  // A single page has no figure part: a bare word there is an option without a value too.
  const stray = figure === undefined || figure === fig.name ? bare : [figure, ...bare];
  const view = new FigureView(fig, {
    initial: { ...(config.initial ?? {}), ...Object.fromEntries(entries) },
    linkWarnings: linkWarnings(optionNames(fig), entries, stray),
    onState: (entries) => history.replaceState(null, '', formatHash(entries) || location.pathname),
  });
  document.title = `${fig.name}: ${fig.section} (snn-figs)`;
  document.body.append(view.root);
  exposeView(() => view);
}

function appIndex(): HTMLElement {
  const root = el('section', { className: 'index' }, el('h1', {}, 'snn-figs explorer: the course figures, live'));
  root.append(el('p', {}, 'Every figure of the neuro4ml course re-simulated in this page as its parameters change. Offline; nothing is sent anywhere.'));
  for (const { week, topic, figures } of WEEKS) {
    const list = el('ul');
    for (const f of figures) {
      const item = el('li', {}, el('a', { href: `#${f.name}` }, f.section), ` — ${f.summary}`);
      const variants = f.variants ?? [];
      if (variants.length) {
        const sub = el('ul');
        for (const v of variants) sub.append(el('li', {}, el('a', { href: `#${v.name}` }, v.name), ` — ${v.description}`));
        item.append(sub);
      }
      list.append(item);
    }
    root.append(el('h2', { id: `week-${week}` }, `Week ${week} · ${topic}`), list);
  }
  return root;
}

function app(): void {
  let view: FigureView | undefined;
  let shownHash: string | undefined;
  const route = () => {
    if (location.hash === shownHash) return;
    const { figure, entries, bare } = parseHash(location.hash);
    // A slide variant's name (the gallery links them) opens its figure with the variant's options.
    const variant = FIGURES.flatMap((f) => (f.variants ?? []).map((v) => ({ fig: f, v }))).find(({ v }) => v.name === figure);
    const fig = variant?.fig ?? (figure === undefined ? undefined : figureByName(figure));
    const initial = { ...(variant ? variantOptions(variant.v.args) : {}), ...Object.fromEntries(entries) };
    view?.dispose();
    view = undefined;
    document.body.replaceChildren();
    if (!fig) {
      document.title = 'snn-figs explorer';
      document.body.append(appIndex());
      shownHash = location.hash;
      return;
    }
    view = new FigureView(fig, {
      initial,
      linkWarnings: linkWarnings(optionNames(fig), entries, bare),
      onState: (changed) => {
        shownHash = formatHash(changed, fig.name);
        history.replaceState(null, '', shownHash);
      },
    });
    document.title = `${fig.name}: ${fig.section} (snn-figs explorer)`;
    document.body.append(el('nav', { className: 'back' }, el('a', { href: '#' }, '← all figures')), view.root);
  };
  window.addEventListener('hashchange', route);
  route();
  exposeView(() => view);
}

function startPage(): void {
  document.head.append(el('style', {}, CSS));
  void loadFonts(document.fonts);
  const config = window.SNN_FIGS_PAGE ?? {};
  if (config.figure) singlePage(config);
  else app();
}

if (typeof document === 'undefined') startWorker();
else startPage();
