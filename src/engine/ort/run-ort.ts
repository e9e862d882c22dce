import { tensor } from '../../tensor/tensor.ts';
import type { AttentionConfig } from '../config.ts';
import { drawModel } from '../draws.ts';
import type { Trace } from '../trace.ts';
import { buildAttentionGraph, graphKey, graphSpecOf, headShape } from './graph.ts';
import { type OrtModule, type OrtSessionOptions, SessionCache } from './session-cache.ts';

export interface OrtAttentionOptions {
  /** Tried in order by ORT; default `['wasm']`. The worker passes `['webgpu', 'wasm']`. */
  executionProviders?: OrtSessionOptions['executionProviders'];
  /** Other session options (graph optimisation level, logging, …). */
  sessionOptions?: Omit<OrtSessionOptions, 'executionProviders'>;
  /** Sessions kept alive, one per graph shape; default 8. */
  maxSessions?: number;
}

/** Runs the chapter's variants on onnxruntime-web and returns the same Trace as `forward`. */
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

async function runOnce(
  ort: OrtModule,
  cache: SessionCache,
  config: AttentionConfig,
): Promise<Trace> {
  const spec = graphSpecOf(config);
  const { batch: b, t, dIn } = spec;
  const { heads: h, headDim: hd } = headShape(spec);
  const session = await cache.get(graphKey(spec), () => buildAttentionGraph(spec));

  // The reference engine's own draws, so every backend shows the book's numbers.
  const { params: drawn, dropoutMask } = drawModel(config);
  const params = drawn.named;
  const x = new Float32Array(b * t * dIn);
  const row = Float32Array.from(config.embeddings.flat());
  for (let bi = 0; bi < b; bi++) x.set(row, bi * t * dIn);

  const feeds: Record<string, InstanceType<OrtModule['Tensor']>> = {};
  for (const name of session.inputNames) {
    if (name === 'x') feeds.x = new ort.Tensor('float32', x, [b, t, dIn]);
    else if (name === 'dropout_mask') {
      if (!dropoutMask) throw new Error('the graph expects a dropout mask but dropout is off');
      feeds[name] = new ort.Tensor('float32', dropoutMask, [b, h, t, t]);
    } else {
      const p = params[name];
      if (!p) throw new Error(`no parameter ${name} for the ${config.variant} graph`);
      feeds[name] = new ort.Tensor('float32', p.data, p.shape);
    }
  }
  const results = await session.run(feeds);
  const read = async (name: string, shape: number[]) => {
    const out = results[name];
    if (!out) throw new Error(`the graph has no output ${name}`);
    return tensor(shape, (await out.getData()) as Float32Array);
  };

  const perHead = [b, h, t, hd];
  const square = [b, h, t, t];
  const width = config.variant === 'mha' ? spec.dOut : h * hd;
  const attn_weights = await read('attn_weights', square);
  const context_concat =
    config.variant === 'mha' ? await read('context_concat', [b, t, width]) : null;
  return {
    config,
    params,
    scale: config.scaled ? 1 / Math.sqrt(hd) : 1,
    queries: await read('queries', perHead),
    keys: await read('keys', perHead),
    values: await read('values', perHead),
    attn_scores: await read('attn_scores', square),
    masked_scores: await read('masked_scores', square),
    attn_weights,
    dropout_mask: dropoutMask ? tensor(square, dropoutMask) : null,
    // Without dropout the reference hands back the weights themselves; so do we.
    attn_weights_dropped: dropoutMask ? await read('attn_weights_dropped', square) : attn_weights,
    context: await read('context', perHead),
    ...(context_concat ? { context_concat } : {}),
    output: await read('output', [b, t, width]),
  };
}
