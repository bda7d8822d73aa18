/**
 * Command-line mistakes that commander catches (unknown option or figure, missing value,
 * stray argument), said the way snn-figs says every error: one `snn-figs: error:` line and
 * one `hint:` line with the nearest name or where to look.
 */
import { UsageError } from './errors.js';
import { excerpt } from '../api/errors.js';

const TIME_UNIT = /^(s|ms|us|µs|μs)$/;

/** The text commander hands to outputError ("error: ...\n(Did you mean --tau?)\n") rewritten. */
export function commanderMessage(text: string, command: string | undefined, figures: readonly string[], figureOptions: ReadonlySet<string>): string {
  let message = text
    .trim()
    .split('\n')[0]
    .replace(/^error: /, '');
  const suggestion = /\(Did you mean (.+)\?\)/.exec(text)?.[1];
  const help = `'snn-figs${command ? ` ${command}` : ''} --help'`;
  let hint = suggestion ? `did you mean ${suggestion}?` : undefined;

  const unknownCommand = /^unknown command '(.*)'$/.exec(message);
  if (unknownCommand) {
    message = `unknown figure or command '${unknownCommand[1]}'`;
    hint ??= `'snn-figs list' shows the figures: ${figures.join(', ')}`;
  }
  const unknownOption = /^unknown option '([^'=]*)/.exec(message);
  if (unknownOption && !hint)
    hint =
      command === undefined && figureOptions.has(unknownOption[1])
        ? `options go after the figure's name, e.g. 'snn-figs coincidence ${unknownOption[1]} ...'`
        : `${help} lists the options`;
  if (/argument missing$/.test(message)) hint ??= `${help} says what each option takes`;
  hint ??= `${help} shows the usage`;
  return `snn-figs: error: ${excerpt(message)}\nhint: ${excerpt(hint)}\n`;
}

/** A figure command got an argument that is not an option's value: say what it probably was. */
export function strayArgument(command: string, args: readonly string[], figures: readonly string[]): UsageError {
  const arg = args[0];
  let hint: string;
  if (TIME_UNIT.test(arg)) hint = `a value with a space needs quotes ('10 ms'), or write it without one (10ms)`;
  else if (figures.includes(arg)) hint = `one figure per command; 'snn-figs all' writes every figure`;
  else if (/^[+-]?[\d.]/.test(arg)) hint = `each option takes one value, right after its name (--spikes 10,11,50ms for a list)`;
  else hint = `'snn-figs ${command} --help' lists the options`;
  return new UsageError(`unexpected argument '${arg}': '${command}' takes options only`, hint);
}
