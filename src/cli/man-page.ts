/**
 * The manual page snn-figs(1), in roff, written from the program (commands, options and their
 * help as --help shows them) and the figure registry (weeks, sections), so it says what the
 * CLI does. The build writes it to dist/man/snn-figs.1 (scripts/build-man.mjs); package.json's
 * `man` installs it.
 */
import type { Command, Option } from 'commander';
import { FIGURES, WEEKS } from '../figures/registry.js';

/** Text as roff reads it literally: backslashes escaped, hyphens as minus signs, no line starting a request. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

/** Long comma-separated lists (a walk's draws) may break after a comma. */
function breakable(text: string): string {
  return roff(text).replace(/,/g, ',\\:');
}

function optionEntry(o: Option, description = o.description): string {
  const value = o.flags.match(/[<[].*[>\]]/)?.[0];
  const names = [o.short, o.long].filter((n) => n !== undefined).map((n) => `\\fB${roff(n)}\\fR`);
  return `.TP\n${names.join(', ')}${value ? ` \\fI${roff(value.slice(1, -1))}\\fR` : ''}\n${roff(description)}`;
}

function commandNamed(program: Command, name: string): Command {
  return program.commands.find((c) => c.name() === name)!;
}

/** The options every figure command takes beyond its parameters (output, size, look, run). */
function outputOptions(program: Command): Option[] {
  const first = commandNamed(program, FIGURES[0].name);
  const params = new Set(FIGURES[0].params.map((p) => `--${p.name}`));
  return first.options.filter((o) => !params.has(o.long!));
}

export function manPage(program: Command, version: string): string {
  const out: string[] = [];
  out.push(`.TH SNN\\-FIGS 1 "" "snn\\-figs ${roff(version)}" "User Commands"`);
  out.push('.SH NAME', 'snn\\-figs \\- regenerate the neuro4ml spiking\\-neural\\-network course figures');
  out.push(
    '.SH SYNOPSIS',
    '.B snn\\-figs',
    '.I figure',
    '[\\fIoptions\\fR]',
    '.br',
    '.B snn\\-figs all',
    '[\\fB\\-\\-out\\-dir\\fR \\fIdir\\fR] [\\fB\\-\\-format\\fR \\fIformats\\fR] [\\fB\\-\\-only\\fR \\fInames\\fR] [\\fB\\-\\-week\\fR \\fIweeks\\fR] [\\fIoptions\\fR]',
    '.br',
    '.B snn\\-figs list',
    '[\\fB\\-\\-json\\fR]',
    '.br',
    '.B snn\\-figs completion',
    '\\fBbash\\fR|\\fBzsh\\fR|\\fBfish\\fR',
    '.br',
    '.B snn\\-figs explore',
    '[\\fB\\-\\-out\\-dir\\fR \\fIdir\\fR]',
  );
  out.push(
    '.SH DESCRIPTION',
    roff(program.description().split('\n\n')[0]),
    '.PP',
    roff(
      "Each figure is a command whose options are the model's parameters, with the notebook's defaults. " +
        'Times take units (10ms, 10 ms, 0.01s, 500us); a bare number is ms. ' +
        'The output format comes from the file extension (png, svg, pdf, json, csv) unless --format says it. ' +
        'Progress and warnings go to standard error; nothing is written until every option has been checked.',
    ),
  );

  out.push('.SH COMMANDS');
  for (const name of ['list', 'all', 'completion', 'explore']) {
    const cmd = commandNamed(program, name);
    out.push(`.SS "${name}"`, roff(cmd.description()));
    for (const o of cmd.options) out.push(optionEntry(o));
  }

  out.push('.SH FIGURE OPTIONS', 'Every figure command takes these, besides its own parameters:');
  // Their help names the first figure's defaults; here they are every figure's.
  const first = FIGURES[0];
  for (const o of outputOptions(program))
    out.push(
      optionEntry(
        o,
        o.description
          .replaceAll(first.name, 'FIGURE')
          .replace(`(default: ${first.figsize.join('x')})`, "(default: the figure's own, as in the notebook; `snn-figs list --json` lists them)")
          .replace(`(default: ${first.dpi})`, "(default: the figure's own)"),
      ),
    );

  out.push('.SH FIGURES');
  for (const { week, topic, figures } of WEEKS) {
    out.push(`.SS "Week ${week}: ${roff(topic)}"`);
    for (const fig of figures) {
      const cmd = commandNamed(program, fig.name);
      out.push('.TP', `\\fB${roff(fig.name)}\\fR`, `${roff(fig.summary)} (notebook section: ${roff(fig.section)}).`);
      if (fig.variants.length > 0)
        out.push(`Slide variants: ${fig.variants.map((v) => `\\fB${roff(v.name)}\\fR (${breakable(v.args.join(' '))})`).join(', ')}.`);
      out.push('.RS');
      const params = new Set(fig.params.map((p) => `--${p.name}`));
      for (const o of cmd.options.filter((o) => params.has(o.long!))) out.push(optionEntry(o));
      out.push('.RE');
    }
  }

  out.push(
    '.SH EXIT STATUS',
    '.TP',
    '0',
    'done.',
    '.TP',
    '1',
    'failed while running (a file could not be written, a simulation failed).',
    '.TP',
    '2',
    'wrong command line (unknown option, bad value); nothing was run.',
    '.TP',
    '130, 143',
    'interrupted by SIGINT or SIGTERM; no file is left half\\-written.',
  );
  out.push('.SH EXAMPLES', '.nf');
  for (const example of [
    'snn-figs list',
    'snn-figs tuning-curve --w 0.8 --out tuning.png',
    'snn-figs stp --dep-u 0.6 --out stp.svg',
    'snn-figs lif --out - --format svg | rsvg-convert -o lif.png',
    'snn-figs all --week 1 --figsize 16x9 --dpi 300 --out-dir slides',
    'source <(snn-figs completion bash)',
  ])
    out.push(roff(example));
  out.push('.fi');
  out.push('.SH SEE ALSO', 'The README of the snn\\-figs package, which also describes the library API.');
  return out.join('\n') + '\n';
}
