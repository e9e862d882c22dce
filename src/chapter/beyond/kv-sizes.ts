import type { AttentionShape } from './models.ts';

/** Width of one head: the model width split across the query heads. */
export function headDim(shape: Pick<AttentionShape, 'd_model' | 'num_heads'>): number {
  return shape.d_model / shape.num_heads;
}

/**
 * Parameters of one attention block as rasbt's GroupedQueryAttention builds it: W_query is
 * d_model wide, W_key and W_value are num_kv_groups heads wide, out_proj maps d_model to d_model.
 */
export function attentionParams(
  shape: Pick<
    AttentionShape,
    'd_model' | 'num_heads' | 'num_kv_groups' | 'qkv_bias' | 'out_bias'
  > & { d_in?: number },
): number {
  const dIn = shape.d_in ?? shape.d_model;
  const kvWidth = shape.num_kv_groups * headDim(shape);
  const qkvOut = shape.d_model + 2 * kvWidth;
  const qkv = dIn * qkvOut + (shape.qkv_bias ? qkvOut : 0);
  const out = shape.d_model * shape.d_model + (shape.out_bias ? shape.d_model : 0);
  return qkv + out;
}

/** Every layer's attention parameters. */
export function modelAttentionParams(shape: AttentionShape): number {
  return shape.num_layers * attentionParams(shape);
}

/**
 * What the cache keeps per generated token: a key and a value vector for every key/value head
 * of every layer. Query heads that share a K/V head share its cache rows: that is GQA's saving.
 */
export function kvCacheBytesPerToken(
  shape: Pick<
    AttentionShape,
    'd_model' | 'num_heads' | 'num_kv_groups' | 'num_layers' | 'bytes_per_value'
  >,
): number {
  return 2 * shape.num_layers * shape.num_kv_groups * headDim(shape) * shape.bytes_per_value;
}

/** The cache after `tokens` tokens of context (batch of one). */
export function kvCacheBytes(shape: AttentionShape, tokens: number): number {
  return tokens * kvCacheBytesPerToken(shape);
}

export type SharingKind = 'MHA' | 'GQA' | 'MQA';

/** The same model with its key/value heads set to all (MHA), `groups` (GQA) or one (MQA). */
export function sharingVariants(
  shape: AttentionShape,
  groups: number,
): { kind: SharingKind; shape: AttentionShape }[] {
  return [
    { kind: 'MHA', shape: { ...shape, num_kv_groups: shape.num_heads } },
    { kind: 'GQA', shape: { ...shape, num_kv_groups: groups } },
    { kind: 'MQA', shape: { ...shape, num_kv_groups: 1 } },
  ];
}

/** The divisors of `n`: the key/value head counts that split `n` query heads evenly. */
export function divisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}

/** Which key/value head serves query head `head` (repeat_interleave: consecutive heads share). */
export function kvGroupOf(head: number, numHeads: number, numKvGroups: number): number {
  return Math.floor(head / (numHeads / numKvGroups));
}

/** "K/V head 1 serves query heads 1, 2; K/V head 2 serves query heads 3, 4", in words. */
export function kvSharingWords(numHeads: number, numKvGroups: number): string {
  return Array.from({ length: numKvGroups }, (_, g) => {
    const served = Array.from({ length: numHeads }, (_, h) => h).filter(
      (h) => kvGroupOf(h, numHeads, numKvGroups) === g,
    );
    const heads = served.length > 1 ? 'heads' : 'head';
    return `K/V head ${g + 1} serves query ${heads} ${served.map((h) => h + 1).join(', ')}`;
  }).join('; ');
}

/** Bytes as a short human number: "36 KiB", "1.5 GiB". */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  const text = v >= 100 || Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1);
  return `${text} ${units[u]}`;
}
