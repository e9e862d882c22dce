import { type Tensor, tensor } from '../tensor/tensor.ts';
import type { AttentionConfig } from './config.ts';
import { buildGraph, inputDims } from './graph/build.ts';
import { execute } from './graph/execute.ts';
import type { ModelParams } from './params.ts';
import { inputOf } from './run-input.ts';
import type { Trace } from './trace.ts';

/**
 * The KV-cache path of rasbt's ch04/03_kv-cache: the first `prefill` tokens in one call, then one
 * token per call; each call appends its keys and values to the cache and attends over all of it.
 * The same graph as the full pass, built for query rows [from, to) with the cache fed in.
 */
export function runCached(
  config: AttentionConfig,
  params: ModelParams,
): NonNullable<Trace['cached']> {
  const { b, t, dIn } = inputDims(config);
  const prefill = config.kv_cache?.prefill ?? 1;
  const x = inputOf(config);
  const outputs: Float32Array[] = [];
  let cache: { keys: Tensor; values: Tensor } | null = null;
  let width = 0;
  for (let from = 0; from < t; ) {
    const to = from === 0 ? prefill : from + 1;
    const graph = buildGraph(config, { from, to });
    const feeds: Record<string, Float32Array> = { x: rowsOf(x, b, t, dIn, from, to) };
    for (const [name, p] of Object.entries(params.named)) feeds[name] = p.data;
    if (cache) {
      feeds.cache_keys = cache.keys.data;
      feeds.cache_values = cache.values.data;
    }
    const values = execute(graph, feeds);
    const shapeOf = (name: string) => graph.nodes.find((n) => n.name === name)?.shape as number[];
    cache = {
      keys: tensor(shapeOf('keys'), values.get('keys')),
      values: tensor(shapeOf('values'), values.get('values')),
    };
    outputs.push(values.get('output') as Float32Array);
    width = shapeOf('output')[2];
    from = to;
  }
  const output = new Float32Array(b * t * width);
  let row = 0;
  for (const part of outputs) {
    const n = part.length / (b * width);
    for (let bi = 0; bi < b; bi++) {
      output.set(part.subarray(bi * n * width, (bi + 1) * n * width), (bi * t + row) * width);
    }
    row += n;
  }
  const last = cache as { keys: Tensor; values: Tensor };
  return { output: tensor([b, t, width], output), keys: last.keys, values: last.values };
}

/** Rows [from, to) of x [b, T, d]. */
function rowsOf(x: Float32Array, b: number, t: number, d: number, from: number, to: number) {
  const n = to - from;
  const out = new Float32Array(b * n * d);
  for (let bi = 0; bi < b; bi++)
    out.set(x.subarray((bi * t + from) * d, (bi * t + to) * d), bi * n * d);
  return out;
}
