/** Python's str() of a float, for titles and ids the notebooks build with f-strings. */

/** repr(float) in Python 3: the shortest round-trip digits (as JavaScript's), with '.0' on whole numbers and Python's exponent style. */
export function pythonFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const abs = Math.abs(x);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e16)) {
    // JavaScript: 1e-7, 1.5e+16; Python: 1e-07, 1.5e+16
    const [mantissa, exponent] = x.toExponential().split('e');
    const sign = exponent[0] === '-' ? '-' : '+';
    const digits = exponent.slice(1).padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  const text = String(x);
  return Number.isInteger(x) ? `${Object.is(x, -0) ? '-' : ''}${text}.0` : text;
}
