import type { AttentionConfig, SoftmaxKind, Variant } from '../config.ts';
import { GraphBuilder } from './graph-builder.ts';

/** Everything that fixes a trace graph's nodes and shapes (weights and x are fed as inputs). */
export interface AttentionGraphSpec {
  variant: Variant;
  batch: number;
  t: number;
  dIn: number;
  /** Per-head width for v1/v2/causal/mha_wrapper, total width for mha (as in the config). */
  dOut: number;
  heads: number;
  qkvBias: boolean;
  causal: boolean;
  scaled: boolean;
  /** Whether a `dropout_mask` input multiplies the weights. */
  dropout: boolean;
  softmax: SoftmaxKind;
}

export function graphSpecOf(config: AttentionConfig): AttentionGraphSpec {
  return {
    variant: config.variant,
    batch: config.batch,
    t: config.embeddings.length,
    dIn: config.embeddings[0].length,
    dOut: config.d_out,
    heads: config.num_heads,
    qkvBias: config.qkv_bias,
    causal: config.causal,
    scaled: config.scaled,
    dropout: config.training && config.dropout > 0,
    softmax: config.softmax,
  };
}

/** Sessions are cached by this: two specs with the same key build byte-identical models. */
export function graphKey(spec: AttentionGraphSpec): string {
  return JSON.stringify(spec);
}

/** Heads and per-head width as the trace shapes them: [b, heads, T, headDim]. */
export function headShape(spec: AttentionGraphSpec): { heads: number; headDim: number } {
  const { variant, heads, dIn, dOut } = spec;
  const multi = variant === 'mha_wrapper' || variant === 'mha';
  const h = multi ? heads : 1;
  return { heads: h, headDim: variant === 'simple' ? dIn : variant === 'mha' ? dOut / h : dOut };
}

const QKV = ['W_query', 'W_key', 'W_value'] as const;
const SPLIT_HEADS = [0, 2, 1, 3];

/**
 * The chapter's forward pass as an ONNX graph. Inputs: `x` [b, T, d_in], every weight under its
 * trace name (`W_query`, `W_query.bias`, `heads.0.W_key`, `out_proj`, … in the `x @ W` layout
 * [d_in, d_out]) and `dropout_mask` [b, h, T, T] when dropout is on — all drawn by the
 * reference engine, so every backend computes the book's numbers. Outputs: the trace tensors.
 */
