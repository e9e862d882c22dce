import { type Tensor, tensor } from '../tensor/tensor.ts';
import type { AttentionConfig } from './config.ts';
import { buildGraph, type CacheStep, inputDims } from './graph/build.ts';
import { execute } from './graph/execute.ts';
import type { OpSet } from './graph/op-set.ts';
import type { ModelParams } from './params.ts';
import { inputOf } from './run-input.ts';
import type { Trace } from './trace.ts';

/** The calls of the KV-cache path: the first `prefill` tokens in one, then one token per call. */
export function cacheSteps(config: AttentionConfig): CacheStep[] {
  const { t } = inputDims(config);
  const prefill = config.kv_cache?.prefill ?? 1;
  return [
    { from: 0, to: prefill },
    ...Array.from({ length: t - prefill }, (_, i) => ({ from: prefill + i, to: prefill + i + 1 })),
  ];
}

/** Rows [from, to) of x [b, T, d]: the tokens one call feeds. */
export function rowsOf(x: Float32Array, config: AttentionConfig, step: CacheStep): Float32Array {
  const { b, t, dIn: d } = inputDims(config);
  const n = step.to - step.from;
  const out = new Float32Array(b * n * d);
  for (let bi = 0; bi < b; bi++) {
    out.set(x.subarray((bi * t + step.from) * d, (bi * t + step.to) * d), bi * n * d);
  }
  return out;
}

/** The calls' outputs [b, n, width] joined along the tokens into [b, T, width]. */
export function joinRows(parts: Tensor[], b: number, t: number): Tensor {
  const width = parts[0].shape[2];
  const out = new Float32Array(b * t * width);
  let row = 0;
  for (const part of parts) {
    const n = part.shape[1];
    for (let bi = 0; bi < b; bi++) {
      out.set(part.data.subarray(bi * n * width, (bi + 1) * n * width), (bi * t + row) * width);
    }
    row += n;
  }
  return tensor([b, t, width], out);
}

/**
 * The calls' attention weights [b, h, n, to] as one [b, h, T, T]: each row as the call that made
 * it computed it (the prefill's rows in one call, then one row per call), zeros above the diagonal.
 */
export function joinWeights(parts: Tensor[], t: number): Tensor {
  const [b, h] = parts[0].shape;
  const out = new Float32Array(b * h * t * t);
  let row = 0;
  for (const part of parts) {
    const [, , n, keys] = part.shape;
    for (let bh = 0; bh < b * h; bh++)
      for (let i = 0; i < n; i++)
        out.set(
          part.data.subarray((bh * n + i) * keys, (bh * n + i + 1) * keys),
          (bh * t + row + i) * t,
        );
    row += n;
  }
  return tensor([b, h, t, t], out);
}

/**
 * The KV-cache path of rasbt's ch04/03_kv-cache: each call appends its keys and values to the
 * cache and attends over all of it. The same graph as the full pass, built for query rows
 * [from, to) with the cache fed in as `cache_keys`/`cache_values`.
 */
export function runCached(
  config: AttentionConfig,
  params: ModelParams,
  ops?: Pick<OpSet, 'forward'>,
): NonNullable<Trace['cached']> {
  const { b, t } = inputDims(config);
  const x = inputOf(config);
  const outputs: Tensor[] = [];
  const weights: Tensor[] = [];
  let cache: { keys: Tensor; values: Tensor } | null = null;
  for (const step of cacheSteps(config)) {
    const graph = buildGraph(config, step);
    const feeds: Record<string, Float32Array> = { x: rowsOf(x, config, step) };
    for (const [name, p] of Object.entries(params.named)) feeds[name] = p.data;
    if (cache) {
      feeds.cache_keys = cache.keys.data;
      feeds.cache_values = cache.values.data;
    }
    const values = execute(graph, feeds, ops);
    const out = (name: string) =>
      tensor(graph.nodes.find((n) => n.name === name)?.shape as number[], values.get(name));
    cache = { keys: out('keys'), values: out('values') };
    outputs.push(out('output'));
    weights.push(out('attn_weights'));
  }
  const last = cache as { keys: Tensor; values: Tensor };
  return {
    output: joinRows(outputs, b, t),
    keys: last.keys,
    values: last.values,
    attn_weights: joinWeights(weights, t),
  };
}
