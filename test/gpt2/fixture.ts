import data from '../fixtures/gpt2.json' with { type: 'json' };

/** PyTorch's float32 values, stored as base64 of their little-endian bytes (exact). */
export function floats(b64: string): Float32Array {
  const bytes = Buffer.from(b64, 'base64');
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
}

/** Bit patterns, so equality is exact (-0 ≠ 0, NaN = NaN). */
export function bitsOf(values: Float32Array): Uint32Array {
  return new Uint32Array(
    values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength),
  );
}

export const gpt2Fixture = data;
