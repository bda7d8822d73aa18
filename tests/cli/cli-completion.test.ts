/**
 * `snn-figs completion bash|zsh|fish`: every command and every option of every command is in
 * each script; bash and fish complete from it for real (commands, a figure's options, a
 * parameter's choices, files after --out); zsh parses it and registers its function.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { FIGURES } from '../../src/figures/registry.js';
import { silentStreams } from '../helpers/streams.js';
import { runMain } from '../helpers/robust-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'snn-figs-completion-'));
const program = buildProgram(silentStreams().io);

async function script(shell: string): Promise<string> {
  const r = await runMain(['completion', shell]);
  expect(r.code, r.err).toBe(0);
  expect(r.err).toBe('');
  const path = join(dir, `completion.${shell}`);
  writeFileSync(path, r.out);
  return path;
}

function shell(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', cwd: dir, env: { ...process.env, HOME: dir } });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** What bash completes for the words (the last one being completed). */
function bashComplete(path: string, words: string[]): string[] {
  const array = words.map((w) => `'${w}'`).join(' ');
  const out = shell('bash', ['-c', `source '${path}'; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _snn_figs; printf '%s\\n' "\${COMPREPLY[@]}"`]);
  return out.split('\n').filter((s) => s !== '');
}

describe('snn-figs completion', () => {
  it.each(['bash', 'zsh', 'fish'])('%s: lists every command and every option of every command', async (sh) => {
    const text = (await runMain(['completion', sh])).out;
    for (const cmd of program.commands) {
      expect(text).toContain(cmd.name());
      for (const o of cmd.options) expect(text, `${cmd.name()} ${o.long}`).toMatch(new RegExp(`(--|-l )${o.long!.slice(2)}\\b`));
    }
    expect(program.commands.map((c) => c.name())).toEqual(expect.arrayContaining([...FIGURES.map((f) => f.name), 'list', 'all', 'completion']));
  });

  it('bash completes commands, options, choices and files', async () => {
    const path = await script('bash');
    writeFileSync(join(dir, 'slides.png'), '');
    expect(bashComplete(path, ['snn-figs', 'li'])).toEqual(['list', 'lif', 'lif-synapses']);
    expect(bashComplete(path, ['snn-figs', 'stp', '--dep-'])).toEqual(['--dep-u', '--dep-tau-f', '--dep-tau-d']);
    expect(bashComplete(path, ['snn-figs', 'stp', '--panels', ''])).toEqual(
      FIGURES.find((f) => f.name === 'stp')!.params.find((p) => p.name === 'panels')!.choices,
    );
    expect(bashComplete(path, ['snn-figs', 'lif', '--format', 'p'])).toEqual(['png', 'pdf']);
    expect(bashComplete(path, ['snn-figs', 'lif', '--out', 'sli'])).toEqual(['slides.png']);
    expect(bashComplete(path, ['snn-figs', 'lif', '--tau', ''])).toEqual([]);
    expect(bashComplete(path, ['snn-figs', 'all', '--week', ''])).toEqual(['1', '2', '4', '7', '9']);
    expect(bashComplete(path, ['snn-figs', 'lif', '--context', 't'])).toEqual(['talk']);
    expect(bashComplete(path, ['snn-figs', 'completion', '--h'])).toEqual(['--help']);
  });

  it('fish completes commands, options and choices', async () => {
    const path = await script('fish');
    const complete = (line: string) =>
      shell('fish', ['--no-config', '-c', `source '${path}'; complete -C '${line}'`])
        .split('\n')
        .filter((s) => s !== '')
        .map((s) => s.split('\t')[0]);
    expect(complete('snn-figs li')).toEqual(['lif', 'lif-synapses', 'list']);
    expect(complete('snn-figs stp --dep-').sort()).toEqual(['--dep-tau-d', '--dep-tau-f', '--dep-u']);
    expect(complete('snn-figs psp-forms --method ').sort()).toEqual(['euler', 'exact', 'exponential_euler', 'rk4']);
  });

  it('zsh parses the script and registers it for snn-figs', async () => {
    const path = await script('zsh');
    shell('zsh', ['-n', path]);
    const out = shell('zsh', [
      '-f',
      '-c',
      `autoload -U compinit && compinit -u -d '${join(dir, 'zcompdump')}' && source '${path}' && print -r -- $_comps[snn-figs]`,
    ]);
    expect(out.trim()).toBe('_snn_figs');
  });

  it('refuses an unknown shell or a second argument (exit 2, one line)', async () => {
    for (const args of [
      ['completion', 'tcsh'],
      ['completion', 'bash', 'zsh'],
    ]) {
      const r = await runMain(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err.split('\n').filter((l) => l !== '')).toHaveLength(1);
    }
  });
});
