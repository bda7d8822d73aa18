/**
 * The gallery page (figures/index.html) as a string: the course figures by week, each with one
 * caption in the course's words (its notebook section, or the figure's own title where a week's
 * figures share a section), alt text saying what that very image shows, the command that made
 * it, and every image at one scale (a figure inch is a CSS inch, so a 4 × 3 in figure shows at
 * 4/10 the width of a 10 × 6 in one, as the notebooks show them).
 *
 * Pure: it is given the figure list (the package's `figures`) and what exists in the folder.
 */

/** The course weeks in order, their topic, and their figures by name (the registry's order within a week). */
export const WEEKS = [
  {
    week: 1,
    topic: 'Neuron models',
    names: [
      'biological-neuron',
      'biological-neuron-website',
      'integrate-and-fire',
      'lif',
      'reliable-spike-timing',
      'reliable-spike-timing-non-leaky',
      'lif-synapses',
      'adaptive-threshold',
      'hodgkin-huxley',
    ],
  },
  { week: 2, topic: 'Synapses', names: ['psp-abstraction', 'psp-forms', 'stp', 'coincidence', 'tuning-curve', 'population'] },
  { week: 4, topic: 'STDP input patterns', names: ['stdp-latency', 'stdp-correlated'] },
  { week: 7, topic: 'Decision making', names: ['decision-random-walk', 'reaction-times'] },
  { week: 9, topic: 'Neural codes', names: ['analogue-vs-digital', 'spike-vs-rate', 'coincidence-rank-code'] },
];

/**
 * Captions other than the registry's notebook section: the slide variants (the section and
 * the slide), a section that names only part of the cell, and week 7, whose figures all come
 * from the section "Decision making" (the week's topic) and are told apart by their own titles.
 */
export const CAPTIONS = {
  'psp-forms-exponential': 'Postsynaptic potential forms, slide 1: exponential',
  'psp-forms-alpha': 'Postsynaptic potential forms, slide 2: exponential and alpha',
  'stp-depression': 'Short term synaptic plasticity, slide: depression',
  'stp-facilitation': 'Short term synaptic plasticity, slide: facilitation',
  'stp-ux': 'Short term synaptic plasticity, slide: u and x',
  'biological-neuron-website': '"Biological" neurons, version for website',
  'decision-random-walk': 'Biased random walk with 10 time points, seed 21303',
  'decision-random-walk-10': 'Biased random walk with 10 time points, as published',
  'decision-random-walk-30': 'Biased random walk with 30 time points, as published',
  'decision-random-walk-100': 'Biased random walk with 100 time points',
  'decision-random-walk-1000': 'Biased random walk with 1000 time points',
  'reaction-times': 'Reaction time distributions for high and low decision thresholds',
};

/** What each slide variant shows (a variant shows less than its figure, or other data). */
export const VARIANT_ALT = {
  'psp-forms-exponential': 'the exponential PSP shape alone, normalised',
  'psp-forms-alpha': 'the exponential and alpha PSP shapes, normalised',
  'stp-depression': 'the PSPs of a depressing synapse (Tsodyks–Markram) alone',
  'stp-facilitation': 'the PSPs of a facilitating synapse (Tsodyks–Markram) alone',
  'stp-ux': 'the u and x of the depressing and the facilitating synapse alone',
  'decision-random-walk-10': 'the published biased random walk of 10 steps: its left and right draws as boxes, the evidence between two decision thresholds',
  'decision-random-walk-30': 'the published biased random walk of 30 steps: its left and right draws as boxes, the evidence between two decision thresholds',
  'decision-random-walk-100': 'a biased random walk of 100 steps: its draws as blank boxes, the evidence between two decision thresholds',
  'decision-random-walk-1000': 'a biased random walk of 1000 steps: its draws merge into a band, the evidence between two decision thresholds',
};

