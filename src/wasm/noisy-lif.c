/*
 * The noisy LIF population kernel (src/sim/kernels/noisy-lif.ts) in C for WebAssembly with
 * SIMD: built by scripts/build-wasm.mjs with Debian's clang + lld (wasm32, -msimd128,
 * freestanding: no libc). It computes the same numbers as the TypeScript kernel, bit for bit.
 *
 * Random numbers: the interleaved layout of src/sim/random.ts (InterleavedNormals) with
 * LANES = 4 xoshiro128** streams, neuron i drawing from lane i mod 4. The four generator
 * states sit in one i32x4 register per state word (lane l of register w = word w of lane
 * l's state), so one pass of the generator yields one 32-bit word for each of four
 * consecutive neurons. The ziggurat's fast path (98.5 % of draws: one compare, one
 * multiply) runs on the four lanes at once, with the same tables as src/sim/random.ts
 * (copied in at load). A lane that misses (1.5 % of draws) is finished on its own, scalar,
 * by finish_normal(): the same exact algorithm as Rng.normalAfterMiss (wedge test, tail,
 * rejection), the same double operations in the same order, with the host's own Math.log
 * and Math.exp imported as `log` and `exp`, so the lane's stream advances exactly as
 * Rng.normal() would advance it and returns the same value. The wedge test y < exp(t) is
 * settled without the call when a bounded approximation of exp(t) puts y clearly on one side
 * (under_curve): the same decision, ~1e-9 of the time left to Math.exp.
 *
 * Membrane update: IEEE double arithmetic in the same order as the reference,
 * v + dt*((-v)/tau) + g*(sqrtDt*z), two neurons per f64x2 instruction. WebAssembly has no
 * fused multiply-add outside relaxed SIMD (not enabled), so nothing is contracted.
 *
 * Measured (V8 in Node 20, one AMD EPYC core): ~1.5 ns per normal on the fast path, ~0.5 ns
 * per normal for the misses, ~0.7 ns per neuron for the update (two f64x2 divisions per four
 * neurons bound it): ~3 ns per neuron-step, against ~5.2 ns with one scalar stream.
 */
#include <stdint.h>
#include <wasm_simd128.h>

#define LANES 4

/* Host imports: JavaScript's Math.exp and Math.log themselves (the reference's exp/log). */
__attribute__((import_module("env"), import_name("exp"))) extern double js_exp(double x);
__attribute__((import_module("env"), import_name("log"))) extern double js_log(double x);

/* Ziggurat fast-path tables, interleaved so one 16-byte load fetches both entries of
 * index j: zig[2j] = threshold T[j], zig[2j + 1] = scale W[j] (j < 512). Host-filled. */
double zig[1024] __attribute__((aligned(16)));
/* The ziggurat's layer heights F[0..256] (ZIGGURAT.f) and tail start r, for the misses. */
double zig_f[257];
double zig_r;
/* The generator states, transposed: lanes[4*w + l] = word w of lane l. Host-filled. */
uint32_t lanes[4 * LANES] __attribute__((aligned(16)));

__attribute__((export_name("tables"))) double *tables(void) { return zig; }
__attribute__((export_name("layers"))) double *layers(void) { return zig_f; }
__attribute__((export_name("tail_start"))) double *tail_start(void) { return &zig_r; }
__attribute__((export_name("lane_state"))) uint32_t *lane_state(void) { return lanes; }

static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

/* One lane's generator, scalar (Rng.nextUint32). */
static inline uint32_t next1(uint32_t *s) {
  const uint32_t out = rotl(s[1] * 5u, 7) * 9u;
  const uint32_t t = s[1] << 9;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 11);
  return out;
}

/* Rng.nextDouble: 27 + 26 high bits of two words, on the 2^-53 grid. */
static inline double next_double(uint32_t *s) {
  const uint32_t hi = next1(s) >> 5;
  const uint32_t lo = next1(s) >> 6;
  return ((double)hi * 67108864.0 + (double)lo) * (1.0 / 9007199254740992.0);
}

/*
 * exp(t) for -7 < t <= 0 (the wedge tests' range) to a relative 1e-11: t = k·ln2 + r with
 * |r| <= ln2/2 (+ rounding), e^r by its Taylor polynomial of degree 9 (truncation
 * |r|^10/10!·e^|r| < 1e-11, rounding ~1e-15) evaluated by Estrin's scheme for a short
 * dependency chain, times 2^k built from its bits. Only used to settle the wedge test when y
 * is clearly on one side of exp(t) (see exp_margin); the host's Math.exp decides close calls.
 */
