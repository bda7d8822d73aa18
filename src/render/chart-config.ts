/**
 * One panel as a Chart.js line chart: its marks in matplotlib's drawing order (zorder, then
 * call order) as datasets — Chart.js draws the markers, our paint functions the lines and
 * the others (bars, fills, reference lines, text) at their place in the sequence — then the
 * spines (zorder 2.5), the marks above them (text, zorder 3), the axis text and the legend.
 * A fresh configuration per render: Chart.js mutates the objects it is given.
 */
import { BasicPlatform, type ChartConfiguration, type Plugin, type Scale } from 'chart.js';
import type { Context2D as CanvasRenderingContext2D } from './context.js';
import type { PanelGeometry } from './axes.js';
import { legendEntries, moduleOf } from './marks/index.js';
import type { AxesFrame, DrawEnv, LineDataset, Paint, Point } from './marks/types.js';
import type { Surface } from './surface.js';
import { axisTextPlugin } from './plugins/axis-text.js';
import { fullBoxPlugin } from './plugins/full-box.js';
import { legendLayout, legendPlugin } from './plugins/legend.js';
import { TEXT_API } from './text-api.js';
import { FixedTicksScale } from './ticks.js';
import { LEGEND_FONT_SIZE, ownFontSize, TICK_LENGTH, TICK_WIDTH, SPINE_COLOR } from './style.js';
import { panelObstacles } from './obstacles.js';

/** What a panel's chart needs to know of the drawing surface (see surface.ts). */
export type PanelDrawing = Pick<
  Surface,
  'width' | 'height' | 'unitsPerPt' | 'devicePxPerPt' | 'unitsPerDevicePx' | 'chartPixelRatio' | 'lineSimplifyThreshold' | 'rasterLayer'
>;

/** Spines sit at zorder 2.5: marks above it are painted after the box. */
const SPINE_ZORDER = 2.5;

interface PanelOps {
  datasets: LineDataset[];
  /** Paint functions by dataset index: an empty dataset holds the place of each in the sequence. */
  paints: Map<number, { paint: Paint; clip: boolean }>;
  above: { paint: Paint; clip: boolean }[];
}

/** Every mark's drawing operations in matplotlib's order. */
export function panelOps(g: PanelGeometry, env: DrawEnv): PanelOps {
  const { marks, colors, order } = g.content;
  const ops: PanelOps = { datasets: [], paints: new Map(), above: [] };
  for (const k of order) {
    const m = marks[k];
    const z = m.zorder ?? moduleOf(m).zorder;
    for (const op of moduleOf(m).draw(m, colors[k], env)) {
      if ('dataset' in op) ops.datasets.push(op.dataset);
      else if (z > SPINE_ZORDER) ops.above.push(op);
      else {
        ops.paints.set(ops.datasets.length, op);
        ops.datasets.push({ data: [] as Point[], pointRadius: 0, showLine: false });
      }
    }
  }
  // Chart.js draws the lowest `order` last (on top); matplotlib draws later artists on top.
  ops.datasets.forEach((d, k) => (d.order = -k));
  return ops;
}

function frameOf(chart: { chartArea: { left: number; top: number; right: number; bottom: number }; scales: Record<string, Scale> }): AxesFrame {
  const a = chart.chartArea;
  return {
    left: a.left,
    top: a.top,
    right: a.right,
    bottom: a.bottom,
    x: (v) => chart.scales.x.getPixelForValue(v),
    y: (v) => chart.scales.y.getPixelForValue(v),
  };
}

function runPaint(ctx: CanvasRenderingContext2D, op: { paint: Paint; clip: boolean }, f: AxesFrame): void {
  ctx.save();
  if (op.clip) {
    ctx.beginPath();
    ctx.rect(f.left, f.top, f.right - f.left, f.bottom - f.top);
    ctx.clip();
  }
  op.paint(ctx, f);
  ctx.restore();
}

/** Paints the non-Chart.js marks at their dataset's place, and those above the spines after the box. */
function paintPlugin(ops: PanelOps): { before: Plugin<'line'>; after: Plugin<'line'> } {
  return {
    before: {
      id: 'mplMarks',
      afterDatasetDraw(chart, args) {
        const op = ops.paints.get(args.index);
        if (op) runPaint(chart.ctx as unknown as CanvasRenderingContext2D, op, frameOf(chart));
      },
    },
    after: {
      id: 'mplMarksAbove',
      afterDatasetsDraw(chart) {
        const f = frameOf(chart);
        for (const op of ops.above) runPaint(chart.ctx as unknown as CanvasRenderingContext2D, op, f);
      },
    },
  };
}

