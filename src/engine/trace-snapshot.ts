import type { Trace } from './trace.ts';

/**
 * Traces as text, bit for bit: float32 tensors as base64 of their bytes (−∞, NaN and −0
 * included), other numbers that JSON cannot hold (±∞, NaN, −0) by name. The build writes the landing view's traces into
 * index.html this way (scripts/prerender-landing.ts), so the page can draw the book's numbers
 * before the engine's worker has started; the worker's own answer follows and replaces them.
 */
const F32 = '$f32';
const NUM = '$num';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeTraces(traces: Trace[]): string {
  return JSON.stringify(traces, (_key, value: unknown) => {
    if (value instanceof Float32Array) {
      return { [F32]: toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength)) };
    }
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) {
      return { [NUM]: Object.is(value, -0) ? '-0' : String(value) };
    }
    return value;
  });
}

export function decodeTraces(text: string): Trace[] {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const tagged = value as Record<string, unknown>;
      if (typeof tagged[F32] === 'string') return new Float32Array(fromBase64(tagged[F32]).buffer);
      if (typeof tagged[NUM] === 'string') return Number(tagged[NUM]);
    }
    return value;
  }) as Trace[];
}
