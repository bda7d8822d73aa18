/**
 * Writes a file so that readers never see half of it: the bytes go to a temporary file beside
 * the target, which is renamed into place only when complete. A failure leaves an existing
 * file untouched and removes the temporary file (and any folder this write created).
 */
import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, rmdirSync, rmSync, statSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export class OutputPathError extends Error {}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The deepest folder on the way to `dir` that exists (where a missing folder would be created). */
function nearestExisting(dir: string): { path: string; stats: Stats } {
  let path = resolve(dir);
  for (;;) {
    const stats = statOrUndefined(path);
    if (stats) return { path, stats };
    const parent = dirname(path);
    if (parent === path) throw new OutputPathError(`cannot find any existing folder above '${dir}'`);
    path = parent;
  }
}

/**
 * Refuses, before any work, an output path that could not be written: a folder, a device or
 * other non-file, a path through a file, a folder without write permission. Creates nothing:
 * missing folders are made by writeAtomic, so a refused or failed run leaves no trace.
 */
export function prepareOutputPath(path: string): void {
  const stats = statOrUndefined(path);
  if (stats?.isDirectory()) throw new OutputPathError(`output '${path}' is a folder; give a file name such as ${join(path, 'figure.png')}`);
  // Renaming onto a device (--out /dev/null) would replace the device node itself.
  if (stats && !stats.isFile()) throw new OutputPathError(`output '${path}' exists and is not a regular file`);
  const dir = dirname(path);
  const existing = nearestExisting(dir);
  if (!existing.stats.isDirectory()) throw new OutputPathError(`cannot write '${path}': '${existing.path}' is a file, not a folder`);
  try {
    accessSync(existing.path, constants.W_OK);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'EROFS' ? 'it is on a read-only file system' : 'permission denied';
    throw new OutputPathError(`cannot write into the folder '${existing.path}': ${reason}`);
  }
  try {
    if (stats) accessSync(path, constants.W_OK);
  } catch {
    throw new OutputPathError(`cannot overwrite '${path}': the file is read-only`);
  }
}

/** Removes the folders mkdir created for this write, deepest first, if they are still empty. */
function removeCreatedFolders(dir: string, firstCreated: string | undefined): void {
  if (firstCreated === undefined) return;
  const top = resolve(firstCreated);
  for (let d = resolve(dir); d.startsWith(top); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === top) return;
  }
}

export function writeAtomic(path: string, bytes: Uint8Array): void {
  const dir = dirname(path);
  const created = mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx'); // never follows or reuses an existing name
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off);
    fsyncSync(fd); // the bytes are on disk before the name points at them
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    // Clean up without letting a second failure hide the first.
    try {
      if (fd !== undefined) closeSync(fd);
    } catch {}
    try {
      rmSync(tmp, { force: true });
    } catch {}
    removeCreatedFolders(dir, created);
    throw e;
  }
}
