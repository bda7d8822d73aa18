/**
 * The snn-figs command line, generated from the figure registry. Thin: parse, validate,
 * build the figure, serialise, write atomically. Only this layer knows argv, streams and
 * exit codes: 0 done, 1 failed while running, 2 wrong command line.
 */
import { Command, CommanderError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { FIGURES, findFigure, WEEKS, weekOf } from '../figures/registry.js';
import type { FigureModule } from '../figures/spec.js';
import { RunError, UsageError } from './errors.js';
import { excerpt } from '../api/errors.js';
import { writeExplorer } from './explore.js';
import { Interrupted } from './interrupt.js';
import { boundsText, kindText } from '../options/parse.js';
import { runAll, runFigure, type Streams } from './run.js';
import { HELP_TO_FIT } from './help-format.js';
import { guardStreams, settle } from './std-streams.js';
import { commanderMessage, strayArgument } from './usage-messages.js';
import { completionScript, describeProgram, SHELLS, type Shell } from './completion.js';
import { listJson, listText } from './list.js';
import { FORMATS } from './output.js';
import { CONTEXT_NAMES } from '../render/style.js';

const FIGURE_NAMES = FIGURES.map((f) => f.name);
/** The figures that spread their work over worker threads (they take --threads). */
const PARALLEL = FIGURES.filter((f) => f.parallel);

const PACKAGE = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function figureCommand(program: Command, fig: FigureModule, io: Streams): void {
  const cmd = program
    .command(fig.name)
    .summary(fig.summary)
    .description(
      `${fig.summary}.\nNotebook section: week ${weekOf(fig)}, "${fig.section}". Times take units (10ms, 10 ms, 0.01s, 500us); a bare number is ms.`,
    );
  for (const spec of fig.params) {
    const bounds = boundsText(spec);
    cmd.addOption(new Option(`--${spec.name} <${kindText(spec)}>`, `${spec.help} (default: ${spec.default}${bounds ? `; ${bounds}` : ''})`));
  }
  cmd
    .option(
      '-o, --out <file>',
      `output file; the format comes from its extension (default: figures/${fig.name}.png, or .FORMAT with --format); - writes to standard output, in the --format given; .html: a page that re-simulates as its parameters change`,
    )
    .option('--format <format>', 'png|svg|pdf|json|csv, when the extension does not say')
    .option('--figsize <WxH>', `figure size in inches (default: ${fig.figsize.join('x')})`)
    .option('--dpi <dots>', `dots per inch for PNG (default: ${fig.dpi})`);
  styleOptions(cmd);
  if (fig.parallel) cmd.option('--threads <n>', 'worker threads (default: the number of cores)');
  commonOptions(cmd);
  cmd.action(async (opts: Record<string, string | boolean | undefined>) => {
    refuseArguments(cmd);
    await runFigure(fig, optionValues(cmd, opts), io);
  });
}

/**
 * Commands take options only. Commander would refuse a stray argument too, but without
 * naming it; `--tau 10 ms` deserves a hint about the space.
 */
function refuseArguments(cmd: Command): void {
  if (cmd.args.length > 0) throw strayArgument(cmd.name(), cmd.args, FIGURE_NAMES);
}

/** Commander's own errors and help, on our streams and in our one-line form. */
function outputFor(io: Streams, command?: string) {
  const figureOptions = new Set(FIGURES.flatMap((f) => f.params.map((p) => `--${p.name}`)));
  // Help wraps at the terminal's width (commander would ask process.stdout, not our streams).
  const width = (s: Streams['stdout']) => (s.isTTY ? ((s as { columns?: number }).columns ?? 80) : 80);
  return {
    getOutHelpWidth: () => width(io.stdout),
    getErrHelpWidth: () => width(io.stderr),
    writeOut: (s: string) => io.stdout.write(s),
    writeErr: (s: string) => io.stderr.write(s),
    outputError: (s: string, write: (s: string) => void) => write(commanderMessage(s, command, FIGURE_NAMES, figureOptions)),
  };
}

/** The look for slides and posters: matplotlib's style-sheet sizes, a font scale, savefig's transparency. */
function styleOptions(cmd: Command): Command {
  return cmd
    .option(
      '--context <name>',
      `${CONTEXT_NAMES.join('|')}: the font sizes, line widths, marker sizes and tick widths of matplotlib's seaborn-v0_8-NAME style sheet (default: matplotlib's own)`,
    )
    .option('--font-scale <factor>', 'multiplies every font size, 0.1 to 10 (default: 1)')
    .option('--transparent', 'no figure background in PNG, SVG and PDF, as savefig(transparent=True)');
}

/** Options every command takes. */
function commonOptions(cmd: Command): Command {
  return cmd
    .option('-q, --quiet', 'no progress or warnings on stderr')
    .option('--force', 'run even when the estimated work is very large')
    .option('--debug', 'show a stack trace on failure');
}

/** Commander's camelCase attribute names back to our option names. */
function optionValues(cmd: Command, opts: Record<string, string | boolean | undefined>): Record<string, string | boolean | undefined> {
  const out: Record<string, string | boolean | undefined> = {};
  for (const option of cmd.options) {
    const name = option.long!.replace(/^--/, '');
    out[name] = opts[option.attributeName()];
  }
  return out;
}

/** The words an option's value can take, for shell completion: the registry's choices, formats, shells. */
function choicesOf(command: string, option: string): readonly string[] | undefined {
  const spec = findFigure(command)?.params.find((p) => p.name === option);
  if (spec?.choices) return spec.choices;
  if (option === 'format') return FORMATS;
  if (option === 'context') return CONTEXT_NAMES;
  if (option === 'week' && command === 'all') return WEEKS.map((w) => String(w.week));
  if (option === 'only' && command === 'all') return FIGURES.flatMap((f) => [f.name, ...f.variants.map((v) => v.name)]);
  return undefined;
}

export function buildProgram(io: Streams): Command {
  const program = new Command('snn-figs')
    .description(
      "Regenerates the figures of the neuro4ml spiking-neural-network course (weeks 1, 2, 4, 7 and 9) with Brian2's numbers and matplotlib's look; `snn-figs list` shows them by week.\n\n" +
        'Examples:\n' +
        '  snn-figs list\n' +
        '  snn-figs tuning-curve --w 0.8 --out tuning.png\n' +
        '  snn-figs stp --dep-u 0.6 --out stp.svg\n' +
        '  snn-figs all --out-dir figures --format png,svg',
    )
    .version(PACKAGE.version)
    .showSuggestionAfterError(true)
    .configureOutput(outputFor(io))
    .exitOverride();
  program.configureHelp({ sortSubcommands: false, ...HELP_TO_FIT });

  program
    .command('list')
    .description('list the figures by course week, with their notebook sections and slide variants')
    .option('--json', 'every figure with its week, section, size, parameters and variants, as JSON')
    .action((opts: { json?: boolean }, cmd: Command) => {
      refuseArguments(cmd);
      io.stdout.write(opts.json ? listJson() : listText());
    });

  for (const fig of FIGURES) figureCommand(program, fig, io);

  const all = program
    .command('all')
    .description('write every figure and its slide variants (or a selection: --only, --week)')
    .option('--out-dir <dir>', 'folder for the files', 'figures')
    .option('--format <formats>', 'comma-separated formats: png,svg,pdf,json,csv', 'png')
    .option('--only <names>', 'comma-separated figures or slide variants (file names without extension), e.g. lif,stp-ux')
    .option('--week <weeks>', `comma-separated course weeks: ${WEEKS.map((w) => w.week).join(',')}`)
    .option('--figsize <WxH>', "every figure at this size in inches (each figure's own aspect is not kept; default: each figure's own)")
    .option('--dpi <dots>', "dots per inch for PNG (default: each figure's own)");
  styleOptions(all).option(
    '--threads <n>',
    `worker threads for the ${PARALLEL.map((f) => f.name.replaceAll('-', ' ')).join(' and the ')} (default: the number of cores)`,
  );
  commonOptions(all);
  all.action(async (opts: Record<string, string | boolean | undefined>) => {
    refuseArguments(all);
    await runAll(optionValues(all, opts), io);
  });

  program
    .command('completion')
    .description(`print a completion script for ${SHELLS.join(', ')} (e.g. source <(snn-figs completion bash))`)
    .argument('<shell>', SHELLS.join('|'))
    .action((shell: string, _opts: unknown, cmd: Command) => {
      if (cmd.args.length > 1) throw new UsageError(`unexpected argument '${cmd.args[1]}': completion takes one shell`);
      if (!(SHELLS as readonly string[]).includes(shell)) throw new UsageError(`completion expects one of ${SHELLS.join(', ')}, got '${shell}'`);
      io.stdout.write(completionScript(shell as Shell, describeProgram(program, choicesOf)));
    });

  const explore = program
    .command('explore')
    .description('write the explorer: every figure and variant live in one offline app (open DIR/index.html)')
    .option('--out-dir <dir>', 'folder for index.html and explore.js', 'figures/explore');
  commonOptions(explore);
  explore.action((opts: Record<string, string | boolean | undefined>) => {
    refuseArguments(explore);
    writeExplorer(optionValues(explore, opts), io);
  });

  // Each subcommand reports its errors through the program's output settings.
  for (const sub of program.commands) sub.configureOutput(outputFor(io, sub.name())).exitOverride().showSuggestionAfterError(true).allowExcessArguments(true);
  return program;
}

/** Runs the CLI on argv (without node and script); returns the exit code. Never throws. */
export async function main(argv: string[], io: Streams = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const streams = guardStreams(io.stdout, io.stderr);
  const code = await runMain(argv, io);
  await settle();
  return streams.exitCode(code);
}

async function runMain(argv: string[], io: Streams): Promise<number> {
  const debug = argv.includes('--debug');
  const program = buildProgram(io);
  try {
    if (argv.length === 0) {
      program.outputHelp({ error: true }); // a usage error: help on stderr, exit 2
      return 2;
    }
    // `help help` is the help command's own help: commander does not list `help` among its commands.
    if (argv[0] === 'help' && argv[1] === 'help') {
      program.outputHelp();
      return 0;
    }
    // commander answers `help nope` with the program's help and exit 0: a wrong topic is a usage error.
    if (argv[0] === 'help' && argv[1] !== undefined && !argv[1].startsWith('-') && !program.commands.some((c) => c.name() === argv[1])) {
      io.stderr.write(
        commanderMessage(
          `error: unknown command '${argv[1]}'`,
          undefined,
          FIGURES.map((f) => f.name),
          new Set(),
        ),
      );
      return 2;
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      if (e.code === 'commander.executeSubCommandAsync') return 1;
      return 2; // commander has already printed its one-line message
    }
    if (e instanceof Interrupted) {
      io.stderr.write(`snn-figs: ${e.message}\n`);
      return e.exitCode;
    }
    const code = e instanceof UsageError ? 2 : 1;
    const known = e instanceof UsageError || e instanceof RunError;
    // Every message cut to an excerpt, whatever value went into it.
    const message = excerpt(known ? e.message : describeUnexpected(e));
    io.stderr.write(`snn-figs: error: ${message}\n`);
    const hint = known ? e.hint && excerpt(e.hint) : 'this looks like a bug in snn-figs; --debug shows the stack trace';
    if (hint && !(debug && hint.includes('--debug'))) io.stderr.write(`hint: ${hint}\n`);
    if (debug) writeStacks(io, e);
    return code;
  }
}

/** The stack of the error and of each error it was caused by (--debug only). */
function writeStacks(io: Streams, e: unknown): void {
  for (let c = e, first = true; c !== undefined && c !== null; c = (c as { cause?: unknown }).cause, first = false) {
    const text = c instanceof Error ? (c.stack ?? c.message) : String(c);
    io.stderr.write(`${first ? '' : 'caused by: '}${text}\n`);
  }
}

function describeUnexpected(e: unknown): string {
  if (e instanceof Error) return e.message.split('\n')[0];
  return String(e);
}
