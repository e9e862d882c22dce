/**
 * Multiply-adds of one attention block while generating, with and without a KV cache. Without
 * one, every new token reruns the whole causal pass over the sequence so far (as
 * `generate_text_simple` does); with one, only the new token's query, key and value are
 * projected and only its row of scores is computed, against the cached keys and values.
 */
export interface WorkShape {
  d_in: number;
  d_out: number;
  num_heads: number;
  num_kv_groups: number;
}

function perToken(s: WorkShape) {
  const hd = s.d_out / s.num_heads;
  return {
    // W_query (d_out wide) plus W_key and W_value (num_kv_groups heads wide each).
    projection: s.d_in * (s.d_out + 2 * s.num_kv_groups * hd),
    outProj: s.d_out * s.d_out,
    // One query against one key: q·k for the score and weight·v for the context, per head.
    pair: 2 * s.num_heads * hd,
  };
}

/** One full pass over `t` tokens: every query row against every key (the mask hides half). */
export function fullPassMacs(s: WorkShape, t: number): number {
  const p = perToken(s);
  return t * (p.projection + p.outProj) + t * t * p.pair;
}

/** One cached step: the new token (the t-th) against t cached keys and values. */
export function cachedStepMacs(s: WorkShape, t: number): number {
  const p = perToken(s);
  return p.projection + p.outProj + t * p.pair;
}

/** Generating up to `total` tokens after a prompt of `prefill` tokens, without a cache. */
export function macsWithoutCache(s: WorkShape, prefill: number, total: number): number {
  let sum = fullPassMacs(s, prefill);
  for (let t = prefill + 1; t <= total; t++) sum += fullPassMacs(s, t);
  return sum;
}

/** The same with a cache: the prompt in one pass, then one row per new token. */
export function macsWithCache(s: WorkShape, prefill: number, total: number): number {
  let sum = fullPassMacs(s, prefill);
  for (let t = prefill + 1; t <= total; t++) sum += cachedStepMacs(s, t);
  return sum;
}

export interface WorkPoint {
  tokens: number;
  without: number;
  with: number;
}

/** Both totals for every length from the prompt's to `total`, for the chart against T. */
export function workCurve(s: WorkShape, prefill: number, total: number): WorkPoint[] {
  const out: WorkPoint[] = [];
  let without = fullPassMacs(s, prefill);
  let withCache = without;
  out.push({ tokens: prefill, without, with: withCache });
  for (let t = prefill + 1; t <= total; t++) {
    without += fullPassMacs(s, t);
    withCache += cachedStepMacs(s, t);
    out.push({ tokens: t, without, with: withCache });
  }
  return out;
}
