import { expect } from 'vitest';
import type { Trace } from '../../src/engine/trace.ts';
import type { JsonValue } from '../../src/engine/trace-json.ts';
import { traceToJson } from '../../src/engine/trace-json.ts';

/** Tensors that come straight from the random stream: these must match PyTorch bit for bit. */
const EXACT = new Set(['dropout_mask']);

/** Tensors computed after the softmax inherit its sensitivity to the scores' rounding. */
const AFTER_SOFTMAX = new Set([
  'attn_weights',
  'attn_weights_dropped',
  'context',
  'context_concat',
  'output',
]);

/**
 * How far two computations of the same float32 sums, in different orders, may drift apart:
 * `relative` times the tensor's magnitude and, downstream of the softmax, times the largest
 * scaled score (softmax turns an absolute error in its input into a relative one in its output).
 */
export function sumOrderTolerance(
  relative: number,
  name: string,
  magnitude: number,
  scaledScores: number,
): number {
  return (
    relative * Math.max(1, magnitude) * (AFTER_SOFTMAX.has(name) ? Math.max(1, scaledScores) : 1)
  );
}

function flatten(x: JsonValue): (number | string)[] {
  if (Array.isArray(x)) return x.flatMap(flatten);
  if (typeof x === 'number' || typeof x === 'string') return [x];
  throw new Error(`unexpected ${JSON.stringify(x)} in a tensor`);
}

/**
 * Asserts our trace equals the PyTorch oracle's: the config and every parameter and dropout mask
 * exactly; every other tensor within `tolerance(name, expectedValues)` elementwise, with −∞ in
 * the same places.
 */
export function expectTraceMatches(
  ours: Trace,
  oracle: Record<string, JsonValue>,
  tolerance: (name: string, expected: number[]) => number = () => 1e-6,
): void {
  const got = traceToJson(ours);
  expect(got.config).toEqual(oracle.config);
  expect(Object.keys(got).sort()).toEqual(Object.keys(oracle).sort());
  const params = oracle.params as Record<string, JsonValue>;
  const gotParams = got.params as Record<string, JsonValue>;
  expect(Object.keys(gotParams).sort()).toEqual(Object.keys(params).sort());
  for (const name of Object.keys(params)) {
    expect(flatten(gotParams[name]), `params.${name}`).toEqual(flatten(params[name]));
  }
  expect(got.scale).toBeCloseTo(oracle.scale as number, 12);
  for (const name of Object.keys(oracle)) {
    if (name === 'config' || name === 'params' || name === 'scale') continue;
    const want = oracle[name];
    if (want === null) {
      expect(got[name], name).toBeNull();
      continue;
    }
    const a = flatten(got[name]);
    const b = flatten(want);
    expect(a.length, `${name} size`).toBe(b.length);
    if (EXACT.has(name)) {
      expect(a, name).toEqual(b);
      continue;
    }
    const tol = tolerance(
      name,
      b.filter((v): v is number => typeof v === 'number'),
    );
    let worst = 0;
    let at = -1;
    b.forEach((w, i) => {
      if (typeof w === 'string' || typeof a[i] === 'string') {
        expect(a[i], `${name}[${i}]`).toBe(w);
        return;
      }
      const d = Math.abs((a[i] as number) - w);
      if (!(d <= worst)) {
        worst = d;
        at = i;
      }
    });
    expect(worst, `${name}: largest difference at flat index ${at}`).toBeLessThanOrEqual(tol);
  }
}
