// Test only: makes `import('canvas')` and `require('canvas')` fail as they do where canvas is
// missing or not built, for the process that loads this with `node --import` (and, for import,
// its worker threads). The CLI's bundle is a script, whose import() of canvas is a require().
// FAKE_CANVAS=missing: the package is absent; FAKE_CANVAS=unbuilt: its native build is.
import Module, { register } from 'node:module';

const mode = process.env.FAKE_CANVAS ?? 'missing';
register(new URL('./fake-canvas-loader.mjs', import.meta.url), { data: { mode } });

// What require() says in each case (canvas's own index requires its native build first).
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request !== 'canvas') return load.call(this, request, ...rest);
  const missing = mode === 'unbuilt' ? '../build/Release/canvas.node' : 'canvas';
  throw Object.assign(new Error(`Cannot find module '${missing}'`), { code: 'MODULE_NOT_FOUND' });
};
