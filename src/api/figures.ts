/** The list of figures as the library shows it: what each one is and which parameters it takes. */
import { FIGURES, findFigure } from '../figures/registry.js';
import type { FigureModule, ParamKind } from '../figures/spec.js';
import { InputError } from './errors.js';

export interface ParamInfo {
  /** The key in `buildFigure`'s parameters (the CLI's option without dashes), e.g. `tau-x`. */
  name: string;
  kind: ParamKind;
  /** The default as it would be typed on the command line, e.g. `10ms`. */
  default: string;
  help: string;
  choices?: readonly string[];
  /** Bounds in SI units (seconds for times). */
  min?: number;
  max?: number;
}

export interface FigureInfo {
  name: string;
  /** The notebook section the figure comes from. */
  section: string;
  summary: string;
  params: readonly ParamInfo[];
  /** Inches and dots per inch, as in the notebook (the defaults of `renderFigure`). */
  figsize: readonly [number, number];
  dpi: number;
  /** Slide variants: a name and the CLI arguments that make it. */
  variants: readonly { name: string; args: readonly string[]; description: string }[];
}

function describe(fig: FigureModule): FigureInfo {
  return {
    name: fig.name,
    section: fig.section,
    summary: fig.summary,
    params: fig.params.map(({ name, kind, default: def, help, choices, min, max }) => ({ name, kind, default: def, help, choices, min, max })),
    figsize: fig.figsize,
    dpi: fig.dpi,
    variants: fig.variants ?? [],
  };
}

/** Every course figure, in the notebook's order. */
export const figures: readonly FigureInfo[] = FIGURES.map(describe);

export function figureModule(name: string): FigureModule {
  const fig = typeof name === 'string' ? findFigure(name) : undefined;
  if (!fig) throw new InputError(`unknown figure '${String(name)}'; the figures are ${FIGURES.map((f) => f.name).join(', ')}`);
  return fig;
}
