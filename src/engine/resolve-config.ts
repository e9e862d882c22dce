import {
  type AttentionConfig,
  type AttentionConfigInput,
  BOOK_EMBEDDINGS,
  BOOK_TOKENS,
  SOFTMAX_KINDS,
  VARIANTS,
  type Variant,
} from './config.ts';
import { ConfigError } from './config-error.ts';
import { LIMITS } from './limits.ts';

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
  'scaled',
  'softmax',
  'share_wrapper_weights',
]);

const MULTI_HEAD: readonly Variant[] = ['mha_wrapper', 'mha'];
const CAUSAL_BY_DEFAULT: readonly Variant[] = ['causal', 'mha_wrapper', 'mha'];

/**
 * Fills the chapter's defaults (as ../shared/oracle/torch_oracle.py does) and checks every
 * field, throwing a ConfigError that names the first wrong one.
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
  const embeddings = checkEmbeddings(c.embeddings ?? BOOK_EMBEDDINGS);
  const tokens = checkTokens(c.tokens, embeddings.length);
  const multiHead = MULTI_HEAD.includes(variant);
  const config: AttentionConfig = {
    variant,
    tokens,
    embeddings,
    seed: integer('seed', c.seed ?? 123, 0, LIMITS.maxSeed),
    d_out: integer('d_out', c.d_out ?? 2, 1, LIMITS.maxDOut),
    num_heads: multiHead ? integer('num_heads', c.num_heads ?? 2, 1, LIMITS.maxHeads) : 1,
    qkv_bias: bool('qkv_bias', c.qkv_bias ?? false),
    causal: bool('causal', c.causal ?? CAUSAL_BY_DEFAULT.includes(variant)),
    dropout: checkDropout(c.dropout ?? 0),
    training: bool('training', c.training ?? false),
    batch: integer('batch', c.batch ?? 1, 1, LIMITS.maxBatch),
    scaled: bool('scaled', c.scaled ?? variant !== 'simple'),
    softmax: c.softmax ?? 'stable',
    share_wrapper_weights: bool('share_wrapper_weights', c.share_wrapper_weights ?? false),
  };
  if (config.share_wrapper_weights && variant !== 'mha') {
    throw new ConfigError('share_wrapper_weights', 'only applies to the mha variant');
  }
  if (!SOFTMAX_KINDS.includes(config.softmax)) {
    throw new ConfigError(
      'softmax',
      `expected ${SOFTMAX_KINDS.join(' or ')}, got ${JSON.stringify(c.softmax)}`,
    );
  }
  if (variant === 'mha' && config.d_out % config.num_heads !== 0) {
    throw new ConfigError(
      'num_heads',
      `d_out (${config.d_out}) must be divisible by num_heads (${config.num_heads})`,
    );
  }
  const t = embeddings.length;
  const elements = config.batch * config.num_heads * t * t;
  if (elements > LIMITS.maxElements) {
    throw new ConfigError(
      'embeddings',
      `batch × heads × T × T = ${elements} attention weights exceeds the limit of ${LIMITS.maxElements}`,
    );
  }
  return config;
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

function integer(field: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new ConfigError(field, `expected an integer, got ${JSON.stringify(value)}`);
  }
  if (value < min || value > max) {
    throw new ConfigError(field, `${value} is outside ${min}..${max}`);
  }
  return value;
}

function bool(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean')
    throw new ConfigError(field, `expected true or false, got ${JSON.stringify(value)}`);
  return value;
}

function checkDropout(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1) {
    throw new ConfigError('dropout', `expected a rate in [0, 1), got ${JSON.stringify(value)}`);
  }
  return value;
}
