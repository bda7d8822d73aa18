/** Where a figure goes and in which format: from the file's extension unless --format says. */
import { extname } from 'node:path';
import { UsageError } from './errors.js';

export const FORMATS = ['png', 'svg', 'pdf', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];
export const IMAGE_FORMATS: readonly Format[] = ['png', 'svg', 'pdf'];

export function isFormat(s: string): s is Format {
  return (FORMATS as readonly string[]).includes(s);
}

export function parseFormat(text: string): Format {
  const f = text.trim().toLowerCase();
  if (!isFormat(f)) throw new UsageError(`--format expects one of ${FORMATS.join(', ')}, got '${text}'`);
  return f;
}

/** The output format: --format if given (it must agree with a known extension), else the extension. */
export function resolveFormat(out: string, format?: string): Format {
  const ext = extname(out).slice(1).toLowerCase();
  if (format !== undefined) {
    const f = parseFormat(format);
    if (isFormat(ext) && ext !== f) throw new UsageError(`--format ${f} contradicts the extension of '${out}'`);
    return f;
  }
  if (isFormat(ext)) return ext;
  throw new UsageError(
    ext ? `cannot write '.${ext}' files ('${out}')` : `cannot tell the format of '${out}': it has no extension`,
    `use one of .${FORMATS.join(', .')} or --format`,
  );
}
