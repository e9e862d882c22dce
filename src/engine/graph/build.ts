import type { AttentionConfig } from '../config.ts';
import { headShape, type Projection, specOf } from '../variants.ts';
import type { Graph, GraphNode, GraphOp } from './ir.ts';

/** float32's lowest finite value: Hugging Face's fill, which keeps an all-hidden row finite. */
export const FLOAT32_MIN = -3.4028234663852886e38;

/** Batch, tokens and embedding width of a config's input x [b, T, d_in]. */
export function inputDims(config: AttentionConfig): { b: number; t: number; dIn: number } {
  return { b: config.batch, t: config.embeddings.length, dIn: config.embeddings[0].length };
}

const TENSOR_OF: Record<Projection, 'queries' | 'keys' | 'values'> = {
  W_query: 'queries',
  W_key: 'keys',
  W_value: 'values',
};

/** One call of the KV-cache path: query rows [from, to), attending over keys 0 .. to − 1. */
export interface CacheStep {
  from: number;
  to: number;
}

/**
 * The forward pass of `config` as a graph, from its row of the variant table: projections (none,
 * one module per head, or one fused module split into heads), K/V heads repeated for grouped
 * queries, then the chapter's pipeline q·kᵀ → mask → ÷√d_k → softmax → dropout → @ v, heads
 * merged and, for `mha`/`gqa`, out_proj. With `step`, one call of the KV cache: x holds the new
 * tokens only, and their keys and values are appended to the cache fed as `cache_keys`/`cache_values`.
 */
export function buildGraph(config: AttentionConfig, step?: CacheStep): Graph {
  const spec = specOf(config);
  const { b, dIn } = inputDims(config);
  const tk = step ? step.to : inputDims(config).t;
  const t = step ? step.to - step.from : tk;
  const cached = step !== undefined && step.from > 0;
  const { heads: h, kvHeads: g, headDim: hd, width } = headShape(config, dIn);
  const nodes: GraphNode[] = [];
  const add = (name: string, op: GraphOp, inputs: string[], shape: number[]) => {
    nodes.push({ ...op, name, inputs, shape });
    return name;
  };
  const x = add('x', { op: 'input' }, [], [b, t, dIn]);
  const bias = spec.weights === 'linear' && config.qkv_bias;
  const linear = (
    out: string,
    input: string,
    w: string,
    rows: number,
    cols: number,
    withBias: boolean,
  ) => {
    const params = [add(w, { op: 'param' }, [], [rows, cols])];
    if (withBias) params.push(add(`${w}.bias`, { op: 'param' }, [], [cols]));
    return add(out, { op: 'linear' }, [input, ...params], [b, t, cols]);
  };

  const qkv = {} as Record<Projection, string>;
  for (const name of ['W_query', 'W_key', 'W_value'] as const) {
    const tensorName = TENSOR_OF[name];
    if (spec.projection === 'none') {
      // queries = keys = values = x, one "head" as wide as the embedding.
      qkv[name] = add(tensorName, { op: 'stack_heads' }, [x], [b, 1, t, dIn]);
    } else if (spec.projection === 'per_head') {
      const perHead = Array.from({ length: h }, (_, i) => {
        const prefix = spec.headPrefix ? `heads.${i}.` : '';
        return linear(`${prefix}${name}(x)`, x, prefix + name, dIn, hd, bias);
      });
      qkv[name] = add(tensorName, { op: 'stack_heads' }, perHead, [b, h, t, hd]);
    } else {
      const n = name === 'W_query' ? h : g;
      const y = linear(`${name}(x)`, x, name, dIn, n * hd, bias);
      const append = cached && name !== 'W_query';
      const split = { op: 'split_heads', heads: n } as const;
      qkv[name] = add(append ? `new_${tensorName}` : tensorName, split, [y], [b, n, t, hd]);
      if (append) {
        const cache = add(`cache_${tensorName}`, { op: 'input' }, [], [b, n, step.from, hd]);
        qkv[name] = add(tensorName, { op: 'concat_rows' }, [cache, qkv[name]], [b, n, tk, hd]);
      }
    }
  }
  let keys = qkv.W_key;
  let values = qkv.W_value;
  if (g !== h) {
    // Each key/value head serves h / g query heads, as rasbt's class repeats them.
    const repeat = { op: 'repeat_kv', repeats: h / g } as const;
    keys = add('keys_repeated', repeat, [keys], [b, h, tk, hd]);
    values = add('values_repeated', repeat, [values], [b, h, tk, hd]);
  }

  const square = [b, h, t, tk];
  const scores = add('attn_scores', { op: 'matmul_qk' }, [qkv.W_query, keys], square);
  const padded = config.attention_mask && !step;
  const padding = padded ? [add('key_padding', { op: 'input' }, [], [b, tk])] : [];
  const fill = config.mask_fill === 'min' ? FLOAT32_MIN : Number.NEGATIVE_INFINITY;
  const mask = { op: 'mask', causal: config.causal, fill, rowStart: step?.from ?? 0 } as const;
  const masked = add('masked_scores', mask, [scores, ...padding], square);
  const scaled = config.scaled
    ? add('scaled_scores', { op: 'scale', divisor: Math.fround(Math.sqrt(hd)) }, [masked], square)
    : masked;
  const weights = add('attn_weights', { op: 'softmax', kind: config.softmax }, [scaled], square);
  let dropped = weights;
  if (config.training && config.dropout > 0) {
    const dropMask = add('dropout_mask', { op: 'input' }, [], square);
    dropped = add('attn_weights_dropped', { op: 'dropout' }, [weights, dropMask], square);
  }
  const context = add('context', { op: 'matmul_wv' }, [dropped, values], [b, h, t, hd]);
  const outputs: Graph['outputs'] = {
    queries: qkv.W_query,
    keys: qkv.W_key,
    values: qkv.W_value,
    attn_scores: scores,
    masked_scores: masked,
    attn_weights: weights,
    attn_weights_dropped: dropped,
    context,
  };
  if (spec.outProj) {
    outputs.context_concat = add('context_concat', { op: 'merge_heads' }, [context], [b, t, width]);
    outputs.output = linear(
      'output',
      outputs.context_concat,
      'out_proj',
      width,
      width,
      spec.outProj.bias,
    );
  } else {
    outputs.output = add('output', { op: 'merge_heads' }, [context], [b, t, width]);
  }
  return { nodes, outputs };
}