static inline double exp_near(double t) {
  const int k = (int)(t * 1.4426950408889634 - 0.5); /* round(t/ln2) for t <= 0 */
  const double r = t - (double)k * 0.6931471805599453;
  const double r2 = r * r, r4 = r2 * r2;
  const double p01 = 1.0 + r, p23 = 1.0 / 2 + r * (1.0 / 6), p45 = 1.0 / 24 + r * (1.0 / 120);
  const double p67 = 1.0 / 720 + r * (1.0 / 5040), p89 = 1.0 / 40320 + r * (1.0 / 362880);
  const double p = (p01 + r2 * p23) + r4 * ((p45 + r2 * p67) + r4 * p89);
  union {
    uint64_t bits;
    double value;
  } scale = {.bits = (uint64_t)(k + 1023) << 52};
  return p * scale.value;
}

/*
 * The relative margin of the wedge test's shortcut: y < exp_near(t)·(1 - m) implies
 * y < Math.exp(t) (accept), y > exp_near(t)·(1 + m) implies y > Math.exp(t) (reject), as long
 * as exp_near and Math.exp are both within m/2 of exp(t): 1e-9 is 50 times exp_near's error
 * bound and ~2 million ulps of Math.exp's (V8's fdlibm port is within 1 ulp), so a point
 * lands in between with probability ~1e-9 per wedge test. There, and always when the host
 * sets the margin to Infinity (tests/sim/kernel.test.ts), Math.exp itself decides.
 */
double exp_margin = 1e-9;
__attribute__((export_name("exp_margin_at"))) double *exp_margin_at(void) { return &exp_margin; }

/* The wedge test of Rng.normalAfterMiss: y < Math.exp(t), with t = -0.5·x·x as it computes it. */
static inline int under_curve(double y, double t) {
  const double e = exp_near(t);
  if (y < e * (1 - exp_margin)) return 1;
  if (y > e * (1 + exp_margin)) return 0;
  return y < js_exp(t);
}

/*
 * Rng.normalAfterMiss, line for line (the wedge test's exp shortcut aside, see under_curve): the rest of a normal whose first two words (a, b)
 * were drawn from state s, which it uses and advances.
 */
static __attribute__((noinline)) double finish_normal(uint32_t *s, uint32_t a, uint32_t b) {
  for (;;) {
    const uint32_t j = a & 0x1ffu;
    const double u = (double)(a >> 11) * 4294967296.0 + (double)b;
    if (u < zig[2 * j]) return u * zig[2 * j + 1];
    const double x = u * zig[2 * j + 1];
    const uint32_t i = j >> 1;
    if (i == 0) {
      for (;;) {
        const double t = -js_log(1 - next_double(s)) / zig_r;
        const double e2 = -js_log(1 - next_double(s));
        if (e2 + e2 > t * t) return (j & 1) == 0 ? zig_r + t : -(zig_r + t);
      }
    }
    const double y = zig_f[i] + next_double(s) * (zig_f[i + 1] - zig_f[i]);
    if (under_curve(y, -0.5 * x * x)) return x;
    a = next1(s);
    b = next1(s);
  }
}

typedef struct {
  v128_t s0, s1, s2, s3;
} gen4;

static inline v128_t rotl4(v128_t x, int k) { return wasm_v128_or(wasm_i32x4_shl(x, k), wasm_u32x4_shr(x, 32 - k)); }

static inline void load_gen(gen4 *g) {
  g->s0 = wasm_v128_load(lanes);
  g->s1 = wasm_v128_load(lanes + 4);
  g->s2 = wasm_v128_load(lanes + 8);
  g->s3 = wasm_v128_load(lanes + 12);
}

static inline void store_gen(const gen4 *g) {
  wasm_v128_store(lanes, g->s0);
  wasm_v128_store(lanes + 4, g->s1);
  wasm_v128_store(lanes + 8, g->s2);
  wasm_v128_store(lanes + 12, g->s3);
}

/* xoshiro128** on four lanes: each lane's next 32-bit word (Rng.nextUint32). */
static inline v128_t next4(gen4 *g) {
  const v128_t s1 = g->s1;
  const v128_t m = wasm_i32x4_mul(s1, wasm_i32x4_splat(5));
  const v128_t out = wasm_i32x4_mul(rotl4(m, 7), wasm_i32x4_splat(9));
  const v128_t t = wasm_i32x4_shl(s1, 9);
  g->s2 = wasm_v128_xor(g->s2, g->s0);
  g->s3 = wasm_v128_xor(g->s3, s1);
  g->s1 = wasm_v128_xor(s1, g->s2);
  g->s0 = wasm_v128_xor(g->s0, g->s3);
  g->s2 = wasm_v128_xor(g->s2, t);
  g->s3 = rotl4(g->s3, 11);
  return out;
}

