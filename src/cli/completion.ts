/**
 * `snn-figs completion bash|zsh|fish`: a completion script for the shell, written from the
 * program itself (its commands, and each command's options as the figure registry declares
 * them), so it can never list an option the CLI does not take.
 */
import type { Command } from 'commander';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** What an option's value completes to: nothing to offer, a file, a folder, or a list of words. */
type ValueCompletion = { kind: 'none' } | { kind: 'file' } | { kind: 'dir' } | { kind: 'words'; words: readonly string[] };

interface OptionInfo {
  long: string;
  short?: string;
  help: string;
  /** undefined: a flag without a value. */
  value?: ValueCompletion;
}

interface CommandInfo {
  name: string;
  summary: string;
  options: OptionInfo[];
}

/**
 * The words an option's value can be: `choices` (from the registry, per command and option)
 * first, then what the option's name says (files, folders).
 */
export type ChoicesOf = (command: string, option: string) => readonly string[] | undefined;

function valueCompletion(command: string, long: string, choices: ChoicesOf): ValueCompletion {
  const words = choices(command, long);
  if (words) return { kind: 'words', words };
  if (long === 'out') return { kind: 'file' };
  if (long === 'out-dir') return { kind: 'dir' };
  return { kind: 'none' };
}

/** Every command with its options, as commander has them (help and version included). */
export function describeProgram(program: Command, choices: ChoicesOf): CommandInfo[] {
  return program.commands.map((cmd) => {
    const options: OptionInfo[] = cmd.options.map((o) => {
      const long = o.long!.replace(/^--/, '');
      return {
        long,
        short: o.short?.replace(/^-/, ''),
        help: o.description,
        value: o.required || o.optional ? valueCompletion(cmd.name(), long, choices) : undefined,
      };
    });
    options.push({ long: 'help', short: 'h', help: 'display help for command' });
    return { name: cmd.name(), summary: cmd.summary() || cmd.description().split('\n')[0], options };
  });
}

export function completionScript(shell: Shell, commands: CommandInfo[]): string {
  switch (shell) {
    case 'bash':
      return bashScript(commands);
    case 'zsh':
      return zshScript(commands);
    case 'fish':
      return fishScript(commands);
  }
}

/** Words as a single-quoted shell string (bash, zsh and fish all read '…' literally, but for '). */
function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function bashScript(commands: CommandInfo[]): string {
  const names = commands.map((c) => c.name).join(' ');
  const optionCases = commands.map((c) => `    ${c.name}) opts=${quote(c.options.map((o) => `--${o.long}`).join(' '))} ;;`);
  const valueCases: string[] = [];
  // Values with nothing to offer (numbers, times) complete to nothing, not to the options.
  const free: string[] = [];
  for (const c of commands)
    for (const o of c.options) {
      if (!o.value) continue;
      const patterns = [`${c.name}:--${o.long}`, ...(o.short ? [`${c.name}:-${o.short}`] : [])];
      if (o.value.kind === 'none') {
        free.push(...patterns);
        continue;
      }
      const action =
        o.value.kind === 'file'
          ? 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- "$cur"))'
          : o.value.kind === 'dir'
            ? 'compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- "$cur"))'
            : `COMPREPLY=($(compgen -W ${quote(o.value.words.join(' '))} -- "$cur"))`;
      valueCases.push(`    ${patterns.join('|')}) ${action}; return ;;`);
    }
  if (free.length > 0) valueCases.push(`    ${free.join('|')}) COMPREPLY=(); return ;;`);
  return `# snn-figs completion for bash. Load it in this shell with
#   source <(snn-figs completion bash)
# or for every shell: snn-figs completion bash > ~/.local/share/bash-completion/completions/snn-figs
_snn_figs() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmd=\${COMP_WORDS[1]} opts
  if (( COMP_CWORD == 1 )); then
    COMPREPLY=($(compgen -W ${quote(`${names} --help --version`)} -- "$cur"))
    return
  fi
  case "$cmd:$prev" in
${valueCases.join('\n')}
  esac
  case "$cmd" in
${optionCases.join('\n')}
    *) opts='' ;;
  esac
  COMPREPLY=($(compgen -W "$opts" -- "$cur"))
}
complete -F _snn_figs snn-figs
`;
}

/** Text inside zsh's _arguments brackets and _describe entries: no ], :, or \\ unescaped. */
function zshText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/([[\]:])/g, '\\$1');
}

function zshOption(o: OptionInfo): string {
  const help = zshText(o.help.split('\n')[0]);
  const action = !o.value
    ? ''
    : o.value.kind === 'file'
      ? ':file:_files'
      : o.value.kind === 'dir'
        ? ':folder:_files -/'
        : o.value.kind === 'words'
          ? `:${o.long}:(${o.value.words.join(' ')})`
          : `:${o.long}: `;
  const names = o.short ? `{-${o.short},--${o.long}}` : `--${o.long}`;
  // A brace pair must stay unquoted for zsh to expand it; the rest is quoted.
  return o.short ? `${names}${quote(`[${help}]${action}`)}` : quote(`${names}[${help}]${action}`);
}

function zshScript(commands: CommandInfo[]): string {
  const described = commands.map((c) => `    ${quote(`${zshText(c.name)}:${zshText(c.summary)}`)}`);
  const cases = commands.map((c) => `    ${c.name})\n      _arguments -s \\\n        ${c.options.map(zshOption).join(' \\\n        ')}\n      ;;`);
  return `#compdef snn-figs
# snn-figs completion for zsh. Load it in this shell (after compinit) with
#   source <(snn-figs completion zsh)
# or for every shell: snn-figs completion zsh > "\${fpath[1]}/_snn-figs"
_snn_figs() {
  local -a commands
  commands=(
${described.join('\n')}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'snn-figs command' commands
    return
  fi
  local cmd=$words[2]
  shift words
  (( CURRENT-- ))
  case $cmd in
${cases.join('\n')}
  esac
}
if [[ $funcstack[1] == _snn-figs ]]; then
  _snn_figs "$@"
else
  compdef _snn_figs snn-figs
fi
`;
}

function fishScript(commands: CommandInfo[]): string {
  const lines = [
    '# snn-figs completion for fish. Load it in this shell with',
    '#   snn-figs completion fish | source',
    '# or for every shell: snn-figs completion fish > ~/.config/fish/completions/snn-figs.fish',
    'complete -c snn-figs -f',
  ];
  for (const c of commands) lines.push(`complete -c snn-figs -n __fish_use_subcommand -a ${c.name} -d ${quote(c.summary)}`);
  for (const c of commands)
    for (const o of c.options) {
      const value = !o.value
        ? ''
        : o.value.kind === 'file'
          ? ' -r -F'
          : o.value.kind === 'dir'
            ? ` -x -a '(__fish_complete_directories)'`
            : o.value.kind === 'words'
              ? ` -x -a ${quote(o.value.words.join(' '))}`
              : ' -x';
      lines.push(
        `complete -c snn-figs -n ${quote(`__fish_seen_subcommand_from ${c.name}`)} -l ${o.long}${o.short ? ` -s ${o.short}` : ''}${value} -d ${quote(o.help.split('\n')[0])}`,
      );
    }
  return lines.join('\n') + '\n';
}
