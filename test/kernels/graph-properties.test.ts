import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttentionConfigInput } from '../../src/engine/config.ts';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { runAttention } from '../../src/engine/run.ts';
import { type JsonValue, traceToJson } from '../../src/engine/trace-json.ts';
import { headShape } from '../../src/engine/variants.ts';
import { KernelArena } from '../../src/kernels/graph-memory.ts';
import { GemmProducts } from '../../src/kernels/graph-products.ts';
import { expectNear, expectSameAsOracle } from '../engine/near-oracle.ts';
import { graphTrace, kernelTolerance, type OracleTrace } from './graph-fixtures.ts';
import { suiteKernelOps } from './node-team.ts';

const wave = (n: number, seed: number, k: number) =>
  Array.from({ length: n }, (_, j) => Math.sin(seed * 1.7 + k * 7.1 + j * 3.3));

/** A config of any variant with every extension the graph expresses, valid by construction. */
const configs = fc
  .record({
    variant: fc.constantFrom('simple', 'v1', 'v2', 'causal', 'mha_wrapper', 'mha', 'gqa'),
    t: fc.integer({ min: 1, max: 9 }),
    dIn: fc.integer({ min: 1, max: 11 }),
    heads: fc.integer({ min: 1, max: 4 }),
    groupsAt: fc.nat(),
    hd: fc.integer({ min: 1, max: 9 }),
    batch: fc.integer({ min: 1, max: 2 }),
    causal: fc.boolean(),
    qkv_bias: fc.boolean(),
    dropout: fc.constantFrom(0, 0.5),
    naive: fc.boolean(),
    padding: fc.option(fc.array(fc.boolean(), { minLength: 18, maxLength: 18 })),
    fill: fc.constantFrom('-inf', 'min'),
    cache: fc.option(fc.nat()),
    train: fc.option(fc.record({ steps: fc.integer({ min: 0, max: 3 }), adamw: fc.boolean() }), {
      nil: undefined,
    }),
    seed: fc.integer({ min: 0, max: 999 }),
  })
  .map((r): AttentionConfigInput => {
    const multi = ['mha_wrapper', 'mha', 'gqa'].includes(r.variant);
    const heads = multi ? r.heads : 1;
    const divisors = Array.from({ length: heads }, (_, i) => i + 1).filter((g) => heads % g === 0);
    const total = r.variant === 'mha' || r.variant === 'gqa';
    // The key bias's gradient is zero in exact arithmetic (softmax ignores a shift of a whole
    // row), so AdamW, which divides a gradient by its own size, steps it by the sign of float32
    // noise (PyTorch's too): any two correct backends then differ by ~lr. No key bias there.
    const bias = r.qkv_bias && !(r.train?.adamw && r.train.steps > 0);
    const input: AttentionConfigInput = {
      variant: r.variant,
      embeddings: Array.from({ length: r.t }, (_, i) => wave(r.dIn, r.seed, i)),
      ...(r.variant === 'simple' ? {} : { d_out: total ? heads * r.hd : r.hd, qkv_bias: bias }),
      ...(multi ? { num_heads: heads } : {}),
      ...(r.variant === 'gqa' ? { num_kv_groups: divisors[r.groupsAt % divisors.length] } : {}),
      causal: r.causal,
      batch: r.batch,
      seed: r.seed,
      ...(r.naive ? { softmax: 'naive' } : {}),
    };
    const cached = r.cache !== null && total && r.causal;
    if (r.dropout > 0 && !cached) Object.assign(input, { training: true, dropout: r.dropout });
    if (cached) input.kv_cache = { prefill: 1 + ((r.cache as number) % r.t) };
    if (r.padding && !cached) {
      input.attention_mask = Array.from({ length: r.batch }, (_, b) =>
        Array.from({ length: r.t }, (_, j) => (j === 0 || r.padding?.[b * 9 + j] ? 1 : 0)),
      );
      input.mask_fill = r.fill as '-inf' | 'min';
    }
    if (r.train) {
      const config = resolveConfig(input);
      const { width } = headShape(config, r.dIn);
      input.target = Array.from({ length: r.batch }, (_, b) =>
        Array.from({ length: r.t }, (_, i) => wave(width, r.seed + 5, i + b * 31)),
      );
      if (r.train.steps > 0)
        input.train = {
          steps: r.train.steps,
          lr: 0.05,
          optimizer: r.train.adamw ? 'adamw' : 'sgd',
        };
    }
    return input;
  });

describe.each(['relaxed', 'plain'] as const)('the kernel op set (%s build)', (build) => {
  const kernels = suiteKernelOps(build);

  it('runs any graph as the reference does, within tolerance (forward, KV cache, gradients, steps)', () => {
    fc.assert(
      fc.property(configs, (input) => {
        const want = traceToJson(runAttention(input)) as OracleTrace;
        const ours = graphTrace(resolveConfig(input), kernels.ops);
        expectSameAsOracle(ours, want, kernelTolerance(want));
      }),
      { numRuns: 80 },
    );
  });

  it('multiplies any shapes and layouts as a float64 product does, within float32 rounding', () => {
    const gemm = new GemmProducts(new KernelArena(kernels.team.ex, kernels.team.memory));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (m, k, n, ta, tb, withBias) => {
          const a = Float32Array.from(wave(m * k, m, k));
          const b = Float32Array.from(wave(k * n, n, 3));
          const bias = withBias ? Float32Array.from(wave(n, 9, 1)) : null;
          const at = (i: number, p: number) => (ta ? a[p * m + i] : a[i * k + p]);
          const bt = (p: number, j: number) => (tb ? b[j * k + p] : b[p * n + j]);
          const want: number[][] = [];
          for (let i = 0; i < m; i++) {
            want.push([]);
            for (let j = 0; j < n; j++) {
              let s = bias ? bias[j] : 0;
              for (let p = 0; p < k; p++) s += at(i, p) * bt(p, j);
              want[i].push(s);
            }
          }
          const got = gemm.multiply(a, b, [m, k, n], [ta, tb], { bias });
          expect(got.length).toBe(m * n);
          // Each sum has at most 21 terms of |x| ≤ 1: float32 rounding stays below 1e-5.
          expectNear(Array.from(got) as JsonValue, want as JsonValue, 1e-5, `${m}×${k}×${n}`);
        },
      ),
      { numRuns: 200 },
    );
  });
});
