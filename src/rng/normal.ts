import { fma32 } from './fma32.ts';

/**
 * The float32 Box–Muller that PyTorch's AVX2 `normal_` kernel applies to each block of 16
 * uniforms (avx_mathfun's log256_ps and sincos256_ps, with the FMA contractions GCC made).
 * Specification: ../shared/oracle/torch_rng.py (`_normal_fill_16`, `avx_logf`, `avx_sincosf`).
 * Every step is one float32 operation, so each is rounded with Math.fround or fma32.
 */
const f32 = Math.fround;
const scratch = new Float32Array(1);
const bits = new Uint32Array(scratch.buffer);

function toBits(x: number): number {
  scratch[0] = x;
  return bits[0];
}

function fromBits(b: number): number {
  bits[0] = b >>> 0;
  return scratch[0];
}

const LOG_P = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1,
  -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
].map(f32);
const SQRTHF = f32(Math.SQRT1_2);
const LOG_Q1 = f32(-2.1219444e-4);
const LOG_Q2 = f32(0.693359375);
const DP1 = f32(-0.78515625);
const DP2 = f32(-2.4187564849853516e-4);
const DP3 = f32(-3.774894977445941e-8);
const SIN_P = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(f32);
const COS_P = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(f32);
const FOPI = f32(1.27323954473516);
const TWO_PI = f32(2 * Math.PI);
const MIN_NORM = fromBits(0x00800000);
const HALF_BITS = 0x3f000000;

/** avx_mathfun's log256_ps for one positive float32 lane. */
function avxLog(input: number): number {
  let x = Math.max(input, MIN_NORM);
  const xb = toBits(x);
  let e = f32((xb >>> 23) - 0x7f + 1);
  x = fromBits((xb & ~0x7f800000) | HALF_BITS);
  const small = x < SQRTHF;
  const tmp = small ? x : 0;
  x = f32(x - 1);
  e = f32(e - (small ? 1 : 0));
  x = f32(x + tmp);
  const z = f32(x * x);
  let y = LOG_P[0];
  for (let i = 1; i < LOG_P.length; i++) y = fma32(y, x, LOG_P[i]);
  y = f32(y * x);
  y = fma32(y, z, f32(e * LOG_Q1));
  y = fma32(-z, 0.5, y);
  x = f32(x + y);
  return fma32(e, LOG_Q2, x);
}

/** avx_mathfun's sincos256_ps for one float32 lane: [sin, cos]. */
function avxSinCos(input: number, out: Float64Array): void {
  let signSin = toBits(input) & 0x80000000;
  let x = fromBits(toBits(input) & 0x7fffffff);
  let j = Math.trunc(f32(x * FOPI));
  j = (j + 1) & ~1;
  const y = j;
  const swapSin = (j & 4) << 29;
  const polyFirst = (j & 2) === 0;
  x = fma32(y, DP1, x);
  x = fma32(y, DP2, x);
  x = fma32(y, DP3, x);
  const signCos = (~(j - 2) & 4) << 29;
  signSin ^= swapSin;
  const z = f32(x * x);
  let yc = fma32(COS_P[0], z, COS_P[1]);
  yc = fma32(yc, z, COS_P[2]);
  yc = f32(yc * z);
  yc = fma32(yc, z, -f32(z * 0.5));
  yc = f32(yc + 1);
  let ys = fma32(SIN_P[0], z, SIN_P[1]);
  ys = fma32(ys, z, SIN_P[2]);
  ys = f32(ys * z);
  ys = fma32(ys, x, x);
  const s = polyFirst ? ys : yc;
  const c = polyFirst ? yc : ys;
  out[0] = fromBits(toBits(s) ^ signSin);
  out[1] = fromBits(toBits(c) ^ signCos);
}

const sincos = new Float64Array(2);

/**
 * Transforms 16 float32 uniforms at `data[at…at+16)` in place into normals with the given
 * (float32) mean and std: lanes j and j+8 share one Box–Muller pair.
 */
export function normalBlock16(data: Float32Array, at: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = f32(1 - data[at + j]);
    const u2 = data[at + j + 8];
    const radius = f32(Math.sqrt(f32(-2 * avxLog(u1))));
    const theta = f32(TWO_PI * u2);
    avxSinCos(theta, sincos);
    data[at + j] = fma32(f32(radius * sincos[1]), std, mean);
    data[at + j + 8] = fma32(f32(radius * sincos[0]), std, mean);
  }
}
