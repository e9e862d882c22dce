import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configsFor } from '../../src/chapter/steps/index.ts';
import { defaultView, STEP_IDS } from '../../src/chapter/view.ts';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { forward } from '../../src/engine/run.ts';
import { decodeTraces, encodeTraces } from '../../src/engine/trace-snapshot.ts';

/** Equal down to the bits of every float32 (so −0, NaN payloads and −∞ count). */
function sameBits(a: unknown, b: unknown, path = '$'): void {
  if (a instanceof Float32Array) {
    expect(b, path).toBeInstanceOf(Float32Array);
    const [x, y] = [a, b as Float32Array].map(
      (t) => new Uint32Array(t.buffer, t.byteOffset, t.length),
    );
    expect(Array.from(y), path).toEqual(Array.from(x));
    return;
  }
  if (a && typeof a === 'object') {
    expect(Object.keys(b as object).sort(), path).toEqual(Object.keys(a).sort());
    for (const [k, v] of Object.entries(a))
      sameBits(v, (b as Record<string, unknown>)[k], `${path}.${k}`);
    return;
  }
  expect(Object.is(a, b), `${path}: ${String(a)} vs ${String(b)}`).toBe(true);
}

describe('traces as text (the landing view written into index.html)', () => {
  it('gives back every step’s book traces bit for bit, masks’ −∞ included', () => {
    for (const step of STEP_IDS) {
      const traces = configsFor(defaultView(step)).map((c) => forward(resolveConfig(c)));
      sameBits(traces, decodeTraces(encodeTraces(traces)));
    }
    const causal = forward(resolveConfig({ variant: 'causal' }));
    expect(decodeTraces(encodeTraces([causal]))[0].masked_scores.data).toContain(-Infinity);
  });

  it('keeps any float32 and any number exactly', () => {
    fc.assert(
      fc.property(fc.float32Array({ maxLength: 40 }), fc.double(), (data, scale) => {
        const fake = { scale, output: { data, shape: [data.length] } } as unknown;
        sameBits(fake, decodeTraces(encodeTraces([fake as never]))[0]);
      }),
    );
  });
});
