import {
  type AttentionConfig,
  type AttentionConfigInput,
  BOOK_EMBEDDINGS,
  BOOK_TOKENS,
  SOFTMAX_KINDS,
  VARIANTS,
} from './config.ts';
import { bool, integer } from './config-checks.ts';
import { ConfigError } from './config-error.ts';
import { checkExtensions } from './config-extensions.ts';
import { LIMITS } from './limits.ts';
import { specOf } from './variants.ts';

const FIELDS = new Set<string>([
  'variant',
  'tokens',
  'embeddings',
  'seed',
  'd_out',
  'num_heads',
  'qkv_bias',
  'causal',
  'dropout',
  'training',
  'batch',
  'num_kv_groups',
  'attention_mask',
  'mask_fill',
  'kv_cache',
  'target',
  'train',
  'scaled',
  'softmax',
  'share_wrapper_weights',
]);

/**
 * Fills the defaults (as ../shared/oracle/torch_oracle.py does, from the variant table) and
 * checks every field, throwing a ConfigError that names the first wrong one.
 */
export function resolveConfig(input: unknown): AttentionConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError('config', 'expected a JSON object');
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!FIELDS.has(key)) throw new ConfigError(key, 'unknown field');
  }
  const c = raw as AttentionConfigInput;
  const variant = c.variant ?? 'mha';
  if (!VARIANTS.includes(variant)) {
    throw new ConfigError(
      'variant',
      `unknown variant ${JSON.stringify(variant)}; one of ${VARIANTS.join(', ')}`,
    );
  }
  const spec = specOf({ variant });
  const { rows: embeddings, batched } = checkInput(c.embeddings ?? BOOK_EMBEDDINGS);
  const tokens = checkTokens(c.tokens, embeddings.length);
  const base: AttentionConfig = {
    variant,
    tokens,
    embeddings,
    seed: integer('seed', c.seed ?? 123, 0, LIMITS.maxSeed),
    d_out: integer('d_out', c.d_out ?? 2, 1, LIMITS.maxDOut),
    num_heads: spec.multiHead ? integer('num_heads', c.num_heads ?? 2, 1, LIMITS.maxHeads) : 1,
    qkv_bias: bool('qkv_bias', c.qkv_bias ?? false),
    causal: bool('causal', c.causal ?? spec.causal),
    dropout: checkDropout(c.dropout ?? 0),
    training: bool('training', c.training ?? false),
    batch: integer('batch', c.batch ?? batched?.length ?? 1, 1, LIMITS.maxBatch),
    scaled: bool('scaled', c.scaled ?? spec.scaled),
    softmax: c.softmax ?? 'stable',
    share_wrapper_weights: bool('share_wrapper_weights', c.share_wrapper_weights ?? false),
  };
  if (batched && base.batch !== batched.length) {
    throw new ConfigError(
      'batch',
      `${base.batch} but the 3-D embeddings hold ${batched.length} sequences`,
    );
  }
  if (base.share_wrapper_weights && variant !== 'mha') {
    throw new ConfigError('share_wrapper_weights', 'only applies to the mha variant');
  }
  if (!SOFTMAX_KINDS.includes(base.softmax)) {
    throw new ConfigError(
      'softmax',
      `expected ${SOFTMAX_KINDS.join(' or ')}, got ${JSON.stringify(c.softmax)}`,
    );
  }
  if (spec.dOutIsTotal && base.d_out % base.num_heads !== 0) {
    throw new ConfigError(
      'num_heads',
      `d_out (${base.d_out}) must be divisible by num_heads (${base.num_heads})`,
    );
  }
  const t = embeddings.length;
  const elements = base.batch * base.num_heads * t * t;
  if (elements > LIMITS.maxElements) {
    throw new ConfigError(
      'embeddings',
      `batch × heads × T × T = ${elements} attention weights exceeds the limit of ${LIMITS.maxElements}`,
    );
  }
  // The oracle's key order: its fields, the extensions asked for, then ours.
  const { scaled, softmax, share_wrapper_weights, ...oracle } = base;
  return {
    ...oracle,
    ...checkExtensions(c, base),
    ...(batched ? { batch_embeddings: batched } : {}),
    scaled,
    softmax,
    share_wrapper_weights,
  };
}

/** 2-D embeddings, or 3-D ones ([batch][T][d_in]) checked sequence by sequence. */
function checkInput(value: unknown): { rows: number[][]; batched: number[][][] | null } {
  const threeD = Array.isArray(value) && Array.isArray(value[0]) && Array.isArray(value[0][0]);
  if (!threeD) return { rows: checkEmbeddings(value), batched: null };
  const seqs = value as unknown[];
  if (seqs.length > LIMITS.maxBatch) {
    throw new ConfigError(
      'embeddings',
      `${seqs.length} sequences exceeds the limit of ${LIMITS.maxBatch}`,
    );
  }
  const batched = seqs.map((s) => checkEmbeddings(s));
  const [t, d] = [batched[0].length, batched[0][0].length];
  batched.forEach((s, i) => {
    if (s.length !== t || s[0].length !== d) {
      throw new ConfigError(
        'embeddings',
        `sequence ${i} is ${s.length} × ${s[0].length}, sequence 0 is ${t} × ${d}`,
      );
    }
  });
  return { rows: batched[0], batched };
}

function checkEmbeddings(value: unknown): number[][] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ConfigError('embeddings', 'expected a non-empty array of rows (one per token)');
  }
  if (value.length > LIMITS.maxTokens) {
    throw new ConfigError(
      'embeddings',
      `${value.length} tokens exceeds the limit of ${LIMITS.maxTokens}`,
    );
  }
  const width = Array.isArray(value[0]) ? value[0].length : -1;
  if (width < 1) throw new ConfigError('embeddings', 'row 0 must be a non-empty array of numbers');
  if (width > LIMITS.maxDIn) {
    throw new ConfigError('embeddings', `d_in = ${width} exceeds the limit of ${LIMITS.maxDIn}`);
  }
  return value.map((row, i) => {
    if (!Array.isArray(row) || row.length !== width) {
      throw new ConfigError(
        'embeddings',
        `ragged rows: row ${i} has ${Array.isArray(row) ? row.length : 'no'} values, row 0 has ${width}`,
      );
    }
    return row.map((x, j) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new ConfigError(
          'embeddings',
          `row ${i}, dimension ${j} is ${JSON.stringify(x)}, not a finite number`,
        );
      }
      if (Math.abs(x) > LIMITS.maxAbsValue) {
        throw new ConfigError(
          'embeddings',
          `row ${i}, dimension ${j} = ${x} exceeds ±${LIMITS.maxAbsValue}`,
        );
      }
      return x;
    });
  });
}

function checkTokens(value: unknown, t: number): string[] {
  if (value === undefined) {
    // The oracle always defaults to the book's six labels; for other lengths we number them.
    return t === BOOK_TOKENS.length
      ? [...BOOK_TOKENS]
      : Array.from({ length: t }, (_, i) => `token ${i + 1}`);
  }
  if (!Array.isArray(value) || value.some((s) => typeof s !== 'string')) {
    throw new ConfigError('tokens', 'expected an array of strings');
  }
  if (value.length !== t) {
    throw new ConfigError('tokens', `${value.length} tokens but ${t} embedding rows`);
  }
  return [...value];
}

function checkDropout(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1) {
    throw new ConfigError('dropout', `expected a rate in [0, 1), got ${JSON.stringify(value)}`);
  }
  return value;
}
