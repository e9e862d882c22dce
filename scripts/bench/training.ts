/**
 * Training steps per second (forward + backward + AdamW update, as the training worker runs
 * them) at book size and at T=64, d=64, 4 heads. Measured in Node on the reference engine: the
 * worker runs the same code. ORT has no row: see ORT_NOTE.
 */
import { resolveConfig } from '../../src/engine/resolve-config.ts';
import { TrainingSession } from '../../src/engine/train/session.ts';
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

export function trainingThroughput(seconds = 3): TrainingRow[] {
  const book = measure(
    new TrainingSession(trainingConfig(DEFAULT_SETUP), frozenOf(DEFAULT_SETUP)),
    seconds,
  );
  const big = measure(new TrainingSession(bigConfig()), seconds);
  return [
    {
      kind: 'training',
      config: 'book: T=6 d_in=9 d_k=4, causal',
      backend: 'reference TS (node)',
      steps_per_s: Math.round(book.perS),
      steps: book.steps,
      goal: 500,
    },
    {
      kind: 'training',
      config: 'T=64 d=64 h=4, mha',
      backend: 'reference TS (node)',
      steps_per_s: Math.round(big.perS),
      steps: big.steps,
      goal: null,
    },
  ];
}

export function formatTraining(rows: TrainingRow[]): string {
  const lines = [
    '',
    'Training (forward + backward + AdamW step)',
    '| config | backend | steps/s | goal |',
    '| --- | --- | --- | --- |',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.config} | ${r.backend} | ${r.steps_per_s} | ${r.goal ? `≥ ${r.goal}` : '—'} |`,
    );
  lines.push('', ORT_NOTE);
  return `${lines.join('\n')}\n`;
}
