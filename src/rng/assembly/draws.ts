// PyTorch's CPU random draws for the GPT-2-sized tables, in WebAssembly (SIMD for the twist):
// mt19937 (twist and tempering), `torch.rand`'s 24-bit uniforms, `uniform_`'s fused
// multiply-add and `normal_`'s AVX2 Box–Muller on blocks of 16 — bit for bit the TypeScript in
// src/rng (mt19937.ts, generator.ts, normal.ts, fma32.ts), which is the readable specification.
// The host keeps mt19937's 624 words at offset 0 of this module's own memory and the values at
// VALUES; a float32 operation here rounds once, as Math.fround of the same double does there.

const N: i32 = 624;
const M: i32 = 397;
const MATRIX_A: u32 = 0x9908b0df;
const TWO_POW_MINUS_24: f32 = 5.9604644775390625e-8;

// ---- the twist: four words at a time. Lanes are safe: the first 227 words read only words
// not yet updated (i + 1 … i + 400), the rest read words 227 back (already updated), as the
// one-word-at-a-time loop does.

@inline
function word(w: u32, following: u32, far: u32): u32 {
  const y = (w & 0x80000000) | (following & 0x7fffffff);
  return far ^ (y >>> 1) ^ ((0 - (y & 1)) & MATRIX_A);
}

@inline
function words4(i: i32, farIndex: i32): void {
  const p = <usize>(i << 2);
  const y = v128.or(
    v128.and(v128.load(p), i32x4.splat(0x80000000)),
    v128.and(v128.load(p + 4), i32x4.splat(0x7fffffff)),
  );
  const odd = i32x4.sub(i32x4.splat(0), v128.and(y, i32x4.splat(1)));
  const far = v128.load(<usize>(farIndex << 2));
  v128.store(p, v128.xor(v128.xor(far, i32x4.shr_u(y, 1)), v128.and(odd, i32x4.splat(MATRIX_A))));
}

@inline
function word1(i: i32, farIndex: i32): void {
  const p = <usize>(i << 2);
  store<u32>(p, word(load<u32>(p), load<u32>(p + 4), load<u32>(<usize>(farIndex << 2))));
}

function twistOnce(): void {
  let i = 0;
  for (; i + 4 <= N - M; i += 4) words4(i, i + M);
  for (; i < N - M; i++) word1(i, i + M);
  for (; i + 4 <= N - 1; i += 4) words4(i, i + M - N);
  for (; i < N - 1; i++) word1(i, i + M - N);
  const last = <usize>((N - 1) << 2);
  store<u32>(last, word(load<u32>(last), load<u32>(0), load<u32>(<usize>((M - 1) << 2))));
}

/** `count` whole twists of the state. */
export function twist(count: i32): void {
  for (let c = 0; c < count; c++) twistOnce();
}

/**
 * `count` float32 uniforms in [0, 1) from 24 bits of each tempered output, at `dst`, starting at
 * word `index` of the state; returns the index after them. Four words at a time between twists.
 */
export function rand24(dst: usize, count: i32, index: i32): i32 {
  let i = 0;
  while (i < count) {
    if (index >= N) {
      twistOnce();
      index = 0;
    }
    const run = min(N - index, count - i);
    let k = 0;
    for (; k + 4 <= run; k += 4) {
      let y = v128.load(<usize>((index + k) << 2));
      y = v128.xor(y, i32x4.shr_u(y, 11));
      y = v128.xor(y, v128.and(i32x4.shl(y, 7), i32x4.splat(0x9d2c5680)));
      y = v128.xor(y, v128.and(i32x4.shl(y, 15), i32x4.splat(0xefc60000)));
      y = v128.xor(y, i32x4.shr_u(y, 18));
      const u = f32x4.convert_i32x4_u(v128.and(y, i32x4.splat(0xffffff)));
      v128.store(dst + (<usize>(i + k) << 2), f32x4.mul(u, f32x4.splat(TWO_POW_MINUS_24)));
    }
    for (; k < run; k++) {
      let y = load<u32>(<usize>((index + k) << 2));
      y ^= y >>> 11;
      y ^= (y << 7) & 0x9d2c5680;
      y ^= (y << 15) & 0xefc60000;
      y ^= y >>> 18;
      store<f32>(dst + (<usize>(i + k) << 2), <f32>(y & 0xffffff) * TWO_POW_MINUS_24);
    }
    index += run;
    i += run;
  }
  return index;
}

