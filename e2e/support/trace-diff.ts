import type { JsonValue } from '../../src/engine/trace-json.ts';

/** Every number of a tensor, or of a dictionary of tensors (`grads`, `cached`). */
const flat = (x: JsonValue): JsonValue[] =>
  Array.isArray(x)
    ? x.flatMap(flat)
    : x !== null && typeof x === 'object'
      ? Object.values(x).flatMap(flat)
      : [x];
const maxAbs = (xs: JsonValue[]) =>
  xs.reduce<number>((m, x) => (typeof x === 'number' ? Math.max(m, Math.abs(x)) : m), 0);

/**
 * The worst difference between two traces in the oracle's JSON schema, relative to each
 * tensor's magnitude (max(1, max |value|)): 0 when identical. Non-numbers (−∞, NaN) must sit in
 * the same places; a mismatch there counts as Infinity. Returns the worst tensor and its value.
 */
export function worstDifference(
  got: Record<string, JsonValue>,
  want: Record<string, JsonValue>,
): { tensor: string; diff: number } {
  let worst = { tensor: '', diff: 0 };
  for (const name of Object.keys(want)) {
    if (name === 'config' || name === 'params' || name === 'scale' || want[name] === null) continue;
    const a = flat(got[name] ?? []);
    const b = flat(want[name]);
    const scale = Math.max(1, maxAbs(b));
    let diff = a.length === b.length ? 0 : Number.POSITIVE_INFINITY;
    b.forEach((w, i) => {
      const g = a[i];
      if (typeof w === 'number' && typeof g === 'number')
        diff = Math.max(diff, Math.abs(g - w) / scale);
      else if (g !== w) diff = Number.POSITIVE_INFINITY;
    });
    if (diff > worst.diff || (worst.tensor === '' && diff === 0)) worst = { tensor: name, diff };
  }
  return worst;
}
