import type { TorchGenerator } from '../../rng/generator.ts';
import { tensor } from '../../tensor/tensor.ts';
import type { AttentionConfig } from '../config.ts';
import { drawDropout, drawWeights } from '../draws.ts';
import { backward } from '../graph/backward.ts';
import { buildGraph } from '../graph/build.ts';
import { execute, type Values } from '../graph/execute.ts';
import type { Graph } from '../graph/ir.ts';
import { type OpSet, referenceOps } from '../graph/op-set.ts';
import type { ModelParams } from '../params.ts';
import { feedsOf } from '../run.ts';
import { type Optimizer, optimizerFor } from './optimizers.ts';

/** What one optimizer step saw: the forward pass before its update, as PyTorch's loop logs it. */
export interface StepRecord {
  /** 0 for the first step. */
  step: number;
  loss: number;
  /** The weights this forward pass used (before the update), by parameter name. */
  params: Record<string, Float32Array>;
  /** d loss / d each parameter at those weights. */
  grads: Record<string, Float32Array>;
  /** [b, h, T, T] softmax weights of this forward pass. */
  attn_weights: Float32Array;
  /** [b, T, width] the output the loss compared with the target. */
  output: Float32Array;
  /** ‖∇‖₂ over every parameter: ~0 when the softmax saturates. */
  grad_norm: number;
}

export interface Pass {
  params: ModelParams;
  values: Values;
  loss: number;
  grads: Record<string, Float64Array>;
}

/**
 * Step-by-step training on the MSE loss against `config.target`: holds the weights and the
 * optimizer's state; each `step()` runs forward and backward, updates, and reports what it saw.
 * Deterministic from the seed: the same steps as `runTraining` and the oracle's `train`.
 */
export class TrainingSession {
  readonly graph: Graph;
  private readonly drawn: ModelParams;
  private readonly gen: TorchGenerator;
  private readonly optimizer: Optimizer;
  private readonly target: Float32Array;
  private weights: Record<string, Float32Array> = {};
  private steps = 0;

  /**
   * `frozen`: parameters the optimizer leaves alone (as if left out of torch.optim's list);
   * `ops`: the backend that runs the forward and backward passes (the reference engine's unless told).
   */
  constructor(
    readonly config: AttentionConfig,
    private readonly frozen: readonly string[] = [],
    readonly ops: OpSet = referenceOps,
  ) {
    if (!config.target) throw new Error('training needs a target');
    this.graph = buildGraph(config);
    const { params, gen } = drawWeights(config);
    this.drawn = params;
    this.gen = gen;
    // Copies: the optimizer updates them in place, and the draws are shared with other traces.
    for (const [name, p] of Object.entries(params.named)) this.weights[name] = p.data.slice();
    this.target = Float32Array.from(config.target.flat(2));
    this.optimizer = optimizerFor(config.train ?? { steps: 0, lr: 0 });
  }

  /** Steps taken so far. */
  get stepCount(): number {
    return this.steps;
  }

  /** One forward and backward pass at the current weights (draws the next dropout mask). */
  pass(): Pass {
    const params = paramsOf(this.drawn, this.weights);
    const feeds = feedsOf(this.config, params, drawDropout(this.config, this.gen));
    const values = execute(this.graph, feeds, this.ops);
    return { params, values, ...lossAndGrads(this.graph, values, this.target, this.ops) };
  }

  /** One optimizer step; the record is of the forward pass before the update. */
  step(): StepRecord {
    const { params, values, loss, grads } = this.pass();
    const record = recordOf(this.graph, this.steps, params, values, loss, grads);
    const trained: Record<string, Float32Array> = {};
    for (const [name, w] of Object.entries(this.weights))
      if (!this.frozen.includes(name)) trained[name] = w;
    this.optimizer.step(trained, grads);
    // New arrays each step: the executor caches each weight's transpose by its array.
    for (const name of Object.keys(this.weights)) this.weights[name] = this.weights[name].slice();
    this.steps++;
    return record;
  }

  /** The record of the current weights without updating them (no dropout draw is consumed twice). */
  peek(): StepRecord {
    const { params, values, loss, grads } = this.pass();
    return recordOf(this.graph, this.steps, params, values, loss, grads);
  }
}

function recordOf(
  graph: Graph,
  step: number,
  params: ModelParams,
  values: Values,
  loss: number,
  grads: Record<string, Float64Array>,
): StepRecord {
  const named: Record<string, Float32Array> = {};
  const gradsOut: Record<string, Float32Array> = {};
  let sq = 0;
  for (const [name, p] of Object.entries(params.named)) {
    named[name] = p.data.slice();
    gradsOut[name] = Float32Array.from(grads[name]);
    for (const g of grads[name]) sq += g * g;
  }
  return {
    step,
    loss,
    params: named,
    grads: gradsOut,
    attn_weights: (values.get(graph.outputs.attn_weights) as Float32Array).slice(),
    output: (values.get(graph.outputs.output) as Float32Array).slice(),
    grad_norm: Math.sqrt(sq),
  };
}

function paramsOf(drawn: ModelParams, weights: Record<string, Float32Array>): ModelParams {
  const named: ModelParams['named'] = {};
  for (const [name, p] of Object.entries(drawn.named)) named[name] = tensor(p.shape, weights[name]);
  return { named };
}

/** MSE (mean) of the output against the target, and d loss / d every parameter and x. */
export function lossAndGrads(
  graph: Graph,
  values: Values,
  target: Float32Array,
  ops: Pick<OpSet, 'backward'> = referenceOps,
) {
  const out = values.get(graph.outputs.output) as Float32Array;
  const n = out.length;
  const seed = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = out[i] - target[i];
    sum += d * d;
    seed[i] = (2 * d) / n;
  }
  const all = backward(graph, values, graph.outputs.output, seed, ops);
  const grads: Record<string, Float64Array> = {};
  for (const node of graph.nodes) {
    if (node.op === 'param' || node.name === 'x') {
      grads[node.name] =
        all.get(node.name) ?? new Float64Array(node.shape.reduce((a, b) => a * b, 1));
    }
  }
  return { loss: Math.fround(sum / n), grads };
}