const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s) => escapeText(s).replace(/"/g, '&quot;');
const sentence = (s) => s.charAt(0).toUpperCase() + s.slice(1) + (/[.!?]$/.test(s) ? '' : '.');

/** The figure size a variant's arguments set (`--figsize WxH`), else its figure's. */
function figsizeOf(args, fallback) {
  const k = args.indexOf('--figsize');
  const m = k < 0 ? null : /^([\d.]+)x([\d.]+)$/.exec(args[k + 1] ?? '');
  return m ? [Number(m[1]), Number(m[2])] : fallback;
}

/** Every figure and variant as a gallery entry, in registry order. */
export function galleryEntries(figures) {
  return figures.flatMap((f) => [
    {
      name: f.name,
      parent: f.name,
      caption: CAPTIONS[f.name] ?? f.section,
      alt: sentence(f.summary),
      command: `snn-figs ${f.name} --out ${f.name}.png`,
      figsize: f.figsize,
      dpi: f.dpi,
    },
    ...f.variants.map((v) => ({
      name: v.name,
      parent: f.name,
      caption: CAPTIONS[v.name] ?? `${f.section}, ${v.description}`,
      alt: sentence(VARIANT_ALT[v.name] ?? v.description),
      command: `snn-figs ${f.name} ${v.args.join(' ')} --out ${v.name}.png`,
      figsize: figsizeOf(v.args, f.figsize),
      dpi: f.dpi,
    })),
  ]);
}

/**
 * The page. `has(file)`: whether FOLDER/file exists (figures without a PNG are left out; the
 * SVG link and the explorable page's link appear only where there is one).
 */
export function galleryPage(figures, has) {
  const entries = galleryEntries(figures).filter((e) => has(`${e.name}.png`));
  const weekOf = new Map(WEEKS.flatMap((w) => w.names.map((n) => [n, w])));
  const other = { week: undefined, topic: 'Other figures', names: [] };
  const groups = [...WEEKS, other]
    .map((w) => ({ ...w, entries: entries.filter((e) => (weekOf.get(e.parent) ?? other) === w) }))
    .filter((w) => w.entries.length > 0);
  const explore = has('explore/index.html');
  const idOf = (w) => (w.week === undefined ? 'other' : `week-${w.week}`);
  const heading = (w) => (w.week === undefined ? w.topic : `Week ${w.week} · ${w.topic}`);
  const weeks = groups.filter((w) => w.week !== undefined).map((w) => w.week);
  const weekList = weeks.length > 1 ? `${weeks.slice(0, -1).join(', ')} and ${weeks.at(-1)}` : String(weeks[0] ?? '');

  const contents = groups
    .map(
      (w) => `  <li><a href="#${idOf(w)}">${escapeText(heading(w))}</a>
    <ol>
${w.entries.map((e) => `      <li><a href="#${e.name}">${escapeText(e.caption)}</a></li>`).join('\n')}
    </ol>
  </li>`,
    )
    .join('\n');

  const card = (e) => {
    const [w, h] = e.figsize;
    const links = [`<a href="${e.name}.png">PNG</a>`];
    if (has(`${e.name}.svg`)) links.push(`<a href="${e.name}.svg">SVG</a>`);
    if (explore) links.push(`<a href="explore/index.html#${e.name}">explore</a>`);
    return `<figure id="${e.name}">
  <a href="${e.name}.png"><img src="${e.name}.png" alt="${escapeAttr(e.alt)}" width="${Math.floor(w * e.dpi + 1e-6)}" height="${Math.floor(h * e.dpi + 1e-6)}" style="width: ${w}in" loading="lazy"></a>
  <figcaption><span class="caption">${escapeText(e.caption)}</span> <code>${escapeText(e.command)}</code> <span class="links">${links.join(' · ')}</span></figcaption>
</figure>`;
  };

  const sections = groups
    .map(
      (w) => `<section id="${idOf(w)}">
<h2>${escapeText(heading(w))}</h2>
${w.entries.map(card).join('\n')}
</section>`,
    )
    .join('\n');

  const title = `snn-figs: the course figures of weeks ${weekList}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeText(title)}</title>
<style>
body { font-family: "DejaVu Sans", sans-serif; margin: 2em auto; max-width: 1000px; padding: 0 1em; color: #222; }
figure { margin: 2em 0; border-bottom: 1px solid #ddd; padding-bottom: 1em; }
/* One scale for every figure: its width in inches is its figsize's (1 in = 96 CSS px). */
img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { margin-top: 0.4em; }
figcaption .caption { display: block; font-weight: bold; }
code { background: #f4f4f4; padding: 0.1em 0.3em; overflow-wrap: anywhere; }
nav ol ol { font-size: 0.9em; }
</style>
</head>
<body>
<h1>${escapeText(title)}</h1>
<p>The figures of the neuro4ml course's notebooks, regenerated by <code>make figures</code>: Brian2's models simulated by snn-figs in TypeScript, drawn as matplotlib drew them. Each shows at the size the notebook gave it.</p>
<nav aria-labelledby="contents">
<h2 id="contents">Contents</h2>
<ol>
${contents}
</ol>
</nav>
${sections}
</body>
</html>
`;
}