// ---- float32 fused multiply-add from doubles (see fma32.ts: TwoSum breaks double rounding's ties)

@inline
function nextFloat32(x: f32, towards: f64): f32 {
  if (<f64>x == towards) return x;
  if (x == 0) return towards > 0 ? reinterpret<f32>(<u32>1) : reinterpret<f32>(<u32>0x80000001);
  const b = reinterpret<u32>(x);
  return reinterpret<f32>(<f64>x < towards == x > 0 ? b + 1 : b - 1);
}

function fma32(a: f32, b: f32, c: f32): f32 {
  const p = <f64>a * <f64>b;
  const cd = <f64>c;
  const s = p + cd;
  const bb = s - p;
  const err = p - (s - bb) + (cd - bb);
  const r = <f32>s;
  if (err == 0 || <f64>r == s) return r;
  const other = nextFloat32(r, s);
  if (s - <f64>r != <f64>other - s) return r;
  return <f64>other > <f64>r == err > 0 ? other : r;
}

/** `uniform_(a, b)` on the uniforms at `dst`: fma(u, range, lo) each. */
export function affine(dst: usize, count: i32, lo: f32, range: f32): void {
  for (let i = 0; i < count; i++) {
    const p = dst + (<usize>i << 2);
    store<f32>(p, fma32(load<f32>(p), range, lo));
  }
}

// ---- normal_'s float32 Box–Muller (avx_mathfun's log256_ps and sincos256_ps, see normal.ts)

const SQRTHF: f32 = <f32>Math.SQRT1_2;
const LOG_Q1: f32 = -2.1219444e-4;
const LOG_Q2: f32 = 0.693359375;
const DP1: f32 = -0.78515625;
const DP2: f32 = -2.4187564849853516e-4;
const DP3: f32 = -3.774894977445941e-8;
const FOPI: f32 = <f32>1.27323954473516;
const TWO_PI: f32 = <f32>(2 * Math.PI);
const MIN_NORM: f32 = reinterpret<f32>(<u32>0x00800000);

function avxLog(input: f32): f32 {
  let x = max(input, MIN_NORM);
  const xb = reinterpret<u32>(x);
  let e = <f32>(<i32>(xb >>> 23) - 0x7f + 1);
  x = reinterpret<f32>((xb & ~0x7f800000) | 0x3f000000);
  const small = x < SQRTHF;
  const tmp: f32 = small ? x : 0;
  x = x - 1;
  e = e - <f32>(small ? 1 : 0);
  x = x + tmp;
  const z = x * x;
  let y: f32 = <f32>7.0376836292e-2;
  y = fma32(y, x, <f32>-1.151461031e-1);
  y = fma32(y, x, <f32>1.167699874e-1);
  y = fma32(y, x, <f32>-1.2420140846e-1);
  y = fma32(y, x, <f32>1.4249322787e-1);
  y = fma32(y, x, <f32>-1.6668057665e-1);
  y = fma32(y, x, <f32>2.0000714765e-1);
  y = fma32(y, x, <f32>-2.4999993993e-1);
  y = fma32(y, x, <f32>3.3333331174e-1);
  y = y * x;
  y = fma32(y, z, e * LOG_Q1);
  y = fma32(-z, 0.5, y);
  x = x + y;
  return fma32(e, LOG_Q2, x);
}

let sinOut: f32 = 0;
let cosOut: f32 = 0;

