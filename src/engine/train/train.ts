import { type Tensor, tensor } from '../../tensor/tensor.ts';
import type { AttentionConfig } from '../config.ts';
import { drawDropout, drawWeights } from '../draws.ts';
import { backward } from '../graph/backward.ts';
import { buildGraph, inputDims } from '../graph/build.ts';
import { execute, type Values } from '../graph/execute.ts';
import type { Graph } from '../graph/ir.ts';
import type { ModelParams } from '../params.ts';
import { feedsOf, traceOf } from '../run.ts';
import type { Trace } from '../trace.ts';
import { optimizerFor } from './optimizers.ts';

/**
 * A config with `target`: `train.steps` optimizer steps on the MSE loss first (each forward pass
 * drawing a fresh dropout mask from the same stream, as PyTorch's does), then the traced forward
 * pass (one more mask) with its loss and the gradient of every parameter and of the embeddings.
 */
export function runTraining(config: AttentionConfig): Trace {
  const graph = buildGraph(config);
  const { params: drawn, gen } = drawWeights(config);
  // Copies: the optimizer updates them in place, and the draws are shared with other traces.
  const weights: Record<string, Float32Array> = {};
  for (const [name, p] of Object.entries(drawn.named)) weights[name] = p.data.slice();
  const target = Float32Array.from((config.target as number[][][]).flat(2));
  const pass = () => {
    const params = paramsOf(drawn, weights);
    const values = execute(graph, feedsOf(config, params, drawDropout(config, gen)));
    return { params, values, ...lossAndGrads(graph, values, target) };
  };
  const history: number[] = [];
  if (config.train) {
    const optimizer = optimizerFor(config.train);
    for (let s = 0; s < config.train.steps; s++) {
      const { loss, grads } = pass();
      history.push(loss);
      optimizer.step(weights, grads);
      // New arrays each step: the executor caches each weight's transpose by its array.
      for (const name of Object.keys(weights)) weights[name] = weights[name].slice();
    }
  }
  const { params, values, loss, grads } = pass();
  const trace = traceOf(config, graph, values, params);
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

function paramsOf(drawn: ModelParams, weights: Record<string, Float32Array>): ModelParams {
  const named: Record<string, Tensor> = {};
  for (const [name, p] of Object.entries(drawn.named)) named[name] = tensor(p.shape, weights[name]);
  return { named };
}

/** MSE (mean) of the output against the target, and d loss / d every parameter and x. */
function lossAndGrads(graph: Graph, values: Values, target: Float32Array) {
  const out = values.get(graph.outputs.output) as Float32Array;
  const n = out.length;
  const seed = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = out[i] - target[i];
    sum += d * d;
    seed[i] = (2 * d) / n;
  }
  const all = backward(graph, values, graph.outputs.output, seed);
  const grads: Record<string, Float64Array> = {};
  for (const node of graph.nodes) {
    if (node.op === 'param' || node.name === 'x') {
      grads[node.name] =
        all.get(node.name) ?? new Float64Array(node.shape.reduce((a, b) => a * b, 1));
    }
  }
  return { loss: Math.fround(sum / n), grads };
}

/** d loss / d embeddings, shaped like them: summed over the batch copies of 2-D embeddings. */
function embeddingGrad(config: AttentionConfig, dx: Float64Array): Tensor {
  const { b, t, dIn } = inputDims(config);
  if (config.batch_embeddings) return tensor([b, t, dIn], Float32Array.from(dx));
  const sum = new Float64Array(t * dIn);
  for (let bi = 0; bi < b; bi++) for (let i = 0; i < t * dIn; i++) sum[i] += dx[bi * t * dIn + i];
  return tensor([t, dIn], Float32Array.from(sum));
}
