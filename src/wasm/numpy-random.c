/*
 * numpy's legacy RandomState draws in bulk (src/sim/numpy/random-state.ts) in C for
 * WebAssembly: the MT19937 stream (src/sim/numpy/mt19937.ts), its doubles on the 2^-53 grid,
 * choice with p over a short cdf, and the polar method's normals with glibc's FMA log
 * (src/sim/numpy/libm.ts). Built by scripts/build-wasm.mjs (freestanding wasm32, SIMD, no
 * libc, -ffp-contract=off: every double operation rounds once, in the order written). The
 * same numbers as the TypeScript, bit for bit (tests/sim/numpy-wasm.test.ts); only faster:
 * the twist and the tempering run on four words per instruction, and the 64-bit
 * reinterpretations of doubles the log needs cost nothing.
 *
 * The host owns the generator: before a bulk call it copies the 624 state words and the
 * position into `state`, afterwards it copies them back. Results go to `out` (CHUNK doubles),
 * which the host copies into its own arrays. The log's constants (glibc's log_data: ln 2 in
 * two parts, the 5 + 11 polynomial coefficients, 128 × (1/c, log c)) are copied in once by the
 * host from the same decoded table the TypeScript uses, then prepare() splits each 1/c.
 *
 * The log here serves the polar method only: its argument r² = x1² + x2² lies in (0, 1) and is
 * at least 2^-104 (x1, x2 are multiples of 2^-52), a normal double, so the special cases of
 * libm.ts's log (zero, subnormal, infinite, negative, NaN) cannot occur.
 */
#include <stdint.h>
#include <wasm_simd128.h>

#define N 624
#define M 397
#define CHUNK 4096

/* state[0..623]: MT19937's key; state[624]: the position of the next word (624: twist first). */
uint32_t state[N + 1];
double out[CHUNK];
/* glibc's log_data, decoded by the host: ln2hi, ln2lo, A[5], B[11], then 128 × (1/c, log c). */
double log_data[18 + 256];
static double invc_high[128];
static double invc_low[128];

__attribute__((export_name("state_at"))) uint32_t *state_at(void) { return state; }
__attribute__((export_name("out_at"))) double *out_at(void) { return out; }
__attribute__((export_name("log_data_at"))) double *log_data_at(void) { return log_data; }
__attribute__((export_name("chunk"))) int chunk(void) { return CHUNK; }

/* choice with p over a short cdf (RandomState.choiceWithP's SHORT_CDF): the cdf and the value
 * of each count of entries ≤ u, host-filled before each call. */
#define SHORT_CDF 8
double choice_cdf[SHORT_CDF];
double choice_values[SHORT_CDF + 1];
__attribute__((export_name("choice_cdf_at"))) double *choice_cdf_at(void) { return choice_cdf; }
__attribute__((export_name("choice_values_at"))) double *choice_values_at(void) { return choice_values; }
__attribute__((export_name("short_cdf"))) int short_cdf(void) { return SHORT_CDF; }

static const double SPLITTER = 134217729.0; /* Veltkamp's 2^27 + 1 */
static const double TWO_POW_27 = 134217728.0;
static const double INV_TWO53 = 1.0 / 9007199254740992.0;

static inline uint64_t bits_of(double x) {
  uint64_t u;
  __builtin_memcpy(&u, &x, 8);
  return u;
}

static inline double double_of(uint64_t u) {
  double x;
  __builtin_memcpy(&x, &u, 8);
  return x;
}

/* Splits each 1/c in two 26-bit halves (as libm.ts's INVC_HIGH / INVC_LOW). */
__attribute__((export_name("prepare"))) void prepare(void) {
  for (int i = 0; i < 128; i++) {
    const double invc = log_data[18 + 2 * i];
    const double t = SPLITTER * invc;
    invc_high[i] = t - (t - invc);
    invc_low[i] = invc - invc_high[i];
  }
}

/* ---- MT19937 (mt19937.ts) ---- */

