/**
 * Writes a file so that readers never see half of it: the bytes go to a temporary file beside
 * the target, which is renamed into place only when complete. A failure leaves an existing
 * file untouched and removes the temporary file (and any folder this write created).
 *
 * What an overwrite keeps (see README, "Output files"):
 * - the old file's mode, and its owner and group where the process may set them;
 * - a symlink: the link stays and its target is replaced, atomically, in the target's folder;
 *   a link to nothing is refused;
 * - a hard link: only this name gets the new figure (rename replaces a name, not the inode);
 *   the other names keep the previous bytes, and prepareOutputPath says so.
 */
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statfsSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

export class OutputPathError extends Error {}

/** What prepareOutputPath found out about the output. */
export interface OutputTarget {
  /** The file that will be replaced: the path itself, or where its symlink points. */
  path: string;
  /** The file being overwritten, if any. */
  existing?: Stats;
  /** Set when other hard links keep the old bytes. */
  note?: string;
}

/** NAME_MAX of Linux, macOS and Windows file systems, in bytes. */
const NAME_MAX = 255;
/** PATH_MAX of Linux. */
const PATH_MAX = 4096;
/**
 * statfs magic numbers of file systems that look writable to root but hold no files: proc,
 * sysfs, cgroup, cgroup2, debugfs, tracefs, securityfs, configfs, pstore, bpf, efivarfs,
 * fusectl, devpts. mkdir -p never returns on /proc (Node's recursive mkdir loops on ENOENT).
 */
const PSEUDO_FILE_SYSTEMS = new Set([
  0x9fa0, 0x62656572, 0x27e0eb, 0x63677270, 0x64626720, 0x74726163, 0x73636673, 0x62656570, 0x6165676c, 0xcafe4a11, 0xde5e81e4, 0x65735543, 0x1cd1,
]);

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * stat, undefined only where nothing is there (ENOENT): a symbolic-link loop (ELOOP) or a folder
 * that cannot be searched would otherwise pass as "missing" and fail at the write, after the run.
 */
function statIfMissing(path: string, shown: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined; // a file on the way is named further up
    const reason = code === 'ELOOP' ? 'its symbolic links form a loop' : code === 'EACCES' ? 'permission denied' : (e as Error).message.split('\n')[0];
    throw new OutputPathError(`cannot write '${shown}': ${reason}`);
  }
}

/** The deepest folder on the way to `dir` that exists (where a missing folder would be created). */
function nearestExisting(dir: string, shown = dir): { path: string; stats: Stats } {
  let path = resolve(dir);
  for (;;) {
    const stats = statIfMissing(path, shown);
    if (stats) return { path, stats };
    const parent = dirname(path);
    if (parent === path) throw new OutputPathError(`cannot find any existing folder above '${dir}'`);
    path = parent;
  }
}

function isPseudoFileSystem(path: string): boolean {
  try {
    return PSEUDO_FILE_SYSTEMS.has(Number(statfsSync(path).type));
  } catch {
    return false;
  }
}

/** Names too long for the file system, refused now rather than after the simulation. */
function checkNames(path: string): void {
  if (Buffer.byteLength(resolve(path)) >= PATH_MAX) throw new OutputPathError(`output path '${path.slice(0, 60)}…' is longer than ${PATH_MAX} bytes`);
  for (const part of resolve(path).split(sep))
    if (Buffer.byteLength(part) > NAME_MAX)
      throw new OutputPathError(`the name '${part.slice(0, 40)}…' in the output path is ${Buffer.byteLength(part)} bytes; at most ${NAME_MAX}`);
}

/** The file a symlinked output really is (links followed), or a refusal for a broken link. */
function followLink(path: string): string {
  try {
    return realpathSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP')
      throw new OutputPathError(`output '${path}' is a symbolic link in a loop; remove it or give another name`);
    throw new OutputPathError(`output '${path}' is a symbolic link to nothing; remove it or give another name`);
  }
}

/**
 * Refuses, before any work, an output path that could not be written: a folder (or a name
 * ending in '/'), a device or other non-file, a path through a file, a name too long, a folder
 * without write permission or on a pseudo file system (/proc, /sys). Creates nothing: missing
 * folders are made by writeAtomic, so a refused or failed run leaves no trace.
 */
export function prepareOutputPath(path: string): OutputTarget {
  if (/[/\\]$/.test(path))
    throw new OutputPathError(`output '${path}' ends in '/', so it names a folder; give a file name such as ${join(path, 'figure.png')}`);
  checkNames(path);
  const link = lstatOrUndefined(path);
  const target = link?.isSymbolicLink() ? followLink(path) : path;
  const stats = statOrUndefined(target);
  if (stats?.isDirectory()) throw new OutputPathError(`output '${path}' is a folder; give a file name such as ${join(path, 'figure.png')}`);
  // Renaming onto a device (--out /dev/null) would replace the device node itself.
  if (stats && !stats.isFile()) throw new OutputPathError(`output '${path}' exists and is not a regular file`);
  const existing = nearestExisting(dirname(target), path);
  if (!existing.stats.isDirectory()) throw new OutputPathError(`cannot write '${path}': '${existing.path}' is a file, not a folder`);
  if (isPseudoFileSystem(existing.path)) throw new OutputPathError(`cannot write '${path}': '${existing.path}' is on a pseudo file system that holds no files`);
  try {
    accessSync(existing.path, constants.W_OK);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'EROFS' ? 'it is on a read-only file system' : 'permission denied';
    throw new OutputPathError(`cannot write into the folder '${existing.path}': ${reason}`);
  }
  try {
    if (stats) accessSync(target, constants.W_OK);
  } catch {
    throw new OutputPathError(`cannot overwrite '${path}': the file is read-only`);
  }
  const others = stats ? stats.nlink - 1 : 0;
  const note =
    others > 0
      ? `'${path}' has ${others} other hard link${others === 1 ? '' : 's'}; ${others === 1 ? 'it keeps' : 'they keep'} the previous figure`
      : undefined;
  return { path: target, existing: stats, note };
}

/**
 * mkdir -p one level at a time, from the nearest existing folder down: Node's recursive mkdir
 * never returns on /proc. Returns the first folder created, if any.
 */
function makeFolders(dir: string): string | undefined {
  const missing: string[] = [];
  for (let d = resolve(dir); !statOrUndefined(d); d = dirname(d)) {
    if (dirname(d) === d) break;
    missing.unshift(d);
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (e) {
      removeCreatedFolders(dirname(d), missing[0] === d ? undefined : missing[0]);
      throw e;
    }
  }
  return missing[0];
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

/** The old file's mode, and its owner where permitted (root, or the same user and a group of theirs). */
function keepOwnership(fd: number, old: Stats): void {
  fchmodSync(fd, old.mode & 0o7777);
  try {
    fchownSync(fd, old.uid, old.gid);
  } catch {
    // EPERM: another user's file; it becomes ours, with its old mode.
  }
}

/** Names of temporary files: fixed length, so any name that fits NAME_MAX has one that fits. */
export function temporaryName(dir: string): string {
  return join(dir, `.snn-figs-${randomBytes(6).toString('hex')}.tmp`);
}

export function writeAtomic(path: string, bytes: Uint8Array): void {
  const target = lstatOrUndefined(path)?.isSymbolicLink() ? followLink(path) : path;
  const old = statOrUndefined(target);
  const dir = dirname(target);
  const created = makeFolders(dir);
  const tmp = temporaryName(dir);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx'); // never follows or reuses an existing name
    if (old?.isFile()) keepOwnership(fd, old);
    for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off);
    fsyncSync(fd); // the bytes are on disk before the name points at them
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, target);
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
