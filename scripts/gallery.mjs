#!/usr/bin/env node
// Writes FOLDER/index.html (scripts/gallery-page.mjs): every figure and slide variant found in
// FOLDER, by course week. Reads the figure list from the built package (dist/), so run after
// `npm run build`.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { figures } from '../dist/index.js';
import { galleryEntries, galleryPage } from './gallery-page.mjs';

const dir = process.argv[2] ?? 'figures';
const has = (file) => existsSync(join(dir, file));
writeFileSync(join(dir, 'index.html'), galleryPage(figures, has));
const shown = galleryEntries(figures).filter((e) => has(`${e.name}.png`)).length;
console.error(`wrote ${join(dir, 'index.html')} (${shown} figures)`);
