/** The output formats every client offers: images drawn on a canvas, and data files. */
export const OUTPUT_FORMATS = ['png', 'svg', 'pdf', 'json', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const IMAGE_FORMATS: readonly OutputFormat[] = ['png', 'svg', 'pdf'];

export function isOutputFormat(s: string): s is OutputFormat {
  return (OUTPUT_FORMATS as readonly string[]).includes(s);
}
