/**
 * One control per option: a slider (logarithmic where the range spans decades) with a typed
 * field beside it that takes what the CLI takes (`8ms`, `-65mV`), a select for a choice, a
 * text field for lists and words. The field's text is the value: the slider only writes it.
 */
import { boundsText, DIMENSIONS, inDisplayUnit, parseOption, type ParamSpec } from './core-imports.js';

/** The unit a bare number is in, as the CLI reads it. */
export function unitOf(spec: ParamSpec): string {
  if (spec.kind === 'time' || spec.kind === 'times') return 'ms';
  if (spec.kind === 'quantity' && spec.dimension) return DIMENSIONS[spec.dimension].display;
  return '';
}

function display(spec: ParamSpec, si: number): number {
  if (spec.kind === 'time') return Number((si * 1e3).toPrecision(12));
  if (spec.kind === 'quantity' && spec.dimension) return inDisplayUnit(spec.dimension, si);
  return si;
}

export interface SliderRange {
  lo: number;
  hi: number;
  log: boolean;
  integer: boolean;
}

/**
 * Where a slider goes, in the display unit: between the declared bounds where both are given,
 * else a decade either side of a positive default (logarithmic: time constants, rates, counts),
 * else twice the default's size either side of it. Seeds get no slider (a seed has no order).
 */
export function sliderRange(spec: ParamSpec): SliderRange | undefined {
  if (!['time', 'number', 'integer', 'quantity'].includes(spec.kind) || spec.name === 'seed') return undefined;
  const def = display(spec, parseOption(spec, spec.default) as number);
  const min = spec.min === undefined ? undefined : display(spec, spec.min);
  const max = spec.max === undefined ? undefined : display(spec, spec.max);
  const integer = spec.kind === 'integer';
  let lo: number;
  let hi: number;
  let log = false;
  if (min !== undefined && max !== undefined && max - min <= 1e4 * Math.max(1, Math.abs(min))) {
    lo = min;
    hi = max;
    log = min > 0 && max / min >= 100;
    if (min === 0 && max >= 1000 && def > 0) {
      lo = Math.max(integer ? 1 : 0, def / 10);
      hi = Math.min(max, def * 10);
      log = true;
    }
  } else if (def > 0 && (min === undefined || min >= 0)) {
    lo = Math.max(min ?? 0, def / 10);
    hi = def * 10;
    if (max !== undefined) hi = Math.min(hi, max);
    if (lo === 0) lo = def / 10;
    log = true;
  } else if (def === 0) {
    lo = min ?? -1;
    hi = max ?? 1;
  } else {
    lo = def - 2 * Math.abs(def);
    hi = def + 2 * Math.abs(def);
    if (min !== undefined) lo = Math.max(lo, min);
    if (max !== undefined) hi = Math.min(hi, max);
  }
  if (integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
  }
  if (!(hi > lo)) return undefined;
  return { lo, hi, log, integer };
}

const STEPS = 1000;

export function toPosition(r: SliderRange, v: number): number {
  const f = r.log ? Math.log(v / r.lo) / Math.log(r.hi / r.lo) : (v - r.lo) / (r.hi - r.lo);
  return Math.round(Math.min(1, Math.max(0, f)) * STEPS);
}

export function fromPosition(r: SliderRange, position: number): number {
  const f = position / STEPS;
  const v = r.log ? r.lo * Math.pow(r.hi / r.lo, f) : r.lo + f * (r.hi - r.lo);
  return r.integer ? Math.round(v) : Number(v.toPrecision(3));
}

export interface Control {
  spec: ParamSpec;
  row: HTMLElement;
  /** The text as the CLI would take it. */
  text(): string;
  setText(text: string): void;
  /** The CLI's message beside the control, or none. */
  showProblem(message: string | undefined): void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}
export { el };

/** The control of one option; `changed` is called with every edit. */
export function makeControl(spec: ParamSpec, changed: () => void): Control {
  const unit = unitOf(spec);
  const range = sliderRange(spec);
  const id = `opt-${spec.name}`;
  const label = el('label', { htmlFor: id, className: 'name' }, `--${spec.name}`);
  const problem = el('div', { className: 'problem', role: 'alert' });
  const bounds = boundsText(spec);
  const help = el(
    'div',
    { className: 'help' },
    `${spec.help} (default ${spec.default}${unit && /^-?[\d.]+(e[+-]?\d+)?$/i.test(spec.default.trim()) ? ` ${unit}` : ''}${bounds ? `; ${bounds}` : ''})`,
  );
  let field: HTMLInputElement | HTMLSelectElement;
  let slider: HTMLInputElement | undefined;
  if (spec.kind === 'choice') {
    field = el('select', { id, name: spec.name });
    for (const c of spec.choices ?? []) field.append(el('option', { value: c }, c));
  } else {
    field = el('input', { id, name: spec.name, type: 'text', spellcheck: false, autocomplete: 'off' });
    if (range) {
      slider = el('input', {
        type: 'range',
        min: '0',
        max: String(STEPS),
        step: '1',
        className: 'slider',
        title: `${range.lo}${unit} … ${range.hi}${unit}${range.log ? ' (logarithmic)' : ''}`,
      });
      slider.dataset.option = spec.name;
      slider.setAttribute('aria-label', `--${spec.name} slider`);
    }
  }
  field.value = spec.default;
  field.dataset.option = spec.name;
  const syncSlider = () => {
    if (!slider || !range) return;
    try {
      slider.value = String(toPosition(range, display(spec, parseOption(spec, field.value) as number)));
    } catch {
      // An invalid text leaves the slider where it was.
    }
  };
  syncSlider();
  field.addEventListener(spec.kind === 'choice' ? 'change' : 'input', () => {
    syncSlider();
    changed();
  });
  slider?.addEventListener('input', () => {
    field.value = `${fromPosition(range!, Number(slider!.value))}${unit}`;
    changed();
  });
  const unitText = unit ? el('span', { className: 'unit' }, unit) : '';
  const row = el('div', { className: 'control' }, label, el('div', { className: 'inputs' }, ...(slider ? [slider] : []), field, unitText), help, problem);
  row.dataset.option = spec.name;
  return {
    spec,
    row,
    text: () => field.value,
    setText(text: string) {
      field.value = text;
      syncSlider();
    },
    showProblem(message) {
      problem.textContent = message ?? '';
      row.classList.toggle('invalid', message !== undefined);
    },
  };
}
