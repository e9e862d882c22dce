import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fma32 } from '../../src/rng/fma32.ts';

/** a·b + c rounded once to float32, computed exactly with rationals (BigInt). */
function exactFma32(a: number, b: number, c: number): number {
  // Every float32 is m·2^e with |m| < 2^24 and e ≥ −149: scale everything by 2^298.
  const big = (x: number) => {
    const [m, e] = decompose(x);
    return BigInt(m) * 2n ** BigInt(e + 149);
  };
  const exact = big(a) * big(b) + big(c) * 2n ** 149n; // value · 2^298
  return roundScaled(exact, 298);
}

function decompose(x: number): [number, number] {
  if (x === 0) return [0, 0];
  let e = Math.floor(Math.log2(Math.abs(x))) - 23;
  e = Math.max(e, -149);
  return [Math.round(x / 2 ** e), e];
}

/** Rounds value·2^-shift to float32, ties to even. */
function roundScaled(v: bigint, shift: number): number {
  if (v === 0n) return 0;
  const neg = v < 0n;
  const a = neg ? -v : v;
  const bits = a.toString(2).length;
  let e = bits - 1 - shift - 23; // ulp exponent for a 24-bit significand
  e = Math.max(e, -149);
  const drop = BigInt(e + shift);
  let q: bigint;
  if (drop <= 0n) q = a * 2n ** -drop;
  else {
    const unit = 2n ** drop;
    q = a / unit;
    const r = a - q * unit;
    if (2n * r > unit || (2n * r === unit && q % 2n === 1n)) q += 1n;
  }
  const out = Number(q) * 2 ** e;
  return neg ? -out : out;
}

const f32 = fc.float({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 });

describe('fma32', () => {
  it('rounds a·b + c once, like the FMA instruction torch uses', () => {
    fc.assert(
      fc.property(f32, f32, f32, (a, b, c) => {
        // (+ 0 folds −0 into +0: the sign of an exact zero is not what this checks)
        expect(fma32(a, b, c) + 0).toBe(exactFma32(a, b, c) + 0);
      }),
      { numRuns: 20000 },
    );
  });

  it('breaks a double-rounding tie the right way', () => {
    // (2^23 + 2896)(2^23 − 2895) = 2^46 + 4688, so a·b = 2^-24 + 4688·2^-70 exactly and
    // a·b + 1 lies just above the float32 midpoint 1 + 2^-24. Float64 rounds the sum onto that
    // midpoint and Math.fround then ties to even, giving 1: the wrong answer.
    const a = (2 ** 23 + 2896) * 2 ** -23;
    const b = (2 ** 23 - 2895) * 2 ** -47;
    expect(Math.fround(a * b + 1)).toBe(1);
    expect(fma32(a, b, 1)).toBe(1 + 2 ** -23);
    expect(exactFma32(a, b, 1)).toBe(1 + 2 ** -23);
    expect(fma32(-a, b, -1)).toBe(-1 - 2 ** -23);
    // and just below the midpoint it rounds down
    expect(fma32(-a, b, 1 + 2 ** -22)).toBe(exactFma32(-a, b, 1 + 2 ** -22));
  });
});
