import { expect } from 'vitest';
import type { JsonValue } from '../../src/engine/trace-json.ts';

type Json = Record<string, JsonValue>;

const numbers = (x: JsonValue): (number | string)[] =>
  Array.isArray(x) ? x.flatMap(numbers) : typeof x === 'number' || typeof x === 'string' ? [x] : [];

export const scaleOf = (x: JsonValue): number =>
  numbers(x).reduce<number>((m, v) => (typeof v === 'number' ? Math.max(m, Math.abs(v)) : m), 0);

/**
 * Asserts a tensor (nested lists) is within `tol` of the oracle's elementwise, with "-inf" and
 * "nan" in the same places.
 */
export function expectNear(got: JsonValue, want: JsonValue, tol: number, label: string): void {
  const a = numbers(got);
  const b = numbers(want);
  expect(a.length, `${label} size`).toBe(b.length);
  let worst = 0;
  let at = -1;
  b.forEach((w, i) => {
    if (typeof w === 'string' || typeof a[i] === 'string') {
      expect(a[i], `${label}[${i}]`).toBe(w);
      return;
    }
    const d = Math.abs((a[i] as number) - w);
    if (!(d <= worst)) {
      worst = d;
      at = i;
    }
  });
  expect(worst, `${label}: largest difference at flat index ${at}`).toBeLessThanOrEqual(tol);
}

/**
 * Our trace (as JSON) against the oracle's: same keys in the same order, the same config, and
 * every tensor, dictionary of tensors (`params`, `grads`, `cached`) and number within
 * `tolerance(key, name, expected)`.
 */
export function expectSameAsOracle(
  got: Json,
  want: Json,
  tolerance: (key: string, name: string, expected: JsonValue) => number,
): void {
  expect(Object.keys(got)).toEqual(Object.keys(want));
  expect(got.config).toEqual(want.config);
  for (const key of Object.keys(want)) {
    if (key === 'config') continue;
    const w = want[key];
    const g = got[key];
    if (w === null) {
      expect(g, key).toBeNull();
    } else if (typeof w === 'object' && !Array.isArray(w)) {
      const gd = g as Json;
      expect(Object.keys(gd), key).toEqual(Object.keys(w));
      for (const name of Object.keys(w)) {
        expectNear(gd[name], w[name], tolerance(key, name, w[name]), `${key}.${name}`);
      }
    } else {
      expectNear(g, w, tolerance(key, key, w), key);
    }
  }
}
