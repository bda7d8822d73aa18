/**
 * The page's worker: simulates and draws off the page's thread, so the page never freezes and
 * a new change can stop a run (the page terminates this worker). The same script serves as a
 * task worker for the tuning curve's conditions (WebAssembly kernel).
 */
import { loadFonts } from './assets.js';
import {
  build,
  conditionStats,
  drawFigure,
  FIGURES,
  figureLimits,
  noisyLifKernel,
  OptionProblem,
  panelContent,
  parseOptions,
  TUNING_JOB,
  type ConditionTask,
} from './core-imports.js';
import { withOverlays } from './overlay.js';
import type { BuildRequest, Limits, TaskRequest, WorkerReply } from './protocol.js';
import { webWorkerPool, wasmLoader } from './tasks.js';

interface WorkerScope {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent) => void) | null;
  fonts: FontFaceSet;
}

const scope = globalThis as unknown as WorkerScope;
let fonts: Promise<void> | undefined;
let kernel: ReturnType<typeof noisyLifKernel> | undefined;

function reply(message: WorkerReply, transfer: Transferable[] = []): void {
  scope.postMessage(message, transfer);
}

async function onBuild(req: BuildRequest): Promise<void> {
  const fig = FIGURES.find((f) => f.name === req.figure);
  try {
    if (!fig) throw new Error(`unknown figure '${req.figure}'`);
    fonts ??= loadFonts(scope.fonts);
    const t0 = performance.now();
    let data = req.data;
    if (!data) {
      const { params } = parseOptions(fig, req.given, req.threads);
      data = await build(fig, params, {
        pool: fig.parallel ? webWorkerPool(req.threads) : undefined,
        wasm: wasmLoader,
        progress: fig.progress ? (done, total) => reply({ type: 'progress', id: req.id, done, total }) : undefined,
      });
    }
    const t1 = performance.now();
    await fonts;
    const shown = withOverlays(data, req.pins, req.hold);
    const canvas = new OffscreenCanvas(1, 1);
    drawFigure(shown, canvas, req.figsize, req.dpi);
    const limits: Limits[] = figureLimits(shown.panels, shown.panels.map(panelContent)).map((l, k) => ({ id: shown.panels[k].id, ...l }));
    const bitmap = canvas.transferToImageBitmap();
    reply({ type: 'done', id: req.id, data, bitmap, limits, ms: { simulate: t1 - t0, draw: performance.now() - t1 } }, [bitmap]);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    reply({ type: 'error', id: req.id, message, option: e instanceof OptionProblem ? e.option : undefined });
  }
}

function onTask(req: TaskRequest): void {
  try {
    if (req.job !== TUNING_JOB) throw new Error(`no job '${req.job}' in a page`);
    kernel ??= noisyLifKernel(wasmLoader);
    scope.postMessage({ index: req.index, result: conditionStats(req.task as ConditionTask, kernel) });
  } catch (e) {
    scope.postMessage({ index: req.index, error: e instanceof Error ? e.message : String(e) });
  }
}

export function startWorker(): void {
  scope.onmessage = (e: MessageEvent<BuildRequest | TaskRequest>) => {
    if (e.data.type === 'task') onTask(e.data);
    else void onBuild(e.data);
  };
}
