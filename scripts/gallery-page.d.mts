// Types of gallery-page.mjs for the tests (scripts stay plain JavaScript).
import type { FigureInfo } from '../src/api/figures.js';

export interface GalleryEntry {
  name: string;
  /** The figure a slide variant belongs to (its own name for a figure). */
  parent: string;
  caption: string;
  alt: string;
  command: string;
  figsize: readonly [number, number];
  dpi: number;
}

export const WEEKS: readonly { week: number; topic: string; names: readonly string[] }[];
export const CAPTIONS: Readonly<Record<string, string>>;
export const VARIANT_ALT: Readonly<Record<string, string>>;
export function galleryEntries(figures: readonly FigureInfo[]): GalleryEntry[];
export function galleryPage(figures: readonly FigureInfo[], has: (file: string) => boolean): string;
