/** The list of figures as the library shows it: what each one is and which parameters it takes. */
import { FIGURES, findFigure, weekOf, type FigureName } from '../figures/registry.js';
import type { FigureModule, ParamSpec } from '../figures/spec.js';
import { InputError } from './errors.js';

/** A parameter as `buildFigure` takes it: its name (the CLI's option without dashes, e.g. `tau-x`), kind, default as typed on the command line, help, choices, bounds in SI units. */
export type ParamInfo = Readonly<Pick<ParamSpec, 'name' | 'kind' | 'default' | 'help' | 'choices' | 'min' | 'max' | 'exclusiveMin'>>;

export interface FigureInfo {
  name: FigureName;
  /** The course week (1, 2, 4, 7 or 9). */
  week: number;
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
    // The registry's figures are the course's: their names are FigureName's members.
    name: fig.name as FigureName,
    week: weekOf(fig),
    section: fig.section,
    summary: fig.summary,
    params: fig.params.map(({ name, kind, default: def, help, choices, min, max, exclusiveMin }) => ({
      name,
      kind,
      default: def,
      help,
      choices,
      min,
      max,
      exclusiveMin,
    })),
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
