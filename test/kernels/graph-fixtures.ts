/**
 * Every PyTorch fixture the reference engine is tested against, by family, with the bound the
 * kernels' float32 sums must keep: 1e-5 of each tensor's scale (the trace CLI's), and downstream
 * of the softmax times its largest scaled score (an absolute error in a score is a relative one
 * in a weight); gradients and trained parameters as the training tests bound them.
 */
import type { AttentionConfig } from '../../src/engine/config.ts';
import { forward } from '../../src/engine/run.ts';
import { type JsonValue, traceToJson } from '../../src/engine/trace-json.ts';
import { runTraining } from '../../src/engine/train/train.ts';
import type { KernelGraphOps } from '../../src/kernels/graph-ops.ts';
import { scaleOf } from '../engine/near-oracle.ts';
import { sumOrderTolerance } from '../engine/oracle-match.ts';
import beyond from '../fixtures/beyond-traces.json' with { type: 'json' };
import book from '../fixtures/book.json' with { type: 'json' };
import extension from '../fixtures/extension-traces.json' with { type: 'json' };
import random from '../fixtures/random-traces.json' with { type: 'json' };
import training from '../fixtures/training-traces.json' with { type: 'json' };

export type OracleTrace = Record<string, JsonValue> & { config: Record<string, JsonValue> };

const list = (x: unknown) => x as OracleTrace[];

/** [family, fixtures]: the forward passes and the training runs (loss, gradients). */
export const FIXTURE_FAMILIES: [string, OracleTrace[]][] = [
  ['book', list(book.book)],
  ['extension', list(extension)],
  ['beyond', list(Object.values(beyond))],
  ['random', list(random)],
  ['training', list(training)],
];

/** Parameters and dropout masks come from the random stream: exact. */
const EXACT = new Set(['params', 'dropout_mask']);

/** The bound for `key` (a trace field) / `name` (a tensor in it) with expected value `want`. */
export type Tolerance = (key: string, name: string, want: JsonValue) => number;

export function kernelTolerance(oracle: OracleTrace): Tolerance {
  const scaledScores = scaleOf(oracle.attn_scores) * (oracle.scale as number);
  const train = oracle.config.train as { optimizer?: string } | undefined;
  // Trained weights carry the steps' rounding: 1e-4 after SGD, 1e-3 after AdamW.
  const trained = train ? (train.optimizer === 'adamw' ? 1e-3 : 1e-4) : 1e-5;
  const grads = (oracle.grads ?? {}) as Record<string, JsonValue>;
  const gradScale = Math.max(0, ...Object.values(grads).map(scaleOf));
  return (key, _name, want) => {
    if (EXACT.has(key) && !train) return 0;
    const scale = scaleOf(want);
    // A gradient that is zero in exact arithmetic (the key bias: softmax ignores a shift shared
    // by a row) is float32 noise; its scale is that of the trace's other gradients.
    if (key === 'grads') return 1e-4 * Math.max(scale, 1e-2 * gradScale);
    if (key === 'params') return trained * scale;
    if (key === 'loss') return trained * Math.max(1, scale);
    const name = key === 'cached' ? _name : key;
    return sumOrderTolerance(Math.max(trained, 1e-5), name, scale, scaledScores);
  };
}

/** The config through the engine's graph on `ops` (training first when it has a target), as JSON. */
export function graphTrace(
  config: AttentionConfig,
  ops: KernelGraphOps,
): Record<string, JsonValue> {
  const trace = config.target ? runTraining(config, ops) : forward(config, { ops });
  return traceToJson(trace) as Record<string, JsonValue>;
}
