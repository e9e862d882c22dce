import type { AttentionConfig } from '../../../src/engine/config.ts';
import { resolveConfig } from '../../../src/engine/resolve-config.ts';
import type { Trace } from '../../../src/engine/trace.ts';
import { mergeHeads, splitHeads, stackHeads } from '../../../src/tensor/heads.ts';
import { linear } from '../../../src/tensor/matmul.ts';
import { tensor } from '../../../src/tensor/tensor.ts';
import { attend } from './attend.ts';
import { drawModel } from './draws.ts';
import type { HeadProjections, ModelParams, Projection } from './params.ts';

/**
 * Runs one forward pass of the configured chapter-3 module and returns every intermediate.
 * Accepts the oracle's config format; throws ConfigError on a bad config.
 */
export function runAttention(input: unknown): Trace {
  return forward(resolveConfig(input));
}

export interface ForwardOptions {
  /**
   * Weights to use instead of the seed's (e.g. the wrapper's heads shared with `mha`). The seed's
   * weights are still drawn first, so dropout masks come from the same point of the stream.
   */
  params?: ModelParams;
}

export function forward(config: AttentionConfig, options: ForwardOptions = {}): Trace {
  const { batch: b, variant } = config;
  const t = config.embeddings.length;
  const dIn = config.embeddings[0].length;
  const x = new Float32Array(b * t * dIn);
  const row = Float32Array.from(config.embeddings.flat());
  for (let bi = 0; bi < b; bi++) x.set(row, bi * t * dIn);

  const drawn = drawModel(config);
  const params = options.params ?? drawn.params;
  const h = variant === 'mha_wrapper' || variant === 'mha' ? config.num_heads : 1;
  const hd = variant === 'simple' ? dIn : variant === 'mha' ? config.d_out / h : config.d_out;

  // queries/keys/values in [b, h, T, hd]
  let q: Float32Array;
  let k: Float32Array;
  let v: Float32Array;
  if (variant === 'simple') {
    q = x;
    k = x;
    v = x;
  } else if (variant === 'mha') {
    const [head] = params.heads;
    q = splitHeads(project(x, head.W_query, b * t), b, t, h, hd);
    k = splitHeads(project(x, head.W_key, b * t), b, t, h, hd);
    v = splitHeads(project(x, head.W_value, b * t), b, t, h, hd);
  } else {
    // Each head projects the batch separately; stacking them gives [h, b, T, hd] → reorder.
    const per = params.heads.map((head) => projectHead(x, head, b * t));
    q = stackHeads(
      per.map((p) => p[0]),
      b,
      t,
      hd,
    );
    k = stackHeads(
      per.map((p) => p[1]),
      b,
      t,
      hd,
    );
    v = stackHeads(
      per.map((p) => p[2]),
      b,
      t,
      hd,
    );
  }

  const { dropoutMask } = drawn;
  const parts = attend({
    queries: q,
    keys: k,
    values: v,
    blocks: b * h,
    t,
    hd,
    causal: config.causal,
    scaled: config.scaled,
    dropoutMask,
    softmax: config.softmax,
  });

  const width = h * hd;
  let context_concat: Float32Array | undefined;
  let output = mergeHeads(parts.context, b, t, h, hd);
  if (params.out_proj) {
    context_concat = output;
    output = project(context_concat, params.out_proj, b * t);
  }
  const outWidth = params.out_proj ? params.out_proj.outFeatures : width;
  const blockShape = [b, h, t, t];
  return {
    config,
    params: params.named,
    scale: config.scaled ? 1 / Math.sqrt(hd) : 1,
    queries: tensor([b, h, t, hd], q),
    keys: tensor([b, h, t, hd], k),
    values: tensor([b, h, t, hd], v),
    attn_scores: tensor(blockShape, parts.attn_scores),
    masked_scores: tensor(blockShape, parts.masked_scores),
    attn_weights: tensor(blockShape, parts.attn_weights),
    dropout_mask: dropoutMask ? tensor(blockShape, dropoutMask) : null,
    attn_weights_dropped: tensor(blockShape, parts.attn_weights_dropped),
    context: tensor([b, h, t, hd], parts.context),
    ...(context_concat ? { context_concat: tensor([b, t, width], context_concat) } : {}),
    output: tensor([b, t, outWidth], output),
  };
}

function project(x: Float32Array, p: Projection, rows: number): Float32Array {
  return linear(x, p.weight, p.bias, rows, p.inFeatures, p.outFeatures);
}

function projectHead(x: Float32Array, head: HeadProjections, rows: number): Float32Array[] {
  return [
    project(x, head.W_query, rows),
    project(x, head.W_key, rows),
    project(x, head.W_value, rows),
  ];
}
