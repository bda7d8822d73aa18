/**
 * One panel as a Chart.js line chart: its curves and markers as datasets, its limits and
 * ticks on linear scales, and our plugins for what Chart.js does not draw the matplotlib way.
 * A fresh configuration per render: Chart.js mutates the objects it is given.
 */
import type { ChartConfiguration, ChartDataset, Plugin, Scale } from 'chart.js';
import type { Marker, Panel } from '../figures/types.js';
import type { PanelGeometry } from './axes.js';
import type { Surface } from './surface.js';
import { ColorCycle, resolveColor } from './colors.js';
import { axisTextPlugin } from './plugins/axis-text.js';
import { fullBoxPlugin } from './plugins/full-box.js';
import { legendLayout, legendPlugin, type LegendEntry } from './plugins/legend.js';
import { refLinesPlugin } from './plugins/ref-lines.js';
import { FixedTicksScale } from './ticks.js';
import { LINE_WIDTH, MARKER_EDGE_WIDTH, MARKER_SIZE, TICK_LENGTH, TICK_WIDTH, SPINE_COLOR } from './style.js';

type LineDataset = ChartDataset<'line', { x: number; y: number }[]>;

/** What a panel's chart needs to know of the drawing surface (see surface.ts). */
export type PanelDrawing = Pick<Surface, 'width' | 'height' | 'unitsPerPt' | 'devicePxPerPt' | 'unitsPerDevicePx' | 'chartPixelRatio'>;

/** The curves in plotting order, each followed by its markers; colours from the panel's own tab10 cycle. */
export function panelDatasets(panel: Panel, unitsPerPt: number): { datasets: LineDataset[]; legend: LegendEntry[] } {
  const cycle = new ColorCycle();
  const datasets: LineDataset[] = [];
  const legend: LegendEntry[] = [];
  const colorOf = new Map<string, string>();
  const markersOf = new Map<string, Marker[]>();
  const loose: Marker[] = [];
  const seriesIds = new Set(panel.series.map((s) => s.id));
  for (const m of panel.markers ?? []) {
    if (m.seriesId !== undefined && seriesIds.has(m.seriesId)) markersOf.set(m.seriesId, [...(markersOf.get(m.seriesId) ?? []), m]);
    else loose.push(m);
  }
  const markerDataset = (m: Marker, color: string): LineDataset => ({
    data: [{ x: m.x, y: m.y }],
    showLine: false,
    pointStyle: 'circle',
    // 'o' of markersize 6 pt: a 6 pt disc with a 1 pt edge of the same colour.
    pointRadius: (MARKER_SIZE / 2) * unitsPerPt,
    pointBorderWidth: MARKER_EDGE_WIDTH * unitsPerPt,
    pointBackgroundColor: color,
    pointBorderColor: color,
    pointHoverRadius: 0,
    clip: 0,
  });
  for (const s of panel.series) {
    // The cycle advances only for curves without a colour of their own, as in matplotlib.
    const color = s.color !== undefined ? resolveColor(s.color) : cycle.take();
    colorOf.set(s.id, color);
    const n = Math.min(s.x.length, s.y.length);
    const data = Array.from({ length: n }, (_, i) => ({ x: s.x[i], y: s.y[i] }));
    datasets.push({
      data,
      borderColor: color,
      borderWidth: LINE_WIDTH * unitsPerPt,
      // lines.solid_capstyle 'projecting', lines.solid_joinstyle 'round'.
      borderCapStyle: 'square',
      borderJoinStyle: 'round',
      pointRadius: 0,
      pointHoverRadius: 0,
      tension: 0,
      fill: false,
      spanGaps: false,
      // Clipped exactly at the axes box, as matplotlib clips.
      clip: 0,
    });
    if (s.label && !s.label.startsWith('_')) legend.push({ label: s.label, color });
    for (const m of markersOf.get(s.id) ?? []) datasets.push(markerDataset(m, m.color !== undefined ? resolveColor(m.color) : color));
  }
  for (const m of loose) datasets.push(markerDataset(m, m.color !== undefined ? resolveColor(m.color) : cycle.take()));
  // Chart.js draws the lowest `order` last (on top); matplotlib draws later plots on top.
  datasets.forEach((d, k) => (d.order = -k));
  return { datasets, legend };
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

export function panelChartConfig(g: PanelGeometry, d: PanelDrawing): ChartConfiguration<'line', { x: number; y: number }[]> {
  const u = d.unitsPerPt;
  const { datasets, legend } = panelDatasets(g.panel, u);
  const plugins: Plugin<'line'>[] = [
    refLinesPlugin({ hlines: g.panel.hlines, vlines: g.panel.vlines, unitsPerPt: u, unitsPerDevicePx: d.unitsPerDevicePx }),
    fullBoxPlugin({ unitsPerPt: u, unitsPerDevicePx: d.unitsPerDevicePx }),
    axisTextPlugin({ geometry: g, unitsPerPt: u }),
    legendPlugin({ layout: g.panel.legend ? legendLayout(legend, g.box, d.devicePxPerPt) : undefined, unitsPerPt: u, unitsPerDevicePx: d.unitsPerDevicePx }),
  ];
  return {
    type: 'line',
    data: { datasets },
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
        x: scaleOptions(g.xlim, g.xticks.map((t) => t.value), true, false, d),
        y: scaleOptions(g.ylim, g.yticks.map((t) => t.value), g.panel.yticks !== false, true, d),
      },
    },
    plugins,
  };
}
