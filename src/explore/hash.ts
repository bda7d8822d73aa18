/**
 * The URL hash: the options that differ from the defaults as the CLI spells them, without the
 * leading `--`, URL-encoded: `#tau=8ms&dep-u=0.55`; in the explorer app the figure's name
 * comes first: `#lif&tau=8ms`.
 */
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

export function parseHash(hash: string): { figure?: string; entries: [string, string][] } {
  const text = hash.replace(/^#/, '');
  const entries: [string, string][] = [];
  let figure: string | undefined;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) figure ??= decode(part);
    else entries.push([decode(part.slice(0, eq)), decode(part.slice(eq + 1))]);
  }
  return { figure, entries };
}
