/** Where a figure goes and in which format: from the file's extension unless --format says. */
import { extname } from 'node:path';
import { IMAGE_FORMATS, isOutputFormat as isFormat, OUTPUT_FORMATS as FORMATS, type OutputFormat as Format } from '../options/formats.js';
import { UsageError } from './errors.js';

export { IMAGE_FORMATS, FORMATS, type Format };

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
