import type { AttentionConfig } from '../engine/config.ts';
import { resolveConfig } from '../engine/resolve-config.ts';
import { TorchGenerator } from '../rng/index.ts';
import type { BenchCase } from './cases.ts';

/** The case as the engine's config: causal mha, no dropout, x uniform in [0, 1) from seed 1. */
export function benchConfig(c: BenchCase): AttentionConfig {
  const x = new TorchGenerator(1).rand(c.T * c.d_in);
  const embeddings = Array.from({ length: c.T }, (_, i) =>
    Array.from(x.subarray(i * c.d_in, (i + 1) * c.d_in)),
  );
  return resolveConfig({
    variant: 'mha',
    embeddings,
    d_out: c.d_out,
    num_heads: c.heads,
    causal: true,
  });
}