/* One twisted word from words k, k + 1 and the partner p (= k + M or k + M − N). */
static inline uint32_t twist1(uint32_t k0, uint32_t k1, uint32_t p) {
  const uint32_t y = (k0 & 0x80000000u) | (k1 & 0x7fffffffu);
  return p ^ (y >> 1) ^ ((0u - (y & 1u)) & 0x9908b0dfu);
}

/* The same for four consecutive words at once (lane l: k + l). */
static inline v128_t twist4(v128_t k0, v128_t k1, v128_t p) {
  const v128_t y = wasm_v128_or(wasm_v128_and(k0, wasm_u32x4_splat(0x80000000u)), wasm_v128_and(k1, wasm_u32x4_splat(0x7fffffffu)));
  const v128_t odd = wasm_i32x4_neg(wasm_v128_and(y, wasm_u32x4_splat(1)));
  return wasm_v128_xor(wasm_v128_xor(p, wasm_u32x4_shr(y, 1)), wasm_v128_and(odd, wasm_u32x4_splat(0x9908b0dfu)));
}

/*
 * Regenerates the block: word k from k, k + 1 (not yet regenerated) and k + M (mod N: for
 * k ≥ N − M a word regenerated at least N − M = 227 places earlier, so four at a time see the
 * new values, as the one-by-one reference does).
 */
static void twist(uint32_t *key) {
  int k = 0;
  for (; k + 4 <= N - M; k += 4) {
    const v128_t w = twist4(wasm_v128_load(key + k), wasm_v128_load(key + k + 1), wasm_v128_load(key + k + M));
    wasm_v128_store(key + k, w);
  }
  for (; k < N - M; k++) key[k] = twist1(key[k], key[k + 1], key[k + M]);
  for (; k + 4 <= N - 1; k += 4) {
    const v128_t w = twist4(wasm_v128_load(key + k), wasm_v128_load(key + k + 1), wasm_v128_load(key + k + M - N));
    wasm_v128_store(key + k, w);
  }
  for (; k < N - 1; k++) key[k] = twist1(key[k], key[k + 1], key[k + M - N]);
  key[N - 1] = twist1(key[N - 1], key[0], key[M - 1]);
}

