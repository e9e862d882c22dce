/** Beyond the chapter: the bonus material's race of multi-head attention implementations (issue 12). */
import type { ImplId } from '../../race/implementations.ts';
import {
  clampImpls,
  clampSizes,
  clampWidth,
  implsSchema,
  RACE_INITIAL,
  sizesSchema,
  widthSchema,
} from '../../race/local.ts';
import { aligned } from './python.ts';
import type { LocalFields, StepDef } from './types.ts';

export interface RaceLocal {
  sizes: number[];
  d: number;
  impls: ImplId[];
}

/** The step's own fields: what the permalink carries (never the results). */
export const raceFields: LocalFields<RaceLocal> = {
  sizes: {
    label: 'sequence lengths',
    initial: RACE_INITIAL.sizes,
    schema: sizesSchema,
    clamp: clampSizes,
  },
  d: { label: 'model width', initial: RACE_INITIAL.d, schema: widthSchema, clamp: clampWidth },
  impls: {
    label: 'implementations',
    initial: RACE_INITIAL.impls,
    schema: implsSchema,
    clamp: clampImpls,
  },
};

export const stepRace: StepDef<'race'> = {
  id: 'race',
  short: 'The race',
  title: 'The race: one attention, many implementations, on your machine',
  defaults: {},
  local: raceFields,
  body: 'race',
  prose: [
    'The chapter’s MultiHeadAttentionWrapper stacks CausalAttention heads; MultiHeadAttention splits one set of weights into heads; the bonus material adds a combined W_qkv projection and einsum. Here they race, written in TypeScript, against our reference engine, ONNX Runtime Web and our WebAssembly SIMD kernels — all from the same manual_seed(123) weights and the same input, in a worker on your machine.',
    'Every implementation computes the same causal multi-head attention, and the max |Δ| column shows it: each differs from the reference by float32 rounding only — about 1e-7 of the output’s scale, or exactly 0 where it adds the same products in the same order. They differ in how they order the work — how many times they read each weight, whether they use SIMD, threads, fused multiply-adds — and so in speed, by orders of magnitude.',
    'GFLOP/s count the dense work (the masked half too) and are set against a peak measured here with the kernels’ best matmul: three 512 × 512 × 512 products on all threads. Runners that skip the masked half, or whose small problem stays in cache, can pass 100 %.',
  ],
  code: () =>
    aligned([
      'torch.manual_seed(123)',
      'mha = MultiHeadAttention(d_in=768, d_out=768, context_length=1024,',
      '                         dropout=0.0, num_heads=12)',
      'x = torch.rand(1, T, 768)',
      'import time',
      't0 = time.perf_counter(); out = mha(x); ms = (time.perf_counter() - t0) * 1e3',
    ]),
  controls: [],
  // The race runs in its own worker (src/race/worker.ts): nothing for the chapter's engine.
  ownWorkers: true,
  configsFor: () => [],
  panels: () => [],
  featured: () => ({ panel: 'attn_weights', row: 0, col: 0 }),
};
