// The module-resolution hook behind fake-canvas.mjs: every import of 'canvas' fails.
let mode = 'missing';

export function initialize(data) {
  mode = data.mode;
}

// What canvas's own index does when build/Release/canvas.node was never built.
const UNBUILT = `const e = new Error("Cannot find module '../build/Release/canvas.node'"); e.code = 'MODULE_NOT_FOUND'; throw e;`;

export async function resolve(specifier, context, next) {
  if (specifier !== 'canvas') return next(specifier, context);
  if (mode === 'unbuilt') return { url: `data:text/javascript,${encodeURIComponent(UNBUILT)}`, shortCircuit: true };
  const e = new Error(`Cannot find package 'canvas' imported from ${context.parentURL}`);
  e.code = 'ERR_MODULE_NOT_FOUND';
  throw e;
}