export function buildAttentionGraph(spec: AttentionGraphSpec): Uint8Array {
  const { variant, batch: b, t, dIn } = spec;
  const { heads: h, headDim: hd } = headShape(spec);
  if (!Number.isInteger(hd)) throw new Error(`d_out ${spec.dOut} is not divisible by ${h} heads`);
  const g = new GraphBuilder(`attention_${variant}`);
  const x = g.input('x', [b, t, dIn]);
  // Created on first use: an unused initializer makes ORT log a warning.
  let axis: string | undefined;
  const headAxis = () => {
    axis ??= g.ints('head_axis', [1]);
    return axis;
  };

  const weight = (name: string, rows: number, cols: number) => g.input(name, [rows, cols]);
  /** x @ W (+ bias): [b, T, cols]. */
  const project = (
    input: string,
    name: string,
    rows: number,
    cols: number,
    bias: boolean,
    out?: string,
  ) => {
    if (!bias) return g.node('MatMul', [input, weight(name, rows, cols)], undefined, out);
    const y = g.node('MatMul', [input, weight(name, rows, cols)]);
    return g.node('Add', [y, g.input(`${name}.bias`, [cols])], undefined, out);
  };

  const qkv: string[] = [];
  if (variant === 'simple') {
    // queries = keys = values = x, one "head" as wide as the embedding.
    const x4 = g.node('Unsqueeze', [x, headAxis()]);
    qkv.push(x4, x4, x4);
  } else if (variant === 'mha') {
    // One projection for all heads, then view(b, T, h, hd).transpose(1, 2).
    const split = g.ints('split_shape', [b, t, h, hd]);
    for (const name of QKV) {
      const y = project(x, name, dIn, spec.dOut, spec.qkvBias);
      qkv.push(
        g.node('Transpose', [g.node('Reshape', [y, split])], { perm: { ints: SPLIT_HEADS } }),
      );
    }
  } else {
    // Each head its own module (the wrapper), stacked on a new head axis.
    for (const name of QKV) {
      const perHead = Array.from({ length: h }, (_, i) => {
        const prefix = variant === 'mha_wrapper' ? `heads.${i}.` : '';
        const bias = variant !== 'v1' && spec.qkvBias;
        return g.node('Unsqueeze', [project(x, prefix + name, dIn, hd, bias), headAxis()]);
      });
      qkv.push(g.concat(perHead, 1));
    }
  }
  const [queries, keys, values] = ['queries', 'keys', 'values'].map((name, i) => {
    g.output(name, [b, h, t, hd]);
    return g.node('Identity', [qkv[i]], undefined, name);
  });

  const square = [b, h, t, t];
  const keysT = g.node('Transpose', [keys], { perm: { ints: [0, 1, 3, 2] } });
  const scores = g.node('MatMul', [queries, keysT], undefined, 'attn_scores');
  g.output('attn_scores', square);
  // Where picks −∞ above the diagonal without arithmetic on it (0·∞ would give NaN).
  const masked = spec.causal
    ? g.node(
        'Where',
        [g.constant('causal_mask', causalMask(t)), g.float('neg_inf', -Infinity), scores],
        undefined,
        'masked_scores',
      )
    : g.node('Identity', [scores], undefined, 'masked_scores');
  g.output('masked_scores', square);
  // The chapter divides by √d_k as a float32; multiplying by its inverse differs in the last bit.
  const scaled = spec.scaled
    ? g.node('Div', [masked, g.float('sqrt_hd', Math.fround(Math.sqrt(hd)))])
    : masked;
  const weights = softmax(g, scaled, spec.softmax);
  g.output('attn_weights', square);
  let used = weights;
  if (spec.dropout) {
    used = g.node(
      'Mul',
      [weights, g.input('dropout_mask', square)],
      undefined,
      'attn_weights_dropped',
    );
    g.output('attn_weights_dropped', square);
  }
  const context = g.node('MatMul', [used, values], undefined, 'context');
  g.output('context', [b, h, t, hd]);

  // Heads side by side again: transpose(1, 2).view(b, T, h·hd).
  const merged = g.node('Transpose', [context], { perm: { ints: SPLIT_HEADS } });
  const mergeShape = g.ints('merge_shape', [b, t, h * hd]);
  if (variant === 'mha') {
    const concat = g.node('Reshape', [merged, mergeShape], undefined, 'context_concat');
    g.output('context_concat', [b, t, spec.dOut]);
    project(concat, 'out_proj', spec.dOut, spec.dOut, true, 'output');
    g.output('output', [b, t, spec.dOut]);
  } else {
    g.node('Reshape', [merged, mergeShape], undefined, 'output');
    g.output('output', [b, t, h * hd]);
  }
  return g.toModel();
}

function softmax(g: GraphBuilder, scores: string, kind: SoftmaxKind): string {
  if (kind === 'stable') return g.node('Softmax', [scores], { axis: { i: -1 } }, 'attn_weights');
  // exp(x) / Σ exp(x) without the max subtraction: overflows past x ≈ 88.7, as the lesson shows.
  const e = g.node('Exp', [scores]);
  const sum = g.node('ReduceSum', [e, g.ints('last_axis', [-1])], { keepdims: { i: 1 } });
  return g.node('Div', [e, sum], undefined, 'attn_weights');
}

/**
 * Bool [rows, cols], true where key j lies after query rowStart + i: the keys that query may not
 * see. The whole square for the trace graph; one block of query rows for the fast graph.
 */
export function causalMask(rows: number, cols = rows, rowStart = 0) {
  const data = new Uint8Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = rowStart + i + 1; j < cols; j++) data[i * cols + j] = 1;
  }
  return { type: 'bool' as const, dims: [rows, cols], data };
}
