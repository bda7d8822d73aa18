/*
 * The noisy LIF population kernel (src/sim/kernels/noisy-lif.ts) in C for WebAssembly with
 * SIMD: built by scripts/build-wasm.mjs with Debian's clang + lld (wasm32, -msimd128,
 * freestanding: no libc). It computes the same numbers as the TypeScript kernel, bit for bit:
 *
 *  - the same xoshiro128** words and the ziggurat's fast path with the same tables (copied in
 *    from src/sim/random.ts at load); a miss (1.5 % of draws) is finished by the host's
 *    Rng.normalAfterMiss through the imported `normal_after_miss`, with the generator state
 *    handed over in memory, so exp/log come from the same Math as the reference;
 *  - IEEE double arithmetic in the same order: v + dt*((-v)/tau) + g*(sqrtDt*z). WebAssembly
 *    has no fused multiply-add outside relaxed SIMD (not enabled), so nothing is contracted.
 *
 * One step = phase 1 (serial: n normals from the single stream, neuron 0..n-1) then phase 2
 * (independent per neuron: two neurons per f64x2 instruction).
 */
#include <stdint.h>
#include <wasm_simd128.h>

/* Host import: finishes a normal whose first two words (a, b) missed the fast path, using
 * and advancing the state in `state` (4 x int32). */
__attribute__((import_module("env"), import_name("normal_after_miss")))
extern double normal_after_miss(uint32_t a, uint32_t b);

/* Ziggurat fast-path tables (512 entries each), the generator state, filled by the host. */
double zig_threshold[512];
double zig_scale[512];
uint32_t state[4];

__attribute__((export_name("tables_threshold"))) double *tables_threshold(void) { return zig_threshold; }
__attribute__((export_name("tables_scale"))) double *tables_scale(void) { return zig_scale; }
__attribute__((export_name("state_words"))) uint32_t *state_words(void) { return state; }

static inline uint32_t rotl(uint32_t x, int k) { return (x << k) | (x >> (32 - k)); }

/* Phase 1: z[0..n) <- n standard normals, in order. */
static void fill_normals(double *restrict z, int n) {
  uint32_t s0 = state[0], s1 = state[1], s2 = state[2], s3 = state[3];
  for (int i = 0; i < n; i++) {
    uint32_t a = rotl(s1 * 5u, 7) * 9u;
    uint32_t t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
    uint32_t b = rotl(s1 * 5u, 7) * 9u;
    t = s1 << 9;
    s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11);
    uint32_t j = a & 0x1ffu;
    /* exact: (a >> 11) < 2^21, so u < 2^53 */
    double u = (double)(a >> 11) * 4294967296.0 + (double)b;
    if (__builtin_expect(u < zig_threshold[j], 1)) {
      z[i] = u * zig_scale[j];
    } else {
      state[0] = s0; state[1] = s1; state[2] = s2; state[3] = s3;
      z[i] = normal_after_miss(a, b);
      s0 = state[0]; s1 = state[1]; s2 = state[2]; s3 = state[3];
    }
  }
  state[0] = s0; state[1] = s1; state[2] = s2; state[3] = s3;
}

/*
 * Runs one step of n neurons with k input spikes. v, counts: the state (host-initialised);
 * z: scratch of n doubles. g = sigma*sqrt(2/tau) and sqrt_dt = sqrt(dt) as the TypeScript
 * kernel computes them. One call per step, so that V8's optimising tier, which replaces the
 * baseline code between calls (WebAssembly has no on-stack replacement), is used from the
 * first condition on.
 */
__attribute__((export_name("step")))
void step(double *restrict v, int32_t *restrict counts, double *restrict z, int n, int k,
          double dt, double tau, double g, double sqrt_dt, double w) {
  fill_normals(z, n);
  int i = 0;
  if (k == 0) {
    const v128_t vdt = wasm_f64x2_splat(dt), vtau = wasm_f64x2_splat(tau), vg = wasm_f64x2_splat(g);
    const v128_t vsq = wasm_f64x2_splat(sqrt_dt), one = wasm_f64x2_splat(1.0);
    for (; i + 2 <= n; i += 2) {
      v128_t old = wasm_v128_load(v + i);
      v128_t x = wasm_f64x2_add(wasm_f64x2_add(old, wasm_f64x2_mul(vdt, wasm_f64x2_div(wasm_f64x2_neg(old), vtau))),
                                wasm_f64x2_mul(vg, wasm_f64x2_mul(vsq, wasm_v128_load(z + i))));
      v128_t spike = wasm_f64x2_gt(x, one); /* all ones where x > 1 */
      if (__builtin_expect(wasm_v128_any_true(spike), 0)) {
        counts[i] -= (int32_t)wasm_i64x2_extract_lane(spike, 0);
        counts[i + 1] -= (int32_t)wasm_i64x2_extract_lane(spike, 1);
        x = wasm_v128_andnot(x, spike); /* reset to +0 */
      }
      wasm_v128_store(v + i, x);
    }
  }
  for (; i < n; i++) {
    double old = v[i];
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
