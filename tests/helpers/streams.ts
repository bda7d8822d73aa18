/** Captured stdout/stderr for calling the CLI in-process. */
import { Writable } from 'node:stream';

export function silentStreams(isTTY = false) {
  let out = '';
  let err = '';
  const stdout = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        out += String(chunk);
        done();
      },
    }),
    { isTTY },
  );
  const stderr = Object.assign(
    new Writable({
      write(chunk, _enc, done) {
        err += String(chunk);
        done();
      },
    }),
    { isTTY },
  );
  return { io: { stdout, stderr }, stdout: () => out, stderr: () => err };
}
