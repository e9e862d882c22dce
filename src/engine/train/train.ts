import { type Tensor, tensor } from '../../tensor/tensor.ts';
import type { AttentionConfig } from '../config.ts';
import { inputDims } from '../graph/build.ts';
import type { OpSet } from '../graph/op-set.ts';
import { traceOf } from '../run.ts';
import type { Trace } from '../trace.ts';
import { TrainingSession } from './session.ts';

/**
 * A config with `target`: `train.steps` optimizer steps on the MSE loss first (each forward pass
 * drawing a fresh dropout mask from the same stream, as PyTorch's does), then the traced forward
 * pass (one more mask) with its loss and the gradient of every parameter and of the embeddings.
 * `ops`: the backend that runs the graph (the reference engine's unless told).
 */
export function runTraining(config: AttentionConfig, ops?: OpSet): Trace {
  const session = new TrainingSession(config, [], ops);
  const history: number[] = [];
  if (config.train) for (let s = 0; s < config.train.steps; s++) history.push(session.step().loss);
  const { params, values, loss, grads } = session.pass();
  const trace = traceOf(config, session.graph, values, params, session.ops);
  const named: Record<string, Tensor> = {};
  for (const [name, p] of Object.entries(params.named))
    named[name] = tensor(p.shape, Float32Array.from(grads[name]));
  named.embeddings = embeddingGrad(config, grads.x);
  return {
    ...trace,
    ...(config.train ? { loss_history: history } : {}),
    loss,
    grads: named,
  };
}

/** d loss / d embeddings, shaped like them: summed over the batch copies of 2-D embeddings. */
function embeddingGrad(config: AttentionConfig, dx: Float64Array): Tensor {
  const { b, t, dIn } = inputDims(config);
  if (config.batch_embeddings) return tensor([b, t, dIn], Float32Array.from(dx));
  const sum = new Float64Array(t * dIn);
  for (let bi = 0; bi < b; bi++) for (let i = 0; i < t * dIn; i++) sum[i] += dx[bi * t * dIn + i];
  return tensor([t, dIn], Float32Array.from(sum));
}
