/** Progress on stderr, only when stderr is a terminal and not --quiet. */
export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

export function progressReporter(stderr: NodeJS.WritableStream & { isTTY?: boolean }, label: string, quiet: boolean): Progress {
  if (quiet || !stderr.isTTY) return { update: () => {}, stop: () => {} };
  const start = Date.now();
  let shown = false;
  return {
    update(done, total) {
      const elapsed = (Date.now() - start) / 1000;
      const left = done > 0 ? (elapsed / done) * (total - done) : 0;
      stderr.write(`\r${label}: ${done}/${total} (${Math.round((100 * done) / total)} %, ${left.toFixed(0)} s left)  `);
      shown = true;
    },
    stop() {
      if (shown) stderr.write('\n');
    },
  };
}
