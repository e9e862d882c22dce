import type { Tensor } from '../../src/tensor/tensor.ts';

/** The [T, T] matrix of one batch item and head from a [batch, heads, T, T] tensor (a view). */
export function headBlock(t: Tensor, batch = 0, head = 0): Float32Array {
  if (t.shape.length !== 4) throw new Error(`expected [b, h, T, T], got [${t.shape.join(', ')}]`);
  const [, heads, rows, cols] = t.shape;
  const size = rows * cols;
  const start = (batch * heads + head) * size;
  return t.data.subarray(start, start + size);
}
