/**
 * numpy's sum of a contiguous float64 array (add.reduce): pairwise summation, so that the
 * rounding of a sum matches numpy's to the last bit. Blocks of at most 128 values are added
 * with eight running sums (values k, k+8, k+16 … in sum k mod 8), combined as
 * ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)), then the leftover values one by one; fewer than 8 values
 * are added in order; longer arrays are split in two halves, the first a multiple of 8 long.
 */
const BLOCK = 128;

export function pairwiseSum(values: ArrayLike<number>, start = 0, count = values.length - start): number {
  if (count < 8) {
    let sum = -0;
    for (let k = 0; k < count; k++) sum += values[start + k];
    return count === 0 ? 0 : sum;
  }
  if (count <= BLOCK) {
    const s = [0, 0, 0, 0, 0, 0, 0, 0];
    for (let j = 0; j < 8; j++) s[j] = values[start + j];
    let k = 8;
    for (; k < count - (count % 8); k += 8) {
      for (let j = 0; j < 8; j++) s[j] += values[start + k + j];
    }
    let sum = s[0] + s[1] + (s[2] + s[3]) + (s[4] + s[5] + (s[6] + s[7]));
    for (; k < count; k++) sum += values[start + k];
    return sum;
  }
  let half = Math.floor(count / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, count - half);
}
