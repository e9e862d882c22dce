import { type Tensor, tensor } from '../../tensor/tensor.ts';
import type { AttentionConfig } from '../config.ts';
import { drawModel } from '../draws.ts';
import { buildGraph, inputDims } from '../graph/build.ts';
import { cacheSteps, joinRows, joinWeights, rowsOf } from '../kv-cache.ts';
import { feedsOf } from '../run.ts';
import type { Trace } from '../trace.ts';
import { headShape } from '../variants.ts';
import { emitOnnx } from './emit.ts';
import { buildAttentionGraph, graphKey, graphSpecOf, structureOf } from './graph.ts';
import { type OrtModule, type OrtSessionOptions, SessionCache } from './session-cache.ts';

export interface OrtAttentionOptions {
  /** Tried in order by ORT; default `['wasm']`. The worker passes `['webgpu', 'wasm']`. */
  executionProviders?: OrtSessionOptions['executionProviders'];
  /** Other session options (graph optimisation level, logging, …). */
  sessionOptions?: Omit<OrtSessionOptions, 'executionProviders'>;
  /** Sessions kept alive, one per graph shape; default 8. */
  maxSessions?: number;
}

/** Runs the engine's graph on onnxruntime-web and returns the same Trace as `forward`. */
export interface OrtAttention {
  run(config: AttentionConfig): Promise<Trace>;
  /** Frees every cached session; the runner stays usable (sessions are rebuilt on demand). */
  release(): Promise<void>;
}

export function createOrtAttention(
  ort: OrtModule,
  options: OrtAttentionOptions = {},
): OrtAttention {
  const cache = new SessionCache(
    ort,
    { ...options.sessionOptions, executionProviders: options.executionProviders ?? ['wasm'] },
    options.maxSessions ?? 8,
  );
  // One run at a time: evicting a session must never release one a run is still using, and
  // requests finish in the order they were made (the worker's latest-wins logic relies on it).
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const result = queue.then(task);
    queue = result.catch(() => undefined);
    return result;
  };
  return {
    run: (config) => serial(() => runOnce(ort, cache, config)),
    release: () => serial(() => cache.clear()),
  };
}

type Feeds = Record<string, Float32Array>;
type Shapes = Record<string, readonly number[]>;

/** Runs one session on the values it asks for and returns its outputs by name. */
async function runSession(
  ort: OrtModule,
  session: Awaited<ReturnType<SessionCache['get']>>,
  feeds: Feeds,
  shapes: Shapes,
): Promise<Record<string, Tensor>> {
  const ortFeeds: Record<string, InstanceType<OrtModule['Tensor']>> = {};
  for (const name of session.inputNames) {
    if (!feeds[name]) throw new Error(`nothing to feed the graph's input ${name}`);
    ortFeeds[name] = new ort.Tensor('float32', feeds[name], shapes[name] as number[]);
  }
  const results = await session.run(ortFeeds);
  const out: Record<string, Tensor> = {};
  for (const name of session.outputNames) {
    out[name] = tensor(results[name].dims, (await results[name].getData()) as Float32Array);
  }
  return out;
}

async function runOnce(
  ort: OrtModule,
  cache: SessionCache,
  config: AttentionConfig,
): Promise<Trace> {
  const spec = graphSpecOf(config);
  const { b, t, dIn } = inputDims(config);
  const { heads: h, headDim: hd } = headShape(config, dIn);
  const session = await cache.get(graphKey(spec), () => buildAttentionGraph(spec));
  // The reference engine's own draws, so every backend shows the book's numbers.
  const { params, dropoutMask } = drawModel(config);
  const feeds = feedsOf(config, params, dropoutMask);
  const shapes: Shapes = { x: [b, t, dIn], dropout_mask: [b, h, t, t], key_padding: [b, t] };
  for (const [name, p] of Object.entries(params.named)) shapes[name] = p.shape;
  const out = await runSession(ort, session, feeds, shapes);
  return {
    config,
    params: params.named,
    scale: config.scaled ? 1 / Math.sqrt(hd) : 1,
    queries: out.queries,
    keys: out.keys,
    values: out.values,
    attn_scores: out.attn_scores,
    masked_scores: out.masked_scores,
    attn_weights: out.attn_weights,
    dropout_mask: dropoutMask ? tensor([b, h, t, t], dropoutMask) : null,
    // Without dropout the reference hands back the weights themselves; so do we.
    attn_weights_dropped: out.attn_weights_dropped ?? out.attn_weights,
    context: out.context,
    ...(out.context_concat ? { context_concat: out.context_concat } : {}),
    output: out.output,
    ...(config.kv_cache ? { cached: await runCachedOrt(ort, cache, config, feeds, shapes) } : {}),
  };
}

/** The KV-cache calls (see kv-cache.ts), each step's graph emitted and run on ORT. */
async function runCachedOrt(
  ort: OrtModule,
  cache: SessionCache,
  config: AttentionConfig,
  feeds: Feeds,
  shapes: Shapes,
): Promise<NonNullable<Trace['cached']>> {
  const { b, t, dIn } = inputDims(config);
  const spec = graphSpecOf(config);
  let kv: Record<string, Tensor> = {};
  const parts: Tensor[] = [];
  const weights: Tensor[] = [];
  for (const step of cacheSteps(config)) {
    const session = await cache.get(`${graphKey(spec)} ${JSON.stringify(step)}`, () =>
      emitOnnx(buildGraph(structureOf(spec), step), {
        name: 'attention_cached_step',
        outputs: ['keys', 'values', 'attn_weights', 'output'],
      }),
    );
    const stepFeeds: Feeds = { ...feeds, x: rowsOf(feeds.x, config, step) };
    const stepShapes: Shapes = { ...shapes, x: [b, step.to - step.from, dIn] };
    if (kv.keys) {
      Object.assign(stepFeeds, { cache_keys: kv.keys.data, cache_values: kv.values.data });
      Object.assign(stepShapes, { cache_keys: kv.keys.shape, cache_values: kv.values.shape });
    }
    kv = await runSession(ort, session, stepFeeds, stepShapes);
    parts.push(kv.output);
    weights.push(kv.attn_weights);
  }
  return {
    output: joinRows(parts, b, t),
    keys: kv.keys,
    values: kv.values,
    attn_weights: joinWeights(weights, t),
  };
}