function avxSinCos(input: f32): void {
  let signSin = reinterpret<u32>(input) & 0x80000000;
  let x = reinterpret<f32>(reinterpret<u32>(input) & 0x7fffffff);
  let j = <i32>(x * FOPI);
  j = (j + 1) & ~1;
  const y = <f32>j;
  const swapSin = <u32>((j & 4) << 29);
  const polyFirst = (j & 2) == 0;
  x = fma32(y, DP1, x);
  x = fma32(y, DP2, x);
  x = fma32(y, DP3, x);
  const signCos = <u32>((~(j - 2) & 4) << 29);
  signSin ^= swapSin;
  const z = x * x;
  let yc = fma32(<f32>2.443315711809948e-5, z, <f32>-1.388731625493765e-3);
  yc = fma32(yc, z, <f32>4.166664568298827e-2);
  yc = yc * z;
  yc = fma32(yc, z, -(z * <f32>0.5));
  yc = yc + 1;
  let ys = fma32(<f32>-1.9515295891e-4, z, <f32>8.3321608736e-3);
  ys = fma32(ys, z, <f32>-1.6666654611e-1);
  ys = ys * z;
  ys = fma32(ys, x, x);
  const s = polyFirst ? ys : yc;
  const c = polyFirst ? yc : ys;
  sinOut = reinterpret<f32>(reinterpret<u32>(s) ^ signSin);
  cosOut = reinterpret<f32>(reinterpret<u32>(c) ^ signCos);
}

/** normal_(mean, std) on `count` uniforms at `dst` (a multiple of 16), block by block. */
export function normal16(dst: usize, count: i32, mean: f32, std: f32): void {
  for (let at = 0; at < count; at += 16) {
    const block = dst + (<usize>at << 2);
    for (let j = 0; j < 8; j++) {
      const p1 = block + (<usize>j << 2);
      const p2 = p1 + 32;
      const u1: f32 = 1 - load<f32>(p1);
      const u2 = load<f32>(p2);
      const radius = sqrt<f32>(-2 * avxLog(u1));
      avxSinCos(TWO_PI * u2);
      store<f32>(p1, fma32(radius * cosOut, std, mean));
      store<f32>(p2, fma32(radius * sinOut, std, mean));
    }
  }
}

// ---- The same Box–Muller and uniform_ four lanes at a time, where float32 FMA is at hand: the
// relaxed-SIMD build's f32x4.relaxed_madd, when `fused` finds it rounds once (x86-64 with FMA3,
// ARM64). A fused madd is the exact fma32 above, so these give the same bits, several times
// faster; the host calls them only after `fused` said so. In the plain build `fused` says 0.

/**
 * Whether f32x4.relaxed_madd rounds once here, asked with a = 1 + 2^-12 (from the host, so the
 * compiler cannot fold it): a·a − 1 = 2^-11 + 2^-24 exactly; rounded twice it is 2^-11.
 */
export function fused(a: f32): i32 {
  if (!ASC_FEATURE_RELAXED_SIMD) return 0;
  const r = f32x4.relaxed_madd(f32x4.splat(a), f32x4.splat(a), f32x4.splat(-1));
  return f32x4.extract_lane(r, 0) == <f32>(Math.pow(2, -11) + Math.pow(2, -24)) ? 1 : 0;
}

@inline
function vfma(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  unreachable();
  return a;
}

@inline
function fsplat(x: f32): v128 {
  return f32x4.splat(x);
}

@inline
function isplat(x: i32): v128 {
  return i32x4.splat(x);
}

/** avxLog on four lanes. */
@inline
function vlog(input: v128): v128 {
  const xb = f32x4.max(input, fsplat(MIN_NORM));
  let e = f32x4.convert_i32x4_s(i32x4.sub(i32x4.shr_u(xb, 23), isplat(0x7f - 1)));
  let x = v128.or(v128.and(xb, isplat(~0x7f800000)), isplat(0x3f000000));
  const small = f32x4.lt(x, fsplat(SQRTHF));
  const tmp = v128.and(x, small);
  x = f32x4.sub(x, fsplat(1));
  e = f32x4.sub(e, v128.and(fsplat(1), small));
  x = f32x4.add(x, tmp);
  const z = f32x4.mul(x, x);
  let y = fsplat(<f32>7.0376836292e-2);
  y = vfma(y, x, fsplat(<f32>-1.151461031e-1));
  y = vfma(y, x, fsplat(<f32>1.167699874e-1));
  y = vfma(y, x, fsplat(<f32>-1.2420140846e-1));
  y = vfma(y, x, fsplat(<f32>1.4249322787e-1));
  y = vfma(y, x, fsplat(<f32>-1.6668057665e-1));
  y = vfma(y, x, fsplat(<f32>2.0000714765e-1));
  y = vfma(y, x, fsplat(<f32>-2.4999993993e-1));
  y = vfma(y, x, fsplat(<f32>3.3333331174e-1));
  y = f32x4.mul(y, x);
  y = vfma(y, z, f32x4.mul(e, fsplat(LOG_Q1)));
  y = vfma(f32x4.neg(z), fsplat(0.5), y);
  x = f32x4.add(x, y);
  return vfma(e, fsplat(LOG_Q2), x);
}

