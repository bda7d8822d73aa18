/**
 * Writes a file so that readers never see half of it: the bytes go to a temporary file beside
 * the target, which is renamed into place only when complete. A failure leaves an existing
 * file untouched and removes the temporary file.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync, writeFileSync, accessSync, constants } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class OutputPathError extends Error {}

/** Refuses, before any work, an output path that could not be written. Creates missing folders. */
export function prepareOutputPath(path: string): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    stats = undefined;
  }
  if (stats?.isDirectory()) throw new OutputPathError(`output '${path}' is a directory; give a file name such as ${join(path, 'figure.png')}`);
  const dir = dirname(path);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new OutputPathError(`cannot create the folder '${dir}' for the output: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (!statSync(dir).isDirectory()) throw new OutputPathError(`'${dir}' is not a folder`);
  try {
    accessSync(dir, constants.W_OK);
    if (stats) accessSync(path, constants.W_OK);
  } catch {
    throw new OutputPathError(`cannot write '${path}': permission denied`);
  }
}

export function writeAtomic(path: string, bytes: Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
