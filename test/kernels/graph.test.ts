import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { runAttention } from '../../src/engine/run.ts';
import { type JsonValue, traceToJson } from '../../src/engine/trace-json.ts';
import { TrainingSession } from '../../src/engine/train/session.ts';
import { KernelGraphOps } from '../../src/kernels/graph-ops.ts';
import { KernelMha } from '../../src/kernels/mha.ts';
import { Team } from '../../src/kernels/team.ts';
import { fastPathMiss, kernelTrace } from '../../src/kernels/trace.ts';
import { frozenOf, type TrainingSetup, trainingConfig } from '../../src/training/setup.ts';
import { expectNear, expectSameAsOracle, scaleOf } from '../engine/near-oracle.ts';
import oracleRuns from '../fixtures/training-oracle.json' with { type: 'json' };
import {
  FIXTURE_FAMILIES,
  graphTrace,
  kernelTolerance,
  type OracleTrace,
} from './graph-fixtures.ts';
import { kernelModule, nodeTeam, suiteKernelOps } from './node-team.ts';

type Json = Record<string, JsonValue>;

const label = (t: OracleTrace, i: number) => {
  const c = t.config;
  const train = c.train as { steps: number; optimizer?: string } | undefined;
  return `#${i} ${c.variant}${c.causal ? ' causal' : ''}${c.training ? ` dropout=${c.dropout}` : ''}${
    c.attention_mask ? ' padding' : ''
  }${c.kv_cache ? ' kv_cache' : ''}${c.softmax === 'naive' ? ' naive' : ''}${
    c.target ? ` target${train ? ` ${train.optimizer ?? 'sgd'} × ${train.steps}` : ''}` : ''
  }`;
};

describe.each(['relaxed', 'plain'] as const)(
  'the engine graph on the kernels (%s build)',
  (build) => {
    const kernels = suiteKernelOps(build);

    describe.each(FIXTURE_FAMILIES)('%s fixtures', (_family, fixtures) => {
      it.each(fixtures.map((t, i) => [label(t, i), t] as const))(
        '%s: PyTorch and the reference within tolerance, bit-identical twice',
        (_, oracle) => {
          const config = resolveConfig(oracle.config);
          const ours = graphTrace(config, kernels.ops);
          const tolerance = kernelTolerance(oracle);
          expectSameAsOracle(ours, oracle, tolerance);
          expectSameAsOracle(ours, traceToJson(runAttention(oracle.config)) as Json, tolerance);
          expect(graphTrace(config, kernels.ops)).toEqual(ours);
        },
      );
    });

    it.each(oracleRuns.map((r) => [`${r.setup.task}, ${r.setup.optimizer}`, r] as const))(
      'trains as PyTorch over the first steps: %s',
      (_, run) => {
        const setup = run.setup as TrainingSetup;
        // Within 1e-4 (SGD) or 1e-3 (AdamW) of each tensor's scale (at least 1).
        const bound = (want: JsonValue) =>
          (setup.optimizer === 'sgd' ? 1e-4 : 1e-3) * Math.max(1, scaleOf(want));
        const session = new TrainingSession(trainingConfig(setup), frozenOf(setup), kernels.ops);
        const losses = Array.from({ length: run.steps }, () => session.step().loss);
        expectNear(losses, run.loss_history, bound(run.loss_history), 'loss history');
        const after = session.peek().params;
        for (const [name, want] of Object.entries(run.params as Record<string, number[][]>))
          expectNear(Array.from(after[name]), want, bound(want), name);
        expect(run.loss_history[run.steps - 1]).toBeLessThan(run.loss_history[0]);
      },
    );
  },
);

describe('kernelTrace: the fast path where it applies, the graph on the kernels for the rest', () => {
  let fast: Team;
  let single: Team;
  let mha: KernelMha;
  let ops: KernelGraphOps;
  beforeAll(async () => {
    fast = await nodeTeam('relaxed', 2);
    mha = new KernelMha(fast);
    // The graph ops get an instance of their own: they overwrite its memory freely.
    single = await Team.start(kernelModule('relaxed'), 'relaxed', 1, null);
    ops = new KernelGraphOps(single.ex, single.memory);
  });
  afterAll(() => {
    fast.stop();
    single.stop();
  });

  it.each([
    [
      'gqa with a padding mask',
      {
        variant: 'gqa',
        num_heads: 4,
        d_out: 8,
        num_kv_groups: 2,
        attention_mask: [[1, 1, 1, 1, 0, 0]],
      },
    ],
    ['the wrapper with dropout', { variant: 'mha_wrapper', training: true, dropout: 0.5 }],
    ['mha with the KV cache', { variant: 'mha', num_heads: 2, d_out: 4, kv_cache: { prefill: 2 } }],
    [
      'causal, trained 3 AdamW steps',
      {
        variant: 'causal',
        target: [
          [
            [0.1, 0.2],
            [0.3, 0.4],
            [0.5, 0.6],
            [0.7, 0.8],
            [0.9, 1],
            [0, 0],
          ],
        ],
        train: { steps: 3, lr: 0.01, optimizer: 'adamw' },
      },
    ],
  ] as const)(
    '%s runs on the graph: exactly graphTrace, and the reference within tolerance',
    (_, input) => {
      const config = resolveConfig(input);
      expect(fastPathMiss(config)).not.toBeNull();
      expect(() => kernelTrace(mha, config)).toThrow(/no kernel op set/);
      const ours = traceToJson(kernelTrace(mha, config, ops)) as Json;
      expect(ours).toEqual(graphTrace(config, ops));
      const want = traceToJson(runAttention(input)) as OracleTrace;
      expectSameAsOracle(ours, want, kernelTolerance(want));
    },
  );

  it('mha (no extension) takes the fast path: the graph ops are not needed', () => {
    const config = resolveConfig({ variant: 'mha', num_heads: 2, d_out: 4, causal: true });
    expect(fastPathMiss(config)).toBeNull();
    const want = traceToJson(runAttention(config)) as OracleTrace;
    expectSameAsOracle(traceToJson(kernelTrace(mha, config)) as Json, want, kernelTolerance(want));
  });
});
