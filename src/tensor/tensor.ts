/** A dense float32 tensor: row-major data plus its shape. No nested JS arrays in hot paths. */
export interface Tensor {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function tensor(shape: readonly number[], data?: Float32Array): Tensor {
  const n = sizeOf(shape);
  if (data && data.length !== n) {
    throw new Error(
      `tensor data has ${data.length} values, shape [${shape.join(', ')}] needs ${n}`,
    );
  }
  return { data: data ?? new Float32Array(n), shape: [...shape] };
}
