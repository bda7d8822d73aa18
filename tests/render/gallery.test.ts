/**
 * The gallery page (scripts/gallery-page.mjs → figures/index.html, `make figures`): parsed by
 * parse5, the WHATWG HTML parser, with no parse error; the weeks as headings with a contents
 * list; one caption per figure, unique, in the course's words; alt text of each variant its own;
 * every image at one scale; the explorable page's link only where that page exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes, type ParserError } from 'parse5';
import { describe, expect, it } from 'vitest';
import { figures } from '../../src/api/figures.js';
import { CAPTIONS, galleryEntries, galleryPage, VARIANT_ALT, WEEKS } from '../../scripts/gallery-page.mjs';

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.Node;

/** The document and its parse errors (malformed markup: a stray quote, a bad attribute, a missing end tag…). */
function parsed(html: string) {
  const errors: ParserError[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(e), sourceCodeLocationInfo: true });
  const all: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) all.push(n);
    const kids = 'content' in n && n.content ? n.content.childNodes : 'childNodes' in n ? n.childNodes : [];
    kids.forEach(walk);
  };
  walk(doc);
  return { errors, all, byTag: (tag: string) => all.filter((e) => e.tagName === tag) };
}

const attr = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;
const text = (n: Node): string => ('value' in n && n.nodeName === '#text' ? n.value : 'childNodes' in n ? n.childNodes.map(text).join('') : '');
const within = (e: Element, tag: string): Element[] => {
  const found: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n && n.tagName === tag) found.push(n);
    if ('childNodes' in n) n.childNodes.forEach(walk);
  };
  e.childNodes.forEach(walk);
  return found;
};

const names = figures.flatMap((f) => [f.name, ...f.variants.map((v) => v.name)]);
const everything = (file: string) => file.endsWith('.png') || file.endsWith('.svg');
const page = galleryPage(figures, everything);

describe('the gallery page', () => {
  it('parses as HTML without a single parse error', () => {
    const { errors, byTag } = parsed(page);
    expect(errors.map((e) => `${e.code} at line ${e.startLine}, column ${e.startCol}`)).toEqual([]);
    expect(byTag('figure')).toHaveLength(names.length);
  });

  it('escapes what it quotes: the website variant’s summary has double quotes', () => {
    const { byTag } = parsed(page);
    const img = byTag('img').find((i) => attr(i, 'src') === 'biological-neuron-website.png');
    expect(attr(img as Element, 'alt')).toContain('"biological" neuron');
  });

  it('names the course weeks in its title, and has a heading and a contents entry per week', () => {
    const { byTag, all } = parsed(page);
    expect(text(byTag('title')[0])).toBe('snn-figs: the course figures of weeks 1, 2, 4, 7 and 9');
    const headings = byTag('h2').map(text);
    expect(headings).toEqual(['Contents', ...WEEKS.map((w) => `Week ${w.week} · ${w.topic}`)]);
    const ids = new Set(all.map((e) => attr(e, 'id')).filter((id) => id !== undefined));
    expect(ids.size).toBe(all.filter((e) => attr(e, 'id') !== undefined).length);
    const nav = byTag('nav')[0];
    const targets = within(nav, 'a').map((a) => attr(a, 'href'));
    const entries = galleryEntries(figures);
    expect(targets).toEqual(WEEKS.flatMap((w) => [`#week-${w.week}`, ...entries.filter((e) => w.names.includes(e.parent)).map((e) => `#${e.name}`)]));
    for (const t of targets) expect(ids.has((t as string).slice(1)), t).toBe(true);
  });

  it('puts every figure of the registry in exactly one week', () => {
    const listed = WEEKS.flatMap((w) => w.names);
    expect([...listed].sort()).toEqual(figures.map((f) => f.name).sort());
  });

  it('gives each figure one caption of its own, in the course’s words, without nested parentheses', () => {
    const { byTag } = parsed(page);
    const captions = byTag('figure').map((f) => within(f, 'figcaption'));
    expect(captions.every((c) => c.length === 1)).toBe(true);
    const entries = galleryEntries(figures);
    const texts = entries.map((e) => e.caption);
    expect(new Set(texts).size).toBe(texts.length);
    for (const t of texts) expect(t, t).not.toMatch(/\([^)]*\(/);
    // No caption of week 7 repeats its heading's "Decision making".
    for (const e of entries.filter((x) => WEEKS.find((w) => w.week === 7)?.names.includes(x.parent))) expect(e.caption).not.toMatch(/Decision making/);
    // A caption is the notebook section unless the gallery says otherwise.
    for (const f of figures) expect(entries.find((e) => e.name === f.name)?.caption).toBe(CAPTIONS[f.name] ?? f.section);
  });

  it('describes each variant by what it shows, not by its figure’s summary', () => {
    const entries = galleryEntries(figures);
    for (const f of figures)
      for (const v of f.variants) {
        expect(VARIANT_ALT[v.name], v.name).toBeDefined();
        expect(entries.find((e) => e.name === v.name)?.alt).not.toBe(entries.find((e) => e.name === f.name)?.alt);
      }
    const alt = (n: string) => entries.find((e) => e.name === n)?.alt ?? '';
    expect(alt('psp-forms-exponential')).not.toMatch(/alpha|biexponential/);
    expect(alt('psp-forms-alpha')).not.toMatch(/biexponential/);
  });

  it('shows every image at one scale: its CSS width in inches is its figsize', () => {
    const { byTag } = parsed(page);
    for (const img of byTag('img')) {
      const name = (attr(img, 'src') as string).replace(/\.png$/, '');
      const e = galleryEntries(figures).find((x) => x.name === name);
      expect(attr(img, 'style'), name).toBe(`width: ${e?.figsize[0]}in`);
      // The PNG's own pixel size, so the page keeps the aspect ratio before the image loads.
      expect(Number(attr(img, 'width')) / Number(attr(img, 'height'))).toBeCloseTo((e?.figsize[0] ?? 0) / (e?.figsize[1] ?? 1), 2);
    }
    // stp-ux is a slide of 8 × 2.9 in, not the 8 × 5 in of its figure.
    expect(galleryEntries(figures).find((x) => x.name === 'stp-ux')?.figsize).toEqual([8, 2.9]);
  });

  it('links the explorable page only where it exists, and leaves out figures without a PNG', () => {
    expect(page).not.toContain('explore/');
    const withExplore = galleryPage(figures, (f) => everything(f) || f === 'explore/index.html');
    expect(parsed(withExplore).errors).toEqual([]);
    for (const n of names) expect(withExplore).toContain(`<a href="explore/index.html#${n}">explore</a>`);
    const some = galleryPage(figures, (f) => f === 'lif.png');
    const { byTag } = parsed(some);
    expect(byTag('figure').map((f) => attr(f, 'id'))).toEqual(['lif']);
    expect(byTag('h2').map(text)).toEqual(['Contents', 'Week 1 · Neuron models']);
    expect(text(byTag('title')[0])).toBe('snn-figs: the course figures of weeks 1');
    expect(some).not.toContain('lif.svg');
  });

  it('is what figures/index.html holds, and that parses cleanly too', () => {
    const committed = join('figures', 'index.html');
    if (!existsSync(committed)) throw new Error('figures/index.html is missing: run make figures');
    const html = readFileSync(committed, 'utf8');
    expect(parsed(html).errors).toEqual([]);
    expect(html).toBe(galleryPage(figures, (f) => existsSync(join('figures', f))));
  });
});
