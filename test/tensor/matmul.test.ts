import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linear, matmul, matmulTransB, transpose } from '../../src/tensor/matmul.ts';

// The straightforward loops the tiled kernels replaced. The engine's numbers are compared bit for
// bit with PyTorch fixtures, so the fast versions must agree with these exactly, not within ε.
function refMatmul(a: Float32Array, b: Float32Array, m: number, k: number, n: number) {
  const out = new Float32Array(m * n);
  const acc = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    acc.fill(0);
    for (let p = 0; p < k; p++) {
      const aip = a[i * k + p];
      if (aip === 0) continue;
      for (let j = 0; j < n; j++) acc[j] += aip * b[p * n + j];
    }
    out.set(acc, i * n);
  }
  return out;
}

function refMatmulTransB(a: Float32Array, b: Float32Array, m: number, k: number, n: number) {
  const out = new Float32Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a[i * k + p] * b[j * k + p];
      out[i * n + j] = s;
    }
  }
  return out;
}

/** Bit-identical, element by element (Object.is tells −0 from +0 and matches NaN with NaN). */
function expectSame(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) {
      expect.fail(`element ${i}: got ${actual[i]}, expected ${expected[i]}`);
    }
  }
}

const dim = fc.integer({ min: 1, max: 40 });

// Powers of two far apart make the float64 sum depend on its order (2⁴⁰ + 2⁻⁴⁰ − 2⁴⁰ is 0 one
// way round and 2⁻⁴⁰ the other), so these catch any reordering that plain random values miss.
const LATTICE = [2 ** 20, -(2 ** 20), 1, -1, 3, -3, 2 ** -20, -(2 ** -20), 0.1];

/** Order-sensitive lattice values, small values, any finite float32, or also ±∞ and NaN. */
function values(len: number, special: boolean): fc.Arbitrary<Float32Array> {
  const size = { minLength: len, maxLength: len };
  const lattice = fc.array(fc.constantFrom(...LATTICE), size).map((v) => Float32Array.from(v));
  const small = fc.float32Array({ ...size, min: -100, max: 100, noNaN: true });
  const finite = fc.float32Array({ ...size, noNaN: true, noDefaultInfinity: true });
  const any = fc.float32Array(size);
  return special ? fc.oneof(lattice, small, any) : fc.oneof(lattice, small, finite);
}

/** Sprinkles ±0 over a quarter of the entries, and optionally zeroes the causal upper triangle. */
function withZeros(len: number, cols: number, v: fc.Arbitrary<Float32Array>) {
  return fc
    .tuple(v, fc.uint8Array({ minLength: len, maxLength: len }), fc.boolean())
    .map(([x, mask, causal]) =>
      x.map((e, idx) => {
        if (causal && idx % cols > Math.floor(idx / cols)) return 0;
        return mask[idx] < 64 ? (mask[idx] & 1 ? -0 : 0) : e;
      }),
    );
}

function problem(special: boolean) {
  return fc.record({ m: dim, k: dim, n: dim }).chain(({ m, k, n }) =>
    fc.record({
      m: fc.constant(m),
      k: fc.constant(k),
      n: fc.constant(n),
      a: withZeros(m * k, k, values(m * k, special)),
      b: withZeros(k * n, n, values(k * n, special)),
      offset: fc.integer({ min: 0, max: 9 }),
    }),
  );
}

/** Runs `f` into a subarray at `offset` of a sentinel-filled buffer, as the engine does. */
function intoView(len: number, offset: number, f: (out: Float32Array) => Float32Array) {
  const buf = new Float32Array(offset + len + 3).fill(7.5);
  const view = buf.subarray(offset, offset + len);
  expect(f(view)).toBe(view);
  for (let i = 0; i < offset; i++) expect(buf[i]).toBe(7.5);
  for (let i = offset + len; i < buf.length; i++) expect(buf[i]).toBe(7.5);
  return view;
}

describe('matmul', () => {
  for (const special of [false, true]) {
    it(`equals the reference bit for bit${special ? ' with ±∞ and NaN in the inputs' : ''}`, () => {
      fc.assert(
        fc.property(problem(special), ({ m, k, n, a, b, offset }) => {
          const expected = refMatmul(a, b, m, k, n);
          expectSame(matmul(a, b, m, k, n), expected);
          expectSame(
            intoView(m * n, offset, (out) => matmul(a, b, m, k, n, out)),
            expected,
          );
        }),
        { numRuns: 150 },
      );
    });
  }

  it('keeps skipping zero weights against an infinite value (0 · ∞ would be NaN)', () => {
    // A causal row of weights over values where a masked-out position holds ∞.
    const a = Float32Array.from([1, 0, 0, 0.5, 0.5, 0, 0.25, 0, 0.75]);
    const b = Float32Array.from([1, 2, 3, 4, Number.POSITIVE_INFINITY, 6]);
    const out = matmul(a, b, 3, 3, 2);
    expectSame(out, refMatmul(a, b, 3, 3, 2));
    expect(Array.from(out.subarray(0, 2))).toEqual([1, 2]);
  });

  it('gives +0 for empty sums', () => {
    expectSame(matmul(new Float32Array(0), new Float32Array(0), 5, 0, 6), new Float32Array(30));
    expectSame(
      matmul(new Float32Array(6), Float32Array.from([-1, -2]), 6, 1, 2),
      new Float32Array(12),
    );
  });
});

describe('matmulTransB', () => {
  for (const special of [false, true]) {
    it(`equals the reference bit for bit${special ? ' with ±∞ and NaN in the inputs' : ''}`, () => {
      fc.assert(
        fc.property(problem(special), ({ m, k, n, a, b, offset }) => {
          // b is generated as [k, n]; read the same buffer as [n, k].
          const expected = refMatmulTransB(a, b, m, k, n);
          expectSame(matmulTransB(a, b, m, k, n), expected);
          expectSame(
            intoView(m * n, offset, (out) => matmulTransB(a, b, m, k, n, out)),
            expected,
          );
        }),
        { numRuns: 150 },
      );
    });
  }

  it('is matmul against the transposed operand', () => {
    const a = Float32Array.from({ length: 7 * 9 }, (_, i) => Math.sin(i) * 3);
    const b = Float32Array.from({ length: 6 * 9 }, (_, i) => Math.cos(i * 1.7));
    expectSame(matmulTransB(a, b, 7, 9, 6), matmul(a, transpose(b, 6, 9), 7, 9, 6));
  });
});

describe('linear', () => {
  it('adds the bias to the float32-rounded product, bit for bit', () => {
    fc.assert(
      fc.property(problem(false), fc.boolean(), ({ m, k, n, a, b }, withBias) => {
        const bias = withBias
          ? Float32Array.from({ length: n }, (_, j) => Math.fround(j / 3 - 1))
          : null;
        const expected = refMatmulTransB(a, b, m, k, n);
        if (bias) {
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) expected[i * n + j] = expected[i * n + j] + bias[j];
          }
        }
        expectSame(linear(a, b, bias, m, k, n), expected);
      }),
      { numRuns: 100 },
    );
  });
});
