import {
  type AttentionConfig,
  type AttentionConfigInput,
  MASK_FILLS,
  OPTIMIZERS,
  type TrainConfig,
} from './config.ts';
import { integer } from './config-checks.ts';
import { ConfigError } from './config-error.ts';
import { headShape, specOf } from './variants.ts';

type Extensions = Pick<
  AttentionConfig,
  'num_kv_groups' | 'attention_mask' | 'mask_fill' | 'kv_cache' | 'target' | 'train'
>;

/** Most optimizer steps one trace may ask for (each is a forward and a backward pass). */
export const MAX_TRAIN_STEPS = 1000;

/**
 * The fields beyond chapter 3 (grouped queries, padding masks, the KV cache, a loss and
 * training), checked against the already resolved chapter fields. Present only when asked for,
 * in the oracle's key order; `num_kv_groups` always for `gqa`.
 */
export function checkExtensions(c: AttentionConfigInput, base: AttentionConfig): Extensions {
  const spec = specOf(base);
  const out: Extensions = {};
  if (spec.kvGroups) {
    out.num_kv_groups = integer('num_kv_groups', c.num_kv_groups ?? 1, 1, base.num_heads);
    if (base.num_heads % out.num_kv_groups !== 0) {
      throw new ConfigError(
        'num_kv_groups',
        `num_heads (${base.num_heads}) must be divisible by num_kv_groups (${out.num_kv_groups})`,
      );
    }
  } else if (c.num_kv_groups !== undefined) {
    throw new ConfigError('num_kv_groups', 'only applies to the gqa variant');
  }
  const t = base.embeddings.length;
  if (c.attention_mask !== undefined)
    out.attention_mask = checkMask(c.attention_mask, base.batch, t);
  if (c.mask_fill !== undefined || out.attention_mask) {
    const fill = c.mask_fill ?? '-inf';
    if (!MASK_FILLS.includes(fill)) {
      throw new ConfigError('mask_fill', `expected "-inf" or "min", got ${JSON.stringify(fill)}`);
    }
    out.mask_fill = fill;
  }
  if (c.kv_cache !== undefined)
    out.kv_cache = checkKvCache(c.kv_cache, base, spec.projection === 'fused');
  if (c.target !== undefined) {
    const width = headShape({ ...base, ...out }, base.embeddings[0].length).width;
    out.target = checkTarget(c.target, base.batch, t, width);
  }
  if (c.train !== undefined) {
    if (!out.target) throw new ConfigError('train', 'needs a target to train towards');
    out.train = checkTrain(c.train);
  }
  return out;
}

function checkMask(value: unknown, b: number, t: number): number[][] {
  if (!Array.isArray(value) || value.length !== b) {
    throw new ConfigError(
      'attention_mask',
      `expected ${b} rows (one per batch item) of ${t} values`,
    );
  }
  return value.map((row, i) => {
    if (!Array.isArray(row) || row.length !== t) {
      throw new ConfigError('attention_mask', `row ${i} must have ${t} values (one per token)`);
    }
    return row.map((v, j) => {
      if (v !== 0 && v !== 1) {
        throw new ConfigError(
          'attention_mask',
          `row ${i}, token ${j} is ${JSON.stringify(v)}, not 0 or 1`,
        );
      }
      return v;
    });
  });
}

function checkKvCache(
  value: unknown,
  c: AttentionConfig,
  cacheable: boolean,
): { prefill?: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError('kv_cache', 'expected {"prefill": P}');
  }
  if (!cacheable)
    throw new ConfigError('kv_cache', 'only the mha and gqa variants have a KV cache');
  if (!c.causal)
    throw new ConfigError('kv_cache', 'needs causal attention (each token sees the past)');
  if (c.training && c.dropout > 0)
    throw new ConfigError('kv_cache', 'cannot be combined with dropout');
  const raw = value as { prefill?: unknown };
  if (raw.prefill !== undefined) integer('kv_cache', raw.prefill, 1, c.embeddings.length);
  return { ...(value as { prefill?: number }) };
}

function checkTarget(value: unknown, b: number, t: number, width: number): number[][][] {
  const shape = `[${b}][${t}][${width}] (batch, tokens, output width)`;
  const bad = () => new ConfigError('target', `expected ${shape}`);
  if (!Array.isArray(value) || value.length !== b) throw bad();
  return value.map((seq) => {
    if (!Array.isArray(seq) || seq.length !== t) throw bad();
    return seq.map((row) => {
      if (!Array.isArray(row) || row.length !== width) throw bad();
      return row.map((x) => {
        if (typeof x !== 'number' || !Number.isFinite(x)) {
          throw new ConfigError('target', `${JSON.stringify(x)} is not a finite number`);
        }
        return x;
      });
    });
  });
}

function checkTrain(value: unknown): TrainConfig {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigError('train', 'expected {"steps", "lr", "optimizer", "weight_decay"}');
  }
  const raw = value as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (!['steps', 'lr', 'optimizer', 'weight_decay'].includes(key)) {
      throw new ConfigError('train', `unknown field ${key}`);
    }
  }
  integer('train', raw.steps, 0, MAX_TRAIN_STEPS);
  const positive = (x: unknown, zeroOk: boolean) =>
    typeof x === 'number' && Number.isFinite(x) && (zeroOk ? x >= 0 : x > 0);
  if (!positive(raw.lr, false)) throw new ConfigError('train', `lr must be a positive number`);
  if (raw.optimizer !== undefined && !OPTIMIZERS.includes(raw.optimizer as 'sgd')) {
    throw new ConfigError('train', `optimizer must be "sgd" or "adamw"`);
  }
  if (raw.weight_decay !== undefined && !positive(raw.weight_decay, true)) {
    throw new ConfigError('train', 'weight_decay must be a number ≥ 0');
  }
  return { ...(raw as unknown as TrainConfig) };
}