/*
 * The lanes in `miss` (bit l = lane l) missed the fast path with words as[l], bs[l]: finish
 * each lane's draw with finish_normal on its state in `lanes` and put it in z[l]. Out of line
 * and on memory: the draw loop leaves its registers only when a group has a miss (6 %).
 */
static __attribute__((noinline)) void finish_lanes(int miss, const uint32_t *as, const uint32_t *bs, double *z) {
  for (int l = 0; l < LANES; l++) {
    if (miss & (1 << l)) {
      uint32_t s[4] = {lanes[l], lanes[4 + l], lanes[8 + l], lanes[12 + l]};
      z[l] = finish_normal(s, as[l], bs[l]);
      lanes[l] = s[0];
      lanes[4 + l] = s[1];
      lanes[8 + l] = s[2];
      lanes[12 + l] = s[3];
    }
  }
}

/*
 * The fast path of one standard normal for each lane in `active` (bit l = lane l), as
 * Rng.normal() starts it on that lane: both words are drawn (inactive lanes do not advance),
 * z[l] = u·W[j] and the words go to as[l], bs[l]. Returns the active lanes that missed the
 * fast path (z[l] meaningless there), which the caller finishes with finish_lanes. No call
 * in here, so that the loop around it keeps everything in registers.
 */
static inline __attribute__((always_inline)) int draw4(gen4 *g, int active, double *z, uint32_t *as, uint32_t *bs) {
  gen4 old = *g;
  const v128_t a = next4(g);
  const v128_t b = next4(g);
  if (active != 0xf) {
    const v128_t keep = wasm_i32x4_make(active & 1 ? -1 : 0, active & 2 ? -1 : 0, active & 4 ? -1 : 0, active & 8 ? -1 : 0);
    g->s0 = wasm_v128_bitselect(g->s0, old.s0, keep);
    g->s1 = wasm_v128_bitselect(g->s1, old.s1, keep);
    g->s2 = wasm_v128_bitselect(g->s2, old.s2, keep);
    g->s3 = wasm_v128_bitselect(g->s3, old.s3, keep);
  }
  /* j = a & 0x1ff (sign and layer), as a byte offset of its (T, W) pair. */
  const v128_t off = wasm_i32x4_shl(wasm_v128_and(a, wasm_i32x4_splat(0x1ff)), 4);
  /* u = (a >> 11)·2^32 + b (< 2^53), computed as hi·2^31 + lo with hi = (a >> 11)·2 + (b >> 31)
   * < 2^22 and lo = b mod 2^31: both fit a signed int32, whose conversion to f64x2 is one
   * instruction, and every step is exact, so u is the same double. Two lanes per f64x2. */
  const v128_t hi = wasm_v128_or(wasm_v128_and(wasm_u32x4_shr(a, 10), wasm_i32x4_splat(~1)), wasm_u32x4_shr(b, 31));
  const v128_t lo = wasm_v128_and(b, wasm_i32x4_splat(0x7fffffff));
  const v128_t two31 = wasm_f64x2_splat(2147483648.0);
  const v128_t u01 = wasm_f64x2_add(wasm_f64x2_mul(wasm_f64x2_convert_low_i32x4(hi), two31), wasm_f64x2_convert_low_i32x4(lo));
  const v128_t hi23 = wasm_i32x4_shuffle(hi, hi, 2, 3, 2, 3);
  const v128_t lo23 = wasm_i32x4_shuffle(lo, lo, 2, 3, 2, 3);
  const v128_t u23 = wasm_f64x2_add(wasm_f64x2_mul(wasm_f64x2_convert_low_i32x4(hi23), two31), wasm_f64x2_convert_low_i32x4(lo23));
  const char *base = (const char *)zig;
  const v128_t p0 = wasm_v128_load(base + (uint32_t)wasm_i32x4_extract_lane(off, 0));
  const v128_t p1 = wasm_v128_load(base + (uint32_t)wasm_i32x4_extract_lane(off, 1));
  const v128_t p2 = wasm_v128_load(base + (uint32_t)wasm_i32x4_extract_lane(off, 2));
  const v128_t p3 = wasm_v128_load(base + (uint32_t)wasm_i32x4_extract_lane(off, 3));
  const v128_t t01 = wasm_i64x2_shuffle(p0, p1, 0, 2);
  const v128_t w01 = wasm_i64x2_shuffle(p0, p1, 1, 3);
  const v128_t t23 = wasm_i64x2_shuffle(p2, p3, 0, 2);
  const v128_t w23 = wasm_i64x2_shuffle(p2, p3, 1, 3);
  /* Fast path: u < T[j] (inside layer i's core), x = u·W[j]. */
  wasm_v128_store(z, wasm_f64x2_mul(u01, w01));
  wasm_v128_store(z + 2, wasm_f64x2_mul(u23, w23));
  wasm_v128_store(as, a);
  wasm_v128_store(bs, b);
  const int fast = wasm_i64x2_bitmask(wasm_f64x2_lt(u01, t01)) | (wasm_i64x2_bitmask(wasm_f64x2_lt(u23, t23)) << 2);
  return ~fast & active;
}

