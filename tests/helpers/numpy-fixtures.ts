/** Reading and comparing the numpy fixtures (made by scripts/numpy_fixtures.py). */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export const NUMPY_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'numpy');

export function readNumpyFixture<T>(file: string): T {
  return JSON.parse(readFileSync(join(NUMPY_FIXTURES, file), 'utf8')) as T;
}

/** Values as the fixtures store them: exact integers, float bits in hex, or a hash and a head. */
export type Encoded = { ints: number[] } | { hex: string } | { n: number; sha256: string; head_ints?: number[]; head_hex?: string };

/** The 16 hex digits of a double's IEEE-754 bits, high byte first. */
export function hexOf(x: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

/** The doubles of a space-separated list of 16-hex-digit IEEE-754 bit patterns. */
export function fromHex(hex: string): Float64Array {
  const view = new DataView(new ArrayBuffer(8));
  return Float64Array.from(hex === '' ? [] : hex.split(' '), (w) => {
    view.setBigUint64(0, BigInt('0x' + w));
    return view.getFloat64(0);
  });
}

/** Largest |a − b| over the largest |b| (the absolute difference when b is all zeros). */
export function relativeError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let peak = 0;
  let worst = 0;
  for (let k = 0; k < b.length; k++) {
    peak = Math.max(peak, Math.abs(b[k]));
    worst = Math.max(worst, Math.abs(a[k] - b[k]));
  }
  return peak === 0 ? worst : worst / peak;
}

export function hexesOf(values: ArrayLike<number>): string {
  return Array.from(values, hexOf).join(' ');
}

function sha256(values: ArrayLike<number>): string {
  const bytes = Float64Array.from(values);
  // Float64Array is host-endian; every supported host (x86-64, arm64) is little-endian.
  return createHash('sha256').update(new Uint8Array(bytes.buffer)).digest('hex');
}

/** Exact equality with numpy's values: integers exactly, floats bit for bit. */
export function expectSameAsNumpy(ours: ArrayLike<number>, numpy: Encoded, what: string): void {
  if ('ints' in numpy) {
    expect(Array.from(ours), what).toEqual(numpy.ints);
  } else if ('hex' in numpy) {
    expect(hexesOf(ours), what).toBe(numpy.hex);
  } else {
    expect(ours.length, what).toBe(numpy.n);
    const head = Array.from(ours).slice(0, 8);
    if (numpy.head_ints) expect(head, what).toEqual(numpy.head_ints);
    if (numpy.head_hex) expect(hexesOf(head), what).toBe(numpy.head_hex);
    expect(sha256(ours), `${what}: hash of all ${numpy.n} values`).toBe(numpy.sha256);
  }
}
