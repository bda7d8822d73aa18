/**
 * The little of matplotlib's mathtext the course labels use: `$\delta t$ (ms)` is an italic δt
 * followed by an upright " (ms)". Inside dollars, letters (Latin and Greek) are italic, other
 * characters upright, and spaces are dropped (mathtext spaces with commands, not blanks);
 * outside dollars the text is as written. A label without dollars is one upright run.
 */

export interface Run {
  text: string;
  italic: boolean;
}

const GREEK: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ϵ',
  varepsilon: 'ε',
  zeta: 'ζ',
  eta: 'η',
  theta: 'θ',
  iota: 'ι',
  kappa: 'κ',
  lambda: 'λ',
  mu: 'μ',
  nu: 'ν',
  xi: 'ξ',
  pi: 'π',
  rho: 'ρ',
  sigma: 'σ',
  tau: 'τ',
  upsilon: 'υ',
  phi: 'ϕ',
  varphi: 'φ',
  chi: 'χ',
  psi: 'ψ',
  omega: 'ω',
  Gamma: 'Γ',
  Delta: 'Δ',
  Theta: 'Θ',
  Lambda: 'Λ',
  Xi: 'Ξ',
  Pi: 'Π',
  Sigma: 'Σ',
  Phi: 'Φ',
  Psi: 'Ψ',
  Omega: 'Ω',
};
/** Upper-case Greek is upright in mathtext, lower-case italic, like Latin letters. */
const UPRIGHT_GREEK = new Set(['Γ', 'Δ', 'Θ', 'Λ', 'Ξ', 'Π', 'Σ', 'Φ', 'Ψ', 'Ω']);

function push(runs: Run[], text: string, italic: boolean): void {
  if (!text) return;
  const last = runs[runs.length - 1];
  if (last && last.italic === italic) last.text += text;
  else runs.push({ text, italic });
}

function mathRuns(src: string, runs: Run[]): void {
  for (let i = 0; i < src.length;) {
    const ch = src[i];
    if (ch === '\\') {
      const name = /^\\([A-Za-z]+)/.exec(src.slice(i));
      if (name && GREEK[name[1]] !== undefined) {
        const g = GREEK[name[1]];
        push(runs, g, !UPRIGHT_GREEK.has(g));
        i += name[0].length;
        continue;
      }
      // An unknown command: keep its name visible rather than drop it silently.
      const word = name ? name[0] : '\\';
      push(runs, word.slice(1) || word, false);
      i += word.length;
      continue;
    }
    if (ch === ' ' || ch === '{' || ch === '}') {
      i++;
      continue;
    }
    if (ch === '-') push(runs, '\u2212', false);
    else push(runs, ch, /[A-Za-z]/.test(ch));
    i++;
  }
}

/** Splits a label into italic and upright runs. An odd number of dollars is plain text. */
export function parseMathtext(label: string): Run[] {
  const dollars = (label.match(/(?<!\\)\$/g) ?? []).length;
  if (dollars === 0 || dollars % 2 === 1) return [{ text: label.replace(/\\\$/g, '$'), italic: false }];
  const runs: Run[] = [];
  label.split(/(?<!\\)\$/).forEach((part, k) => {
    if (k % 2 === 1) mathRuns(part, runs);
    else push(runs, part.replace(/\\\$/g, '$'), false);
  });
  return runs;
}