let vsinOut: v128 = i32x4.splat(0);
let vcosOut: v128 = i32x4.splat(0);

/** avxSinCos on four lanes, into vsinOut and vcosOut. */
@inline
function vsincos(input: v128): void {
  let signSin = v128.and(input, isplat(0x80000000));
  let x = v128.and(input, isplat(0x7fffffff));
  let j = i32x4.trunc_sat_f32x4_s(f32x4.mul(x, fsplat(FOPI)));
  j = v128.and(i32x4.add(j, isplat(1)), isplat(~1));
  const y = f32x4.convert_i32x4_s(j);
  const swapSin = i32x4.shl(v128.and(j, isplat(4)), 29);
  const polyFirst = i32x4.eq(v128.and(j, isplat(2)), isplat(0));
  x = vfma(y, fsplat(DP1), x);
  x = vfma(y, fsplat(DP2), x);
  x = vfma(y, fsplat(DP3), x);
  const signCos = i32x4.shl(v128.and(v128.not(i32x4.sub(j, isplat(2))), isplat(4)), 29);
  signSin = v128.xor(signSin, swapSin);
  const z = f32x4.mul(x, x);
  let yc = vfma(fsplat(<f32>2.443315711809948e-5), z, fsplat(<f32>-1.388731625493765e-3));
  yc = vfma(yc, z, fsplat(<f32>4.166664568298827e-2));
  yc = f32x4.mul(yc, z);
  yc = vfma(yc, z, f32x4.neg(f32x4.mul(z, fsplat(0.5))));
  yc = f32x4.add(yc, fsplat(1));
  let ys = vfma(fsplat(<f32>-1.9515295891e-4), z, fsplat(<f32>8.3321608736e-3));
  ys = vfma(ys, z, fsplat(<f32>-1.6666654611e-1));
  ys = f32x4.mul(ys, z);
  ys = vfma(ys, x, x);
  const s = v128.bitselect(ys, yc, polyFirst);
  const c = v128.bitselect(yc, ys, polyFirst);
  vsinOut = v128.xor(s, signSin);
  vcosOut = v128.xor(c, signCos);
}

/** normal16 with fused multiply-adds, four pairs at a time (only after `fused` said 1). */
export function normal16_fma(dst: usize, count: i32, mean: f32, std: f32): void {
  const vmean = fsplat(mean);
  const vstd = fsplat(std);
  for (let at = 0; at < count; at += 16) {
    const block = dst + (<usize>at << 2);
    for (let half = 0; half < 2; half++) {
      const p1 = block + (<usize>half << 4);
      const p2 = p1 + 32;
      const u1 = f32x4.sub(fsplat(1), v128.load(p1));
      const radius = f32x4.sqrt(f32x4.mul(fsplat(-2), vlog(u1)));
      vsincos(f32x4.mul(fsplat(TWO_PI), v128.load(p2)));
      v128.store(p1, vfma(f32x4.mul(radius, vcosOut), vstd, vmean));
      v128.store(p2, vfma(f32x4.mul(radius, vsinOut), vstd, vmean));
    }
  }
}

/** affine with fused multiply-adds (only after `fused` said 1); count a multiple of 4 or not. */
export function affine_fma(dst: usize, count: i32, lo: f32, range: f32): void {
  const vlo = fsplat(lo);
  const vrange = fsplat(range);
  let i = 0;
  for (; i + 4 <= count; i += 4) {
    const p = dst + (<usize>i << 2);
    v128.store(p, vfma(v128.load(p), vrange, vlo));
  }
  for (; i < count; i++) {
    const p = dst + (<usize>i << 2);
    store<f32>(p, fma32(load<f32>(p), range, lo));
  }
}
