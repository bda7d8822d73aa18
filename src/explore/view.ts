/**
 * One figure, live: its controls, the drawing, pins and held axes, the command line, the
 * downloads, and the page interface (window.snnFigs). Simulating and drawing happen in a
 * worker (./worker.ts); a change while it runs terminates it and starts a new one.
 */
import { el, makeControl, type Control } from './controls.js';
import { csvText, jsonText, OptionProblem, parseOption, parseOptions, parseSize, type FigureData, type FigureModule } from './core-imports.js';
import type { BuildRequest, Limits, WorkerReply } from './protocol.js';
import { bundleUrl } from './tasks.js';

/** Runs longer than this show progress. */
const PROGRESS_AFTER_MS = 300;

interface Deferred {
  promise: Promise<void>;
  resolve(v?: void | PromiseLike<void>): void;
  reject(e: Error): void;
}

function deferred(): Deferred {
  let resolve!: Deferred['resolve'];
  let reject!: Deferred['reject'];
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined); // a superseded state's failure is nobody's unhandled rejection
  return { promise, resolve, reject };
}

/** A shell word as typed: quoted when it holds anything but safe characters. */
function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export interface ViewOptions {
  /** Initial option texts (from the hash or the command line), by name; figsize and dpi too. */
  initial: Record<string, string>;
  /** Called when the options change, with the entries that differ from the defaults. */
  onState?: (entries: [string, string][]) => void;
  /** What the link held that the figure cannot take (./hash.ts linkWarnings), shown above the figure. */
  linkWarnings?: readonly string[];
}

export class FigureView {
  readonly root: HTMLElement;
  private readonly controls: Control[];
  private readonly sizeControls: Control[];
  private readonly canvas = el('canvas', { className: 'figure' });
  private readonly status = el('div', { className: 'status', role: 'status' });
  private readonly progress = el('progress', { className: 'progress', max: 1, value: 0 });
  private readonly diffs = el('div', { className: 'diffs' });
  private readonly notices = el('div', { className: 'notices', role: 'alert' });
  private readonly command = el('code', { className: 'command' });
  private readonly pinCount = el('span', { className: 'pin-count' });
  private readonly holdBox = el('input', { type: 'checkbox', id: 'hold' });
  private worker: Worker | undefined;
  private busy = false;
  private nextId = 1;
  private current: Deferred = deferred();
  private currentId = 0;
  private data: FigureData | undefined;
  private request: BuildRequest | undefined;
  private limits: Limits[] = [];
  private pins: FigureData[] = [];
  private hold: Limits[] | null = null;
  private progressTimer: ReturnType<typeof setTimeout> | undefined;
  /** Runs stopped by a newer change (their worker terminated). */
  cancelled = 0;
  /** Milliseconds from a change to the figure drawn, for the benchmark. */
  lastTiming = { total: 0, simulate: 0, draw: 0 };
  private started = 0;

  constructor(
    readonly fig: FigureModule,
    private readonly options: ViewOptions,
  ) {
    this.controls = fig.params.map((spec) => makeControl(spec, () => this.changed()));
    const sizeSpec = (name: 'figsize' | 'dpi', def: string, help: string) =>
      makeControl({ name, kind: 'text', default: def, help, pattern: /.*/, patternText: '' }, () => this.changed());
    this.sizeControls = [sizeSpec('figsize', fig.figsize.join('x'), 'figure size in inches, WxH'), sizeSpec('dpi', String(fig.dpi), 'dots per inch')];
    for (const c of [...this.controls, ...this.sizeControls]) {
      const given = options.initial[c.spec.name];
      if (given !== undefined) c.setText(given);
    }
    // The figure's place, at its size, until it is drawn.
    this.canvas.width = Math.floor(fig.figsize[0] * fig.dpi);
    this.canvas.height = Math.floor(fig.figsize[1] * fig.dpi);
    this.canvas.style.width = `${this.canvas.width}px`;
    this.notices.textContent = (options.linkWarnings ?? []).map((w) => `warning: ${w}`).join('\n');
    this.root = this.layout();
    this.changed();
  }

  private button(text: string, action: () => void, name: string): HTMLButtonElement {
    const b = el('button', { type: 'button', className: name }, text);
    b.dataset.action = name;
    b.addEventListener('click', action);
    return b;
  }

