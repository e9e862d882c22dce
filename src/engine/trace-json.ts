import type { Tensor } from '../tensor/tensor.ts';
import type { AttentionConfig } from './config.ts';
import type { Trace } from './trace.ts';
import { specOf } from './variants.ts';

/** A JSON value where −∞ is the string "-inf", as ../shared/oracle/torch_oracle.py writes it. */
export type JsonValue =
  | number
  | string
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/** A tensor as nested lists, float32 values as exact float64 numbers, −∞ as "-inf". */
export function tensorToJson(t: Tensor): JsonValue {
  const { data, shape } = t;
  const walk = (dim: number, offset: number): JsonValue => {
    if (dim === shape.length) {
      const x = data[offset];
      if (x === Number.NEGATIVE_INFINITY) return '-inf';
      if (x === Number.POSITIVE_INFINITY) return 'inf';
      return Number.isNaN(x) ? 'nan' : x;
    }
    let stride = 1;
    for (let d = dim + 1; d < shape.length; d++) stride *= shape[d];
    return Array.from({ length: shape[dim] }, (_, i) => walk(dim + 1, offset + i * stride));
  };
  return walk(0, 0);
}

function configToJson(c: AttentionConfig): Record<string, JsonValue> {
  const { scaled, softmax, share_wrapper_weights, batch_embeddings, train, ...oracleFields } = c;
  // Our extensions are written only when they differ from the chapter's choice.
  const out: Record<string, JsonValue> = { ...oracleFields };
  if (batch_embeddings) out.embeddings = batch_embeddings;
  if (train) out.train = { ...train };
  if (scaled !== specOf(c).scaled) out.scaled = scaled;
  if (softmax !== 'stable') out.softmax = softmax;
  if (share_wrapper_weights) out.share_wrapper_weights = true;
  return out;
}

/** The trace in the oracle's schema and key order. */
export function traceToJson(trace: Trace): Record<string, JsonValue> {
  const params: Record<string, JsonValue> = {};
  for (const [name, t] of Object.entries(trace.params)) params[name] = tensorToJson(t);
  const out: Record<string, JsonValue> = {
    config: configToJson(trace.config),
    params,
    scale: trace.scale,
    queries: tensorToJson(trace.queries),
    keys: tensorToJson(trace.keys),
    values: tensorToJson(trace.values),
    attn_scores: tensorToJson(trace.attn_scores),
    masked_scores: tensorToJson(trace.masked_scores),
    attn_weights: tensorToJson(trace.attn_weights),
    dropout_mask: trace.dropout_mask ? tensorToJson(trace.dropout_mask) : null,
    attn_weights_dropped: tensorToJson(trace.attn_weights_dropped),
    context: tensorToJson(trace.context),
  };
  if (trace.context_concat) out.context_concat = tensorToJson(trace.context_concat);
  out.output = tensorToJson(trace.output);
  // The extensions after the chapter's tensors, in the order the oracle adds them.
  if (trace.loss_history) out.loss_history = trace.loss_history;
  if (trace.loss !== undefined) out.loss = trace.loss;
  if (trace.grads) {
    const grads: Record<string, JsonValue> = {};
    for (const [name, t] of Object.entries(trace.grads)) grads[name] = tensorToJson(t);
    out.grads = grads;
  }
  if (trace.cached) {
    const { output, keys, values } = trace.cached;
    out.cached = {
      output: tensorToJson(output),
      keys: tensorToJson(keys),
      values: tensorToJson(values),
    };
  }
  return out;
}