/** Ticks and tick marks only: labels, spines and grid are ours or absent. */
function scaleOptions(lim: [number, number], ticks: number[], show: boolean, vertical: boolean, d: PanelDrawing) {
  const tickWidth = TICK_WIDTH * d.unitsPerPt;
  return {
    // Our ticks only: Chart.js's own tick generation can spin on tiny ranges (ticks.ts).
    type: FixedTicksScale.id as 'linear',
    position: vertical ? ('left' as const) : ('bottom' as const),
    min: lim[0],
    max: lim[1],
    bounds: 'data' as const,
    grace: 0,
    afterBuildTicks(scale: Scale) {
      scale.ticks = ticks.map((value) => ({ value }));
    },
    // The chart area is the axes box we computed (layout padding): the scales take no room.
    afterFit(scale: Scale) {
      if (vertical) scale.width = 0;
      else scale.height = 0;
      scale.paddingLeft = scale.paddingRight = scale.paddingTop = scale.paddingBottom = 0;
    },
    border: { display: false },
    grid: {
      display: show,
      drawOnChartArea: false,
      drawTicks: show,
      tickLength: TICK_LENGTH * d.unitsPerPt,
      tickWidth,
      tickColor: SPINE_COLOR,
      // Not drawn (drawOnChartArea is off): its width only sets how Chart.js aligns tick marks to
      // device pixels, and an even width puts them on pixel edges, as Agg snaps an even-width stroke.
      lineWidth: d.unitsPerDevicePx !== undefined ? (Math.round(tickWidth / d.unitsPerDevicePx) % 2 === 0 ? 2 : 1) * d.unitsPerDevicePx : tickWidth,
    },
    ticks: { display: false, autoSkip: false },
  };
}

/** The panel's legend, placed (for 'best', away from its data); undefined without one. */
export function panelLegend(g: PanelGeometry, devicePxPerPt?: number) {
  const spec = g.panel.legend;
  if (spec === undefined || spec === false) return undefined;
  const { loc, fontsize } =
    spec === true
      ? { loc: 'upper right' as const, fontsize: LEGEND_FONT_SIZE }
      : typeof spec === 'string'
        ? { loc: spec, fontsize: LEGEND_FONT_SIZE }
        : { loc: spec.loc, fontsize: spec.fontsize !== undefined ? ownFontSize(spec.fontsize) : LEGEND_FONT_SIZE };
  const entries = legendEntries(g.content.marks, g.content.colors);
  return legendLayout(entries, g.box, { loc, fontsize, obstacles: loc === 'best' ? panelObstacles(g) : undefined, devicePxPerPt });
}

export function panelChartConfig(g: PanelGeometry, d: PanelDrawing): ChartConfiguration<'line', Point[]> {
  const u = d.unitsPerPt;
  const ops = panelOps(g, {
    unitsPerPt: u,
    unitsPerDevicePx: d.unitsPerDevicePx,
    devicePxPerPt: d.devicePxPerPt,
    lineSimplifyThreshold: d.lineSimplifyThreshold,
    rasterLayer: d.rasterLayer,
    text: TEXT_API,
  });
  const paints = paintPlugin(ops);
  const plugins: Plugin<'line'>[] = [
    paints.before,
    ...(g.panel.frame === false ? [] : [fullBoxPlugin({ unitsPerPt: u, unitsPerDevicePx: d.unitsPerDevicePx })]),
    paints.after,
    axisTextPlugin({ geometry: g, unitsPerPt: u }),
    legendPlugin({ layout: panelLegend(g, d.devicePxPerPt), unitsPerPt: u, unitsPerDevicePx: d.unitsPerDevicePx }),
  ];
  return {
    type: 'line',
    // No DOM events or resizing, in Node and in a page alike: the figure is drawn once, at its size.
    platform: BasicPlatform,
    data: { datasets: ops.datasets },
    options: {
      responsive: false,
      maintainAspectRatio: false,
      animation: false,
      events: [],
      // See surface.ts: chart units are 1/8 pixel (PNG) or 1/20 point (vector).
      devicePixelRatio: d.chartPixelRatio,
      parsing: false,
      layout: {
        autoPadding: false,
        padding: { left: g.box.left * u, top: g.box.top * u, right: (d.width - g.box.right) * u, bottom: (d.height - g.box.bottom) * u },
      },
      scales: {
        x: scaleOptions(
          g.xlim,
          g.xticks.map((t) => t.value),
          g.showXTicks,
          false,
          d,
        ),
        y: scaleOptions(
          g.ylim,
          g.yticks.map((t) => t.value),
          g.showYTicks,
          true,
          d,
        ),
      },
    },
    plugins,
  };
}
