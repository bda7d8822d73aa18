// Test only: makes `import('canvas')` fail as it does where canvas is missing or not built,
// for the process that loads this with `node --import` (and its worker threads).
// FAKE_CANVAS=missing: the package is absent; FAKE_CANVAS=unbuilt: its native build is.
import { register } from 'node:module';

register(new URL('./fake-canvas-loader.mjs', import.meta.url), { data: { mode: process.env.FAKE_CANVAS ?? 'missing' } });
