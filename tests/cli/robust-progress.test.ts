/**
 * Progress that respects the terminal: plain lines on TERM=dumb (no escape sequences), a
 * notice before any synchronous phase expected to take over 2 s on a terminal (no bar can
 * move while the event loop is blocked), nothing on pipes or with --quiet.
 */
import { describe, expect, it } from 'vitest';
import { simulationSeconds } from '../../src/options/cost.js';
import { estimateOutputSeconds } from '../../src/options/cost-time.js';
import { phaseNotice, progressReporter } from '../../src/cli/progress.js';
import { silentStreams } from '../helpers/streams.js';

function terminal(isTTY = true) {
  const { io, stderr } = silentStreams(isTTY);
  return { stream: io.stderr, text: stderr };
}

describe('progress on every kind of terminal', () => {
  it('TERM=dumb: plain lines, no escape sequences, at least the first and the last', () => {
    const { stream, text } = terminal();
    const p = progressReporter(stream, 'tuning-curve', false, 'dumb');
    for (let k = 0; k <= 41; k++) p.update(k, 41);
    p.stop();
    expect(text()).not.toMatch(/\x1b/);
    expect(text()).toMatch(/^tuning-curve: 0\/41 conditions\n/);
    expect(text()).toMatch(/tuning-curve: 41\/41 conditions\n$/);
  });

  it('an ANSI terminal still gets the bar', () => {
    const { stream, text } = terminal();
    const p = progressReporter(stream, 'tuning-curve', false, 'xterm-256color');
    p.update(1, 41);
    p.stop();
    expect(text()).toContain('1/41 conditions');
  });

  it('a long synchronous phase is announced on a terminal and erased after', () => {
    const { stream, text } = terminal();
    phaseNotice(stream, false, 'coincidence: simulating', 30, 'xterm').done();
    expect(text()).toBe('coincidence: simulating (about 30 s)…\r\x1b[K');
  });

  it('on TERM=dumb the notice is a line of its own', () => {
    const { stream, text } = terminal();
    phaseNotice(stream, false, 'x.png: drawing', 5, 'dumb').done();
    expect(text()).toBe('x.png: drawing (about 5 s)…\n');
  });

  it('short phases, pipes and --quiet get nothing', () => {
    for (const [tty, quiet, seconds] of [
      [true, false, 1],
      [false, false, 30],
      [true, true, 30],
    ] as const) {
      const { stream, text } = terminal(tty);
      phaseNotice(stream, quiet, 'phase', seconds, 'xterm').done();
      expect(text()).toBe('');
    }
  });

  it('the estimates that decide it grow with the work', () => {
    const small = { neuronSteps: 1e3, samples: 2e3 };
    const large = { neuronSteps: 1e8, samples: 2e7 };
    expect(simulationSeconds(small)).toBeLessThan(2);
    expect(simulationSeconds(large)).toBeGreaterThan(2);
    expect(estimateOutputSeconds(large, 'png')).toBeGreaterThan(estimateOutputSeconds(large, 'json'));
    // Threaded figures have their own bar.
    expect(simulationSeconds({ ...large, threadBytes: 1 })).toBe(0);
  });
});