  private layout(): HTMLElement {
    const fig = this.fig;
    this.holdBox.addEventListener('change', () => this.setHold(this.holdBox.checked));
    const seed = this.controls.find((c) => c.spec.name === 'seed');
    if (seed) {
      const b = this.button('new seed', () => this.newSeed(), 'new-seed');
      seed.row.querySelector('.inputs')!.append(b);
    }
    const toolbar = el(
      'div',
      { className: 'toolbar' },
      this.button('pin', () => this.pin(), 'pin'),
      this.button('clear pins', () => this.clearPins(), 'clear-pins'),
      this.pinCount,
      el('label', { className: 'hold' }, this.holdBox, ' hold axes'),
      this.button('copy command', () => void this.copyCommand(), 'copy-command'),
      this.button('PNG', () => this.download('png'), 'download-png'),
      this.button('JSON', () => this.download('json'), 'download-json'),
      this.button('CSV', () => this.download('csv'), 'download-csv'),
      this.button('defaults', () => this.reset(), 'reset'),
    );
    return el(
      'section',
      { className: 'view' },
      el('h1', {}, fig.section),
      el('p', { className: 'summary' }, `${fig.summary} — `, el('code', {}, `snn-figs ${fig.name}`)),
      toolbar,
      el('div', { className: 'commandline' }, this.command),
      this.notices,
      this.diffs,
      el('div', { className: 'drawing' }, this.canvas, el('div', { className: 'busy' }, this.progress, this.status)),
      el(
        'form',
        { className: 'controls', onsubmit: (e: Event) => e.preventDefault() },
        ...this.controls.map((c) => c.row),
        el('details', { className: 'size' }, el('summary', {}, 'size'), ...this.sizeControls.map((c) => c.row)),
      ),
    );
  }

  /** The options that differ from their defaults (by value: `15 ms` is the default `15ms`), as typed. */
  changedEntries(): [string, string][] {
    const out: [string, string][] = [];
    for (const c of this.controls) {
      const text = c.text();
      let same = text === c.spec.default;
      if (!same) {
        try {
          same = JSON.stringify(parseOption(c.spec, text)) === JSON.stringify(parseOption(c.spec, c.spec.default));
        } catch {
          same = false;
        }
      }
      if (!same) out.push([c.spec.name, text]);
    }
    for (const c of this.sizeControls) if (c.text().trim() !== c.spec.default) out.push([c.spec.name, c.text()]);
    return out;
  }

  /** The CLI line that makes this figure. */
  commandLine(): string {
    const words = ['snn-figs', this.fig.name, ...this.changedEntries().flatMap(([k, v]) => [`--${k}`, v]), '--out', `${this.fig.name}.png`];
    return words.map(shellWord).join(' ');
  }

  private given(): Record<string, string> {
    return Object.fromEntries(this.controls.filter((c) => c.text() !== c.spec.default).map((c) => [c.spec.name, c.text()]));
  }

  /** Every edit: check the options as the CLI does, then simulate (or keep the last good figure). */
  private changed(): void {
    const entries = this.changedEntries();
    this.options.onState?.(entries);
    this.command.textContent = this.commandLine();
    this.diffs.textContent = entries.length ? `Changed: ${entries.map(([k, v]) => `${k} = ${v}`).join(', ')}` : 'All parameters at their defaults';
    const previous = this.current;
    this.current = deferred();
    previous.resolve(this.current.promise);
    for (const c of [...this.controls, ...this.sizeControls]) c.showProblem(undefined);
    this.status.textContent = '';
    let size: { figsize: [number, number]; dpi: number };
    let params;
    try {
      // One option at a time first, in declaration order, as the CLI reads them.
      for (const c of this.controls) this.check(c, () => parseOption(c.spec, c.text()));
      size = parseSize(this.fig, this.sizeControls[0].text().trim(), this.sizeControls[1].text().trim());
      params = parseOptions(this.fig, this.given(), this.threads());
    } catch (e) {
      this.fail(e);
      return;
    }
    this.status.textContent = params.warnings.map((w) => `warning: ${w}`).join('\n');
    this.send({
      type: 'build',
      id: this.nextId++,
      figure: this.fig.name,
      given: this.given(),
      figsize: size.figsize,
      dpi: size.dpi,
      pins: this.pins,
      hold: this.hold,
      threads: this.threads(),
    });
  }

  private check(c: Control, parse: () => unknown): void {
    try {
      parse();
    } catch (e) {
      if (e instanceof OptionProblem) c.showProblem(e.message);
      throw e;
    }
  }

  /** A refused option set: its message beside the control it names (or above the figure); the figure stays. */
  private fail(e: unknown): void {
    const message = e instanceof Error ? e.message : String(e);
    const option = e instanceof OptionProblem ? e.option : undefined;
    const control = [...this.controls, ...this.sizeControls].find((c) => c.spec.name === option);
    if (control) control.showProblem(message);
    else this.status.textContent = `error: ${message}`;
    this.current.reject(new Error(message));
  }

  private threads(): number {
    return Math.max(1, navigator.hardwareConcurrency || 1);
  }

