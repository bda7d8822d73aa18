/** `snn-figs list`: the figures by course week, as text for people or JSON for scripts. */
import { figures } from '../api/figures.js';
import { WEEKS } from '../figures/registry.js';

/** One heading per week, then each figure with its summary, section and slide variants. */
export function listText(): string {
  const width = Math.max(...figures.map((f) => f.name.length));
  const lines: string[] = [];
  for (const { week, topic } of WEEKS) {
    if (lines.length > 0) lines.push('');
    lines.push(`Week ${week}: ${topic}`);
    for (const f of figures.filter((f) => f.week === week)) {
      lines.push(`  ${f.name.padEnd(width)}  ${f.summary} [${f.section}]`);
      for (const v of f.variants) lines.push(`  ${' '.repeat(width)}    variant ${v.name}: ${f.name} ${v.args.join(' ')}`);
    }
  }
  return lines.join('\n') + '\n';
}

/** Every figure as the library describes it (week, section, figsize, dpi, parameters, variants), in the course's week order. */
export function listJson(): string {
  const byWeek = WEEKS.flatMap(({ week }) => figures.filter((f) => f.week === week));
  return JSON.stringify(byWeek, null, 2) + '\n';
}
