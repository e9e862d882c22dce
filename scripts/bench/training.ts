/**
 * Training steps per second (forward + backward + AdamW update, as the training worker runs
 * them) at book size and at T=64, d=64, 4 heads, on the reference engine and on our kernels (the
 * same graph on the kernel op set), with the kernels' ratio to the reference in the same run.
 * Measured in Node: the worker runs the same code. Node validates relaxed SIMD only behind a flag,
 * so the kernels here are the build Node takes (plain SIMD without it). ORT has no row: see
 * ORT_NOTE.
 */
import { readFileSync } from 'node:fs';
import { type OpSet, referenceOps } from '../../src/engine/graph/op-set.ts';
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { TrainingSession } from '../../src/engine/train/session.ts';
import { bestBuild, instantiate, sharedMemory } from '../../src/kernels/exports.ts';
import { KernelGraphOps } from '../../src/kernels/graph-ops.ts';
import { TorchGenerator } from '../../src/rng/generator.ts';
import { DEFAULT_SETUP, frozenOf, trainingConfig } from '../../src/training/setup.ts';

/** Why the table has no ORT row (printed under it). */
export const ORT_NOTE =
  'ORT: no row. onnxruntime-web runs inference only: its training build (TrainingSession) was ' +
  'removed in 1.20 (microsoft/onnxruntime#22103), and our ONNX graphs hold the forward pass ' +
  'only; training would need the backward pass exported as forward ops, which we do not do.';

export interface TrainingRow {
  kind: 'training';
  config: string;
  backend: string;
  steps_per_s: number;
  steps: number;
  goal: number | null;
  /** steps_per_s over the reference engine's on the same config in the same run (1 for it). */
  ratio_vs_reference: number;
}

function bigConfig() {
  const gen = new TorchGenerator(123);
  const [t, d] = [64, 64];
  const rand = (n: number) => Array.from(gen.rand(n));
  const rows = (n: number) => Array.from({ length: t }, () => rand(n));
  return resolveConfig({
    variant: 'mha',
    tokens: Array.from({ length: t }, (_, i) => `t${i}`),
    embeddings: rows(d),
    d_out: d,
    num_heads: 4,
    target: [rows(d)],
    train: { steps: 0, lr: 1e-3, optimizer: 'adamw' },
  });
}

function measure(session: TrainingSession, seconds: number): { steps: number; perS: number } {
  for (let i = 0; i < 5; i++) session.step(); // warm-up (JIT)
  const start = performance.now();
  let steps = 0;
  while (performance.now() - start < seconds * 1000) {
    session.step();
    steps++;
  }
  return { steps, perS: (steps / (performance.now() - start)) * 1000 };
}

/** The kernel op set on a plain memory of its own, as the training worker would hold it. */
function nodeKernelOps(): { ops: KernelGraphOps; label: string } {
  const build = bestBuild();
  const file = new URL(`../../src/kernels/build/kernels-${build}-single.wasm`, import.meta.url);
  const memory = sharedMemory(16, false);
  const ex = instantiate(new WebAssembly.Module(readFileSync(file)), memory);
  const kind = build === 'relaxed' ? 'FMA' : 'plain SIMD';
  return { ops: new KernelGraphOps(ex, memory), label: `kernels ${kind} (node)` };
}

const CASES: { config: string; goal: number | null; session: (ops: OpSet) => TrainingSession }[] = [
  {
    config: 'book: T=6 d_in=9 d_k=4, causal',
    goal: 500,
    session: (ops) =>
      new TrainingSession(trainingConfig(DEFAULT_SETUP), frozenOf(DEFAULT_SETUP), ops),
  },
  {
    config: 'T=64 d=64 h=4, mha',
    goal: null,
    session: (ops) => new TrainingSession(bigConfig(), [], ops),
  },
];

export function trainingThroughput(seconds = 3): TrainingRow[] {
  const kernels = nodeKernelOps();
  return CASES.flatMap(({ config, goal, session }) => {
    const reference = measure(session(referenceOps), seconds);
    const ours = measure(session(kernels.ops), seconds);
    const row = (backend: string, m: typeof ours): TrainingRow => ({
      kind: 'training',
      config,
      backend,
      steps_per_s: Math.round(m.perS),
      steps: m.steps,
      goal,
      ratio_vs_reference: Math.round((m.perS / reference.perS) * 100) / 100,
    });
    return [row('reference TS (node)', reference), row(kernels.label, ours)];
  });
}

export function formatTraining(rows: TrainingRow[]): string {
  const lines = [
    '',
    'Training (forward + backward + AdamW step)',
    '| config | backend | steps/s | × reference | goal |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.config} | ${r.backend} | ${r.steps_per_s} | ${r.ratio_vs_reference} | ${r.goal ? `≥ ${r.goal}` : '—'} |`,
    );
  lines.push('', ORT_NOTE);
  return `${lines.join('\n')}\n`;
}
