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
 * fused multiply-add outside relaxed SIMD (not enabled in Node 20, and free to fuse or not,
 * which would change the numbers), so nothing is contracted.
 *
 * Shape, for V8: each group of four neurons draws its four normals and is updated at once
 * (the f64x2 divisions overlap the generator's integer work), in a loop with no call in it
 * (run_fast), so that TurboFan keeps the generator state and the constants in registers; a
 * group with a miss (6 % of groups) leaves the loop, is finished by finish_lanes and updated
 * here, and the loop is entered again. The steps without an input spike (all but one or two)
 * run a copy of the loop without the input loop. Measured with callgrind: ~34 machine
 * instructions per neuron-step, against ~50 with separate draw and update passes; about 85 %
 * of them in the fast loop, the rest where a group misses (finish_lanes, finish_normal).
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
 * each lane's draw with finish_normal on its state in `lanes` and put it in z[l].
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

/* The words of the group that left the fast loop, and its normals (the fast ones). */
uint32_t miss_a[4] __attribute__((aligned(16))), miss_b[4] __attribute__((aligned(16)));
double miss_z[4] __attribute__((aligned(16)));
int miss_lanes;

/* What stays fixed during a step: the update's constants (one = 1.0, the threshold, is passed
 * in so that V8 keeps it in a register instead of rebuilding the constant at every use). */
typedef struct {
  v128_t dt, ntau, g, sqrt_dt, w, one;
} consts;

/*
 * The fast path of one standard normal for each of the four lanes, as Rng.normal() starts it:
 * two words a, b per lane, j = a & 0x1ff, u = (a >> 11)·2^32 + b (exact, < 2^53), z = u·W[j]
 * when u < T[j]. Returns the lanes that missed (bit l = lane l). u is built from the words'
 * bits without a conversion instruction: the doubles with high word 0x45300000 and low
 * word h are 2^84 + h·2^32, those with high word 0x43300000 and low word b are 2^52 + b
 * (both exact), so (2^84 + h·2^32) - (2^84 + 2^52) = h·2^32 - 2^52 and, adding 2^52 + b,
 * h·2^32 + b: every step's exact result is a double, so each is exact.
 */
static inline __attribute__((always_inline)) int draw4(gen4 *g, v128_t *a_out, v128_t *b_out, v128_t *z01, v128_t *z23) {
  const v128_t a = next4(g);
  const v128_t b = next4(g);
  *a_out = a;
  *b_out = b;
  /* j = a & 0x1ff (sign and layer), as a byte offset of its (T, W) pair: (a << 4) & 0x1ff0. The
   * empty asm hides that a is a product (rotl(m, 7)·9) from clang, which would otherwise fold the
   * shift into a second multiplication, a·144, whose constant V8 keeps in one more register. */
  v128_t a_opaque = a;
  __asm__("" : "+r"(a_opaque));
  const v128_t off = wasm_v128_and(wasm_i32x4_shl(a_opaque, 4), wasm_i32x4_splat(0x1ff0));
  const v128_t h = wasm_u32x4_shr(a, 11);
  const v128_t hi_exp = wasm_i32x4_splat(0x45300000), lo_exp = wasm_i32x4_splat(0x43300000);
  const v128_t bias = wasm_f64x2_splat(0x1p84 + 0x1p52);
  const v128_t hd01 = wasm_i32x4_shuffle(h, hi_exp, 0, 4, 1, 5);
  const v128_t bd01 = wasm_i32x4_shuffle(b, lo_exp, 0, 4, 1, 5);
  const v128_t hd23 = wasm_i32x4_shuffle(h, hi_exp, 2, 6, 3, 7);
  const v128_t bd23 = wasm_i32x4_shuffle(b, lo_exp, 2, 6, 3, 7);
  const v128_t u01 = wasm_f64x2_add(wasm_f64x2_sub(hd01, bias), bd01);
  const v128_t u23 = wasm_f64x2_add(wasm_f64x2_sub(hd23, bias), bd23);
  const char *base = (const char *)zig;
  const v128_t p0 = wasm_v128_load(base + (uint32_t)wasm_i32x4_extract_lane(off, 0));
  const v128_t p1 = wasm_v128_load(base + (uint32_t)wasm_i32x4_extract_lane(off, 1));
  const v128_t p2 = wasm_v128_load(base + (uint32_t)wasm_i32x4_extract_lane(off, 2));
  const v128_t p3 = wasm_v128_load(base + (uint32_t)wasm_i32x4_extract_lane(off, 3));
  const v128_t t01 = wasm_i64x2_shuffle(p0, p1, 0, 2);
  const v128_t w01 = wasm_i64x2_shuffle(p0, p1, 1, 3);
  const v128_t t23 = wasm_i64x2_shuffle(p2, p3, 0, 2);
  const v128_t w23 = wasm_i64x2_shuffle(p2, p3, 1, 3);
  *z01 = wasm_f64x2_mul(u01, w01);
  *z23 = wasm_f64x2_mul(u23, w23);
  const int fast = wasm_i64x2_bitmask(wasm_f64x2_lt(u01, t01)) | (wasm_i64x2_bitmask(wasm_f64x2_lt(u23, t23)) << 2);
  return ~fast & 0xf;
}

/*
 * Two neurons' update: Euler–Maruyama, threshold, k inputs, reset (as the TS kernel):
 * v + dt·((-v)/tau) + g·(sqrt_dt·z), with (-v)/tau computed as v/(-tau) (the same double:
 * division rounds symmetrically).
 */
static inline __attribute__((always_inline)) v128_t update2(double *restrict v, v128_t z, int k, const consts *c, v128_t *spike) {
  const v128_t old = wasm_v128_load(v);
  v128_t x = wasm_f64x2_add(wasm_f64x2_add(old, wasm_f64x2_mul(c->dt, wasm_f64x2_div(old, c->ntau))),
                            wasm_f64x2_mul(c->g, wasm_f64x2_mul(c->sqrt_dt, z)));
  *spike = wasm_f64x2_gt(x, c->one);                        /* all ones where x > 1 */
  for (int q = 0; q < k; q++) x = wasm_f64x2_add(x, c->w); /* inputs: only kept where no spike */
  return x;
}

/* Four neurons' update (two f64x2): the spikes (rare) counted and reset to +0 out of line. */
static inline __attribute__((always_inline)) void update4(double *restrict v, int32_t *restrict counts, v128_t z01, v128_t z23, int k, const consts *c) {
  v128_t s01, s23;
  v128_t x01 = update2(v, z01, k, c, &s01);
  v128_t x23 = update2(v + 2, z23, k, c, &s23);
  /* bitmask, not any_true: V8 turns the latter into ptest, setnz and a test (three more instructions). */
  if (__builtin_expect(wasm_i64x2_bitmask(wasm_v128_or(s01, s23)) != 0, 0)) {
    counts[0] -= (int32_t)wasm_i64x2_extract_lane(s01, 0);
    counts[1] -= (int32_t)wasm_i64x2_extract_lane(s01, 1);
    counts[2] -= (int32_t)wasm_i64x2_extract_lane(s23, 0);
    counts[3] -= (int32_t)wasm_i64x2_extract_lane(s23, 1);
    x01 = wasm_v128_andnot(x01, s01); /* reset to +0 */
    x23 = wasm_v128_andnot(x23, s23);
  }
  wasm_v128_store(v, x01);
  wasm_v128_store(v + 2, x23);
}

/*
 * Neurons [i, end) in groups of four (end - i a multiple of 4): draw and update each group
 * until a group misses the fast path. Returns the index of that group, its words in miss_a,
 * miss_b and its fast normals in miss_z, the generator advanced past it; or `end`. No call
 * in here, so that V8 keeps the loop's state and constants in registers.
 */
static inline __attribute__((always_inline)) int run_fast(double *restrict v, int32_t *restrict counts, int i, int end, int k, const consts *c) {
  gen4 gen;
  load_gen(&gen);
  for (; i < end; i += LANES) {
    v128_t a, b, z01, z23;
    const int miss = draw4(&gen, &a, &b, &z01, &z23);
    if (__builtin_expect(miss != 0, 0)) {
      miss_lanes = miss;
      wasm_v128_store(miss_a, a);
      wasm_v128_store(miss_b, b);
      wasm_v128_store(miss_z, z01);
      wasm_v128_store(miss_z + 2, z23);
      break;
    }
    update4(v + i, counts + i, z01, z23, k, c);
  }
  store_gen(&gen);
  return i;
}

/* run_fast without inputs (k = 0: all steps but one or two), and with. They take -tau itself:
 * negated in here, V8 would negate it again at every group. */
#define CONSTS {wasm_f64x2_splat(dt), wasm_f64x2_splat(ntau), wasm_f64x2_splat(g), wasm_f64x2_splat(sqrt_dt), wasm_f64x2_splat(w), wasm_f64x2_splat(one)}
static __attribute__((noinline)) int run_fast0(double *restrict v, int32_t *restrict counts, int i, int end, double dt, double ntau,
                                               double g, double sqrt_dt, double w, double one) {
  const consts c = CONSTS;
  return run_fast(v, counts, i, end, 0, &c);
}
static __attribute__((noinline)) int run_fastk(double *restrict v, int32_t *restrict counts, int i, int end, int k, double dt, double ntau,
                                               double g, double sqrt_dt, double w, double one) {
  const consts c = CONSTS;
  return run_fast(v, counts, i, end, k, &c);
}

/*
 * Runs one step of n neurons with k input spikes. v, counts: the state (host-initialised,
 * n entries each); z: scratch for 4 normals; the lanes' generator states are in `lanes`.
 * g = sigma*sqrt(2/tau) and sqrt_dt = sqrt(dt) as the TypeScript kernel computes them. Each
 * group of four neurons draws its four normals (one per lane) and is updated at once (two
 * per f64x2); a group with a miss is finished here, out of the fast loop. One call per
 * step, so that V8's optimising tier, which replaces the baseline code between calls
 * (WebAssembly has no on-stack replacement), is used from the first condition on.
 */
__attribute__((export_name("step")))
void step(double *restrict v, int32_t *restrict counts, double *restrict z, int n, int k, double dt, double tau,
          double g, double sqrt_dt, double w, double one) {
  const double ntau = -tau;
  const consts c = CONSTS;
  const int end = n & ~(LANES - 1);
  int i = 0;
  for (;;) {
    i = k == 0 ? run_fast0(v, counts, i, end, dt, ntau, g, sqrt_dt, w, one) : run_fastk(v, counts, i, end, k, dt, ntau, g, sqrt_dt, w, one);
    if (i >= end) break;
    /* Group i missed the fast path: finish the lanes that missed, then update it. */
    finish_lanes(miss_lanes, miss_a, miss_b, miss_z);
    update4(v + i, counts + i, wasm_v128_load(miss_z), wasm_v128_load(miss_z + 2), k, &c);
    i += LANES;
  }
  if (i < n) {
    /* The last, partial group: lanes 0..n-i-1 draw, the others keep their state. */
    const int active = (1 << (n - i)) - 1;
    gen4 gen, old;
    load_gen(&gen);
    old = gen;
    v128_t a, b, z01, z23;
    const int miss = draw4(&gen, &a, &b, &z01, &z23) & active;
    const v128_t keep = wasm_i32x4_make(-1, active & 2 ? -1 : 0, active & 4 ? -1 : 0, 0);
    gen.s0 = wasm_v128_bitselect(gen.s0, old.s0, keep);
    gen.s1 = wasm_v128_bitselect(gen.s1, old.s1, keep);
    gen.s2 = wasm_v128_bitselect(gen.s2, old.s2, keep);
    gen.s3 = wasm_v128_bitselect(gen.s3, old.s3, keep);
    store_gen(&gen);
    wasm_v128_store(z, z01);
    wasm_v128_store(z + 2, z23);
    wasm_v128_store(miss_a, a);
    wasm_v128_store(miss_b, b);
    if (miss != 0) finish_lanes(miss, miss_a, miss_b, z);
    for (int l = 0; i < n; i++, l++) {
      const double old_v = v[i];
      double x = old_v + dt * (-old_v / tau) + g * (sqrt_dt * z[l]);
      if (x > 1.0) {
        counts[i]++;
        x = 0.0;
      } else {
        for (int q = 0; q < k; q++) x += w;
      }
      v[i] = x;
    }
  }
}