/* Two neurons' update: Euler–Maruyama, threshold, k inputs, reset (as the TS kernel). */
static inline __attribute__((always_inline)) void update2(double *restrict v, int32_t *restrict counts, v128_t z, int k,
                                                          v128_t vdt, v128_t vtau, v128_t vg, v128_t vsq, v128_t vw) {
  const v128_t old = wasm_v128_load(v);
  v128_t x = wasm_f64x2_add(wasm_f64x2_add(old, wasm_f64x2_mul(vdt, wasm_f64x2_div(wasm_f64x2_neg(old), vtau))),
                            wasm_f64x2_mul(vg, wasm_f64x2_mul(vsq, z)));
  const v128_t spike = wasm_f64x2_gt(x, wasm_f64x2_splat(1.0)); /* all ones where x > 1 */
  for (int q = 0; q < k; q++) x = wasm_f64x2_add(x, vw);       /* inputs: only kept where no spike */
  if (__builtin_expect(wasm_v128_any_true(spike), 0)) {
    counts[0] -= (int32_t)wasm_i64x2_extract_lane(spike, 0);
    counts[1] -= (int32_t)wasm_i64x2_extract_lane(spike, 1);
    x = wasm_v128_andnot(x, spike); /* reset to +0 */
  }
  wasm_v128_store(v, x);
}

/*
 * Runs one step of n neurons with k input spikes. v, counts: the state (host-initialised,
 * n entries each); z: scratch for n normals (n rounded up to a multiple of 4); the lanes'
 * generator states are in `lanes`. g = sigma*sqrt(2/tau) and sqrt_dt = sqrt(dt) as the
 * TypeScript kernel computes them. Phase 1 draws the step's normals (four lanes at a time),
 * phase 2 updates the neurons (two per f64x2): two short loops keep V8's register
 * allocator from spilling. One call per step, so that V8's optimising tier, which replaces
 * the baseline code between calls (WebAssembly has no on-stack replacement), is used from
 * the first condition on.
 */
__attribute__((export_name("step")))
void step(double *restrict v, int32_t *restrict counts, double *restrict z, int n, int k, double dt, double tau,
          double g, double sqrt_dt, double w) {
  /* The words of the last group drawn, for finishing its misses. */
  uint32_t as[4] __attribute__((aligned(16))), bs[4] __attribute__((aligned(16)));
  gen4 gen;
  load_gen(&gen);
  int i = 0;
  for (;;) {
    int miss = 0;
    for (; i + LANES <= n; i += LANES) {
      miss = draw4(&gen, 0xf, z + i, as, bs);
      if (__builtin_expect(miss != 0, 0)) break;
    }
    if (miss == 0) break;
    store_gen(&gen);
    finish_lanes(miss, as, bs, z + i);
    load_gen(&gen);
    i += LANES;
  }
  const int rest = n - i;
  if (rest > 0) {
    /* The last, partial group: lanes 0..rest-1 only. */
    const int miss = draw4(&gen, rest == 1 ? 0x1 : rest == 2 ? 0x3 : 0x7, z + i, as, bs);
    store_gen(&gen);
    if (miss != 0) finish_lanes(miss, as, bs, z + i);
  } else {
    store_gen(&gen);
  }

  const v128_t vdt = wasm_f64x2_splat(dt), vtau = wasm_f64x2_splat(tau), vg = wasm_f64x2_splat(g);
  const v128_t vsq = wasm_f64x2_splat(sqrt_dt), vw = wasm_f64x2_splat(w);
  i = 0;
  for (; i + 2 <= n; i += 2) update2(v + i, counts + i, wasm_v128_load(z + i), k, vdt, vtau, vg, vsq, vw);
  if (i < n) {
    const double old = v[i];
    double x = old + dt * (-old / tau) + g * (sqrt_dt * z[i]);
    if (x > 1.0) {
      counts[i]++;
      x = 0.0;
    } else {
      for (int q = 0; q < k; q++) x += w;
    }
    v[i] = x;
  }
}
