// Writes the manual page dist/man/snn-figs.1 from the built CLI (run by `npm run build`, after tsc).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { buildProgram } from '../dist/cli/main.js';
import { manPage } from '../dist/cli/man-page.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const out = new URL('../dist/man/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('snn-figs.1', out), manPage(buildProgram({ stdout: process.stdout, stderr: process.stderr }), version));