static inline uint32_t temper(uint32_t y) {
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

static inline uint32_t next32(uint32_t *key, uint32_t *pos) {
  if (*pos == N) {
    twist(key);
    *pos = 0;
  }
  return temper(key[(*pos)++]);
}

/* ((a >> 5)·2^26 + (b >> 6))·2^-53: numpy's random_standard_uniform / legacy_double. */
static inline double next_double(uint32_t *key, uint32_t *pos) {
  const uint32_t a = next32(key, pos) >> 5;
  const uint32_t b = next32(key, pos) >> 6;
  return ((double)a * 67108864.0 + (double)b) * INV_TWO53;
}

static inline v128_t temper4(v128_t y) {
  y = wasm_v128_xor(y, wasm_u32x4_shr(y, 11));
  y = wasm_v128_xor(y, wasm_v128_and(wasm_i32x4_shl(y, 7), wasm_u32x4_splat(0x9d2c5680u)));
  y = wasm_v128_xor(y, wasm_v128_and(wasm_i32x4_shl(y, 15), wasm_u32x4_splat(0xefc60000u)));
  return wasm_v128_xor(y, wasm_u32x4_shr(y, 18));
}

/*
 * out[0..n) = n doubles (n ≤ CHUNK): whole pairs straight from each twisted block, two doubles
 * (four words) at a time: the a words (lanes 0, 2) >> 5, the b words (lanes 1, 3) >> 6, each
 * pair converted exactly and combined in double lanes, the same operations as next_double.
 */
static void fill_into(double *dst, int n) {
  uint32_t *key = state;
  uint32_t pos = state[N];
  const v128_t two26 = wasm_f64x2_splat(67108864.0);
  const v128_t inv = wasm_f64x2_splat(INV_TWO53);
  int k = 0;
  while (k < n) {
    if (pos >= N - 1) {
      dst[k++] = next_double(key, &pos);
      continue;
    }
    int end = k + (int)((N - pos) >> 1);
    if (end > n) end = n;
    for (; k + 2 <= end; k += 2) {
      const v128_t w = temper4(wasm_v128_load(key + pos));
      const v128_t a = wasm_u32x4_shr(w, 5);
      const v128_t b = wasm_u32x4_shr(w, 6);
      const v128_t ad = wasm_f64x2_convert_low_u32x4(wasm_i32x4_shuffle(a, a, 0, 2, 0, 2));
      const v128_t bd = wasm_f64x2_convert_low_u32x4(wasm_i32x4_shuffle(b, b, 1, 3, 1, 3));
      wasm_v128_store(dst + k, wasm_f64x2_mul(wasm_f64x2_add(wasm_f64x2_mul(ad, two26), bd), inv));
      pos += 4;
    }
    for (; k < end; k++) {
      const uint32_t a = temper(key[pos]) >> 5;
      const uint32_t b = temper(key[pos + 1]) >> 6;
      pos += 2;
      dst[k] = ((double)a * 67108864.0 + (double)b) * INV_TWO53;
    }
  }
  state[N] = pos;
}

__attribute__((export_name("fill_doubles"))) void fill_doubles(int n) { fill_into(out, n); }

/*
 * out[0..n) = choice(values, n, p) for a cdf of m ≤ SHORT_CDF entries: one double u each, the
 * value of the count of entries ≤ u (searchsorted(cdf, u, 'right'); the cdf is sorted).
 */
__attribute__((export_name("choice_short"))) void choice_short(int n, int m) {
  fill_doubles(n);
  for (int k = 0; k < n; k++) {
    const double u = out[k];
    int count = 0;
    for (int i = 0; i < m; i++) count += choice_cdf[i] <= u;
    out[k] = choice_values[count];
  }
}

/* ---- glibc 2.36's FMA log (libm.ts), for x in [2^-104, 1) ---- */

/* a·b − product exactly (Dekker's product with Veltkamp's split; fma.ts's productError). */
static inline double product_error(double a, double b, double product) {
  double t = SPLITTER * a;
  const double ah = t - (t - a);
  const double al = a - ah;
  t = SPLITTER * b;
  const double bh = t - (t - b);
  const double bl = b - bh;
  return ah * bh - product + ah * bl + al * bh + al * bl;
}

/* x + y rounded to odd (fma.ts's addRoundToOdd). */
static double add_round_to_odd(double x, double y) {
  const double s = x + y;
  const double back = s - x;
  const double err = x - (s - back) + (y - back);
  if (err == 0) return s;
  const uint64_t u = bits_of(s);
  if (u & 1) return s;
  return double_of((err > 0) == (s > 0) ? u + 1 : u - 1);
}

/* a·b + c rounded once (fma.ts's fma, same operations in the same order). */
static double fma_exact(double a, double b, double c) {
  const double uh = a * b;
  const double ul = product_error(a, b, uh);
  const double th = c + uh;
  const double back = th - c;
  const double tl = c - (th - back) + (uh - back);
  const double small = tl + ul;
  const double r = th + small;
  const double r_back = r - th;
  const double err = th - (r - r_back) + (small - r_back);
  if (err == 0 || r + 2 * err - r != 2 * err) return r;
  return th + add_round_to_odd(tl, ul);
}

#define LN2_HI log_data[0]
#define LN2_LO log_data[1]
#define A(i) log_data[2 + (i)]
#define B(i) log_data[7 + (i)]
#define TABLE(i) log_data[18 + (i)]

static double log_near_one(double x) {
  const double r = x - 1;
  const double r2 = r * r;
  const double r3 = r * r2;
  const double r_big = r * TWO_POW_27;
  const double rhi = r_big + r - r_big;
  const double rlo = r - rhi;
  const double w = rhi * rhi * B(0);
  const double head = r + w;
  const double d = r - head + w;
  const double rough = ((r3 * B(10) + (r2 * B(9) + (r * B(8) + B(7)))) * r3 + (r2 * B(6) + (r * B(5) + B(4)))) * r3 + (r2 * B(3) + (r * B(2) + B(1)));
  const double small = rough * r3 + (B(0) * rlo * (rhi + r) + d);
  const double sum = head + small;
  const double back = sum - head;
  const double err = head - (sum - back) + (small - back);
  if (sum + err * 1.015625 == sum) return sum;
  const double p1 = fma_exact(r2, B(3), fma_exact(r, B(2), B(1)));
  const double p2 = fma_exact(r2, B(6), fma_exact(r, B(5), B(4)));
  const double p3 = fma_exact(r3, B(10), fma_exact(r2, B(9), fma_exact(r, B(8), B(7))));
  const double poly = fma_exact(fma_exact(p3, r3, p2), r3, p1);
  return head + fma_exact(poly, r3, fma_exact(B(0) * rlo, rhi + r, d));
}

static inline double log_unit(double x) {
  const uint64_t ix = bits_of(x);
  const uint32_t hi = (uint32_t)(ix >> 32);
  if (hi >= 0x3fee0000u) return log_near_one(x);
  const uint32_t tmp_hi = hi - 0x3fe60000u;
  const int i = (int)((tmp_hi >> 13) & 127);
  const int k = (int32_t)tmp_hi >> 20;
  const double z = double_of(ix - ((uint64_t)(tmp_hi & 0xfff00000u) << 32));
  const double logc = TABLE(2 * i + 1);
  const double product = z * TABLE(2 * i);
  const double t = SPLITTER * z;
  const double zh = t - (t - z);
  const double zl = z - zh;
  const double ih = invc_high[i];
  const double il = invc_low[i];
  const double product_low = zh * ih - product + zh * il + zl * ih + zl * il;
  const double r = product - 1 + product_low;
  const double kd = (double)k;
  const double w = kd * LN2_HI + logc;
  const double head = w + r;
  const double d = w - head + r;
  const double r2 = r * r;
  const double r3 = r * r2;
  const double small = r3 * ((r * A(4) + A(3)) * r2 + (r * A(2) + A(1))) + (r2 * A(0) + (kd * LN2_LO + d));
  const double sum = head + small;
  const double back = sum - head;
  const double err = head - (sum - back) + (small - back);
  if (sum + err * 1.00390625 == sum) return sum;
  const double tail = fma_exact(kd, LN2_LO, d);
  const double poly = fma_exact(fma_exact(r, A(4), A(3)), r2, fma_exact(r, A(2), A(1)));
  return fma_exact(r3, poly, fma_exact(r2, A(0), tail)) + head;
}

/* Uniforms for the polar method, drawn ahead in blocks. */
static double uniforms[CHUNK];

/*
 * out[0..2·pairs) = `pairs` accepted pairs of the polar method, each as (f·x2, f·x1) with
 * f = sqrt(−2 ln r² / r²): numpy's legacy_gauss returns f·x2 and keeps f·x1 for the next call.
 * The uniforms are drawn ahead, two for each pair still wanted (at most): a rejected attempt
 * leaves pairs to draw for in the next round, and no uniform is drawn that numpy would not draw.
 */
__attribute__((export_name("gauss_pairs"))) void gauss_pairs(int pairs) {
  int done = 0;
  while (done < pairs) {
    int attempts = pairs - done;
    if (attempts > CHUNK / 2) attempts = CHUNK / 2;
    fill_into(uniforms, 2 * attempts);
    for (int j = 0; j < 2 * attempts; j += 2) {
      const double x1 = 2 * uniforms[j] - 1;
      const double x2 = 2 * uniforms[j + 1] - 1;
      const double r2 = x1 * x1 + x2 * x2;
      if (r2 >= 1 || r2 == 0) continue;
      const double f = __builtin_sqrt(-2 * log_unit(r2) / r2);
      out[2 * done] = f * x2;
      out[2 * done + 1] = f * x1;
      done++;
    }
  }
}
