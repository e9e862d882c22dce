import type { AttentionConfig } from './config.ts';
import { inputDims } from './graph/build.ts';

/** x [b, T, d_in]: 2-D embeddings repeated `batch` times, or the 3-D ones as given. */
export function inputOf(config: AttentionConfig): Float32Array {
  const { b, t, dIn } = inputDims(config);
  if (config.batch_embeddings) return Float32Array.from(config.batch_embeddings.flat(2));
  const x = new Float32Array(b * t * dIn);
  const row = Float32Array.from(config.embeddings.flat());
  for (let bi = 0; bi < b; bi++) x.set(row, bi * t * dIn);
  return x;
}

/** 1 where a key is padding (attention_mask 0): hidden from every query. */
export function keyPaddingOf(config: AttentionConfig): Float32Array | null {
  const m = config.attention_mask;
  return m ? Float32Array.from(m.flat(), (v) => (v === 0 ? 1 : 0)) : null;
}
