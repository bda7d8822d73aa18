/**
 * The URL hash: the options that differ from the defaults as the CLI spells them, without the
 * leading `--`, URL-encoded: `#tau=8ms&dep-u=0.55`; in the explorer app the figure's name
 * comes first: `#lif&tau=8ms`.
 */
// The messages' own cutting, as every message of the CLI and the library (pure: no DOM, no Node).
import { excerpt } from '../api/errors.js';

export function formatHash(entries: readonly [string, string][], figure?: string): string {
  const parts = entries.map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
  if (figure !== undefined) parts.unshift(figure);
  return parts.length ? `#${parts.join('&')}` : '';
}

/** A part of the hash decoded; a malformed escape (`%ZZ`) is kept as typed, for the option's parser to refuse in words. */
function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

export interface ParsedHash {
  /** The first part without `=` (the explorer app's figure name). */
  figure?: string;
  entries: [string, string][];
  /** Later parts without `=`: an option with no value. */
  bare: string[];
}

export function parseHash(hash: string): ParsedHash {
  const text = hash.replace(/^#/, '');
  const entries: [string, string][] = [];
  const bare: string[] = [];
  let figure: string | undefined;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq >= 0) entries.push([decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
    else if (figure === undefined) figure = decode(part);
    else bare.push(decode(part));
  }
  return { figure, entries, bare };
}

/**
 * What a link holds that the figure cannot take, one sentence each in the CLI's words: an unknown
 * option or one without a value. The page draws the figure without them and shows these (a stale
 * or mistyped link still opens, but never silently differs from what it says).
 */
export function linkWarnings(known: ReadonlySet<string>, entries: readonly [string, string][], bare: readonly string[]): string[] {
  const out: string[] = [];
  for (const [name] of entries) if (!known.has(name)) out.push(excerpt(`unknown option '--${name}' in the link; ignored`));
  for (const name of bare) out.push(excerpt(`option '--${name}' in the link has no value; ignored`));
  return out;
}
