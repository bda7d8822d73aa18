/**
 * File names as the user typed them. Node decodes argv as UTF-8 and puts U+FFFD where bytes are
 * not UTF-8, so the name we would write is not the one given (and two different names would land
 * on one file). Such a name is refused; a U+FFFD that was typed as one (its UTF-8 bytes are in
 * the raw command line) is a name like any other.
 */
import { readFileSync } from 'node:fs';
import { UsageError } from './errors.js';

const REPLACEMENT = '\uFFFD';

/** The process's arguments as bytes (Linux), or undefined where they cannot be read. */
function rawArguments(): Buffer[] | undefined {
  try {
    const raw = readFileSync('/proc/self/cmdline');
    const args: Buffer[] = [];
    let start = 0;
    for (let k = 0; k < raw.length; k++) {
      if (raw[k] !== 0) continue;
      args.push(raw.subarray(start, k));
      start = k + 1;
    }
    return args;
  } catch {
    return undefined;
  }
}

/** Refuses a name that Node decoded with replacement characters: it could not be written byte for byte. */
export function checkNameBytes(option: string, name: string): void {
  if (!name.includes(REPLACEMENT)) return;
  const typed = Buffer.from(name, 'utf8');
  if (rawArguments()?.some((arg) => arg.includes(typed))) return;
  throw new UsageError(
    `--${option} '${name}' is not valid UTF-8 (� marks the bytes that are not); Node cannot pass such a name on, so it would be written differently`,
    'give the name in UTF-8',
  );
}