  private send(req: BuildRequest): void {
    if (this.busy && this.worker) {
      // A run in progress answers old parameters: stop it at once.
      this.worker.terminate();
      this.worker = undefined;
      this.cancelled++;
    }
    if (!this.worker) {
      this.worker = new Worker(bundleUrl());
      this.worker.onmessage = (e: MessageEvent<WorkerReply>) => this.received(e.data);
      this.worker.onerror = (e) => this.received({ type: 'error', id: this.currentId, message: e.message || 'the simulation failed' });
    }
    this.busy = true;
    this.currentId = req.id;
    this.request = req;
    this.started = performance.now();
    this.worker.postMessage(req);
    clearTimeout(this.progressTimer);
    this.progressTimer = setTimeout(() => this.root.classList.add('running'), PROGRESS_AFTER_MS);
    this.progress.removeAttribute('value');
  }

  private received(reply: WorkerReply): void {
    if (reply.id !== this.currentId) return;
    if (reply.type === 'progress') {
      this.progress.max = reply.total;
      this.progress.value = reply.done;
      this.status.textContent = `simulating: ${reply.done} of ${reply.total}`;
      return;
    }
    this.busy = false;
    clearTimeout(this.progressTimer);
    this.root.classList.remove('running');
    if (reply.type === 'error') {
      this.fail(new OptionProblem(reply.message, reply.option));
      return;
    }
    this.status.textContent = this.status.textContent?.startsWith('warning') ? this.status.textContent : '';
    this.data = reply.data;
    this.limits = reply.limits;
    const { bitmap } = reply;
    this.canvas.width = bitmap.width;
    this.canvas.height = bitmap.height;
    this.canvas.style.width = `${bitmap.width}px`;
    this.canvas.getContext('bitmaprenderer')!.transferFromImageBitmap(bitmap);
    this.lastTiming = { total: performance.now() - this.started, simulate: reply.ms.simulate, draw: reply.ms.draw };
    this.current.resolve();
  }

  /** Draw again without simulating (a pin, a hold changed), if the figure is current. */
  private redraw(): void {
    if (!this.request || this.busy || !this.data) {
      this.changed();
      return;
    }
    const previous = this.current;
    this.current = deferred();
    previous.resolve(this.current.promise);
    this.send({ ...this.request, id: this.nextId++, pins: this.pins, hold: this.hold, data: this.data });
  }

  pin(): void {
    if (!this.data) return;
    this.pins = [...this.pins, this.data];
    this.pinCount.textContent = `${this.pins.length} pinned`;
    this.redraw();
  }

  clearPins(): void {
    this.pins = [];
    this.pinCount.textContent = '';
    this.redraw();
  }

  setHold(on: boolean): void {
    this.holdBox.checked = on;
    this.hold = on ? this.limits : null;
    this.redraw();
  }

  private newSeed(): void {
    const seed = this.controls.find((c) => c.spec.name === 'seed');
    if (!seed) return;
    seed.setText(String(crypto.getRandomValues(new Uint32Array(1))[0]));
    this.changed();
  }

  reset(): void {
    for (const c of [...this.controls, ...this.sizeControls]) c.setText(c.spec.default);
    this.changed();
  }

  /** Sets options as the controls do: `{ tau: '8ms', w: 0.7 }` (a bare number is in the control's unit). */
  set(values: Record<string, string | number>): void {
    for (const [name, value] of Object.entries(values)) {
      const c = [...this.controls, ...this.sizeControls].find((k) => k.spec.name === name);
      if (!c) throw new Error(`${this.fig.name} has no option '${name}'; it takes ${this.fig.params.map((p) => p.name).join(', ')}`);
      c.setText(String(value));
    }
    this.changed();
  }

  ready(): Promise<void> {
    return this.current.promise;
  }

  jsonText(): string {
    if (!this.data) throw new Error('no figure drawn yet');
    return jsonText(this.data);
  }

  csvText(): string {
    if (!this.data) throw new Error('no figure drawn yet');
    return csvText(this.data);
  }

  /** Where each panel's axes are now, by panel id. */
  axes(): Limits[] {
    return this.limits;
  }

  pinned(): number {
    return this.pins.length;
  }

  private async copyCommand(): Promise<void> {
    const text = this.commandLine();
    try {
      await navigator.clipboard.writeText(text);
      this.status.textContent = 'command copied';
    } catch {
      getSelection()?.selectAllChildren(this.command);
      this.status.textContent = 'command selected: copy it with Ctrl-C';
    }
  }

  private download(format: 'png' | 'json' | 'csv'): void {
    const name = `${this.fig.name}.${format}`;
    const save = (blob: Blob) => {
      const a = el('a', { href: URL.createObjectURL(blob), download: name });
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    };
    if (format === 'png') this.canvas.toBlob((b) => b && save(b), 'image/png');
    else save(new Blob([format === 'json' ? this.jsonText() : this.csvText()], { type: format === 'json' ? 'application/json' : 'text/csv' }));
  }

  dispose(): void {
    this.worker?.terminate();
    clearTimeout(this.progressTimer);
  }
}
