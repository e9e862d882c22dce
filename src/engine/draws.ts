import { TorchGenerator } from '../rng/index.ts';
import { stackHeads } from '../tensor/heads.ts';
import type { AttentionConfig } from './config.ts';
import { inputDims } from './graph/build.ts';
import { drawParams, type ModelParams } from './params.ts';
import { wrapperAsMha } from './share-weights.ts';
import { headShape, specOf } from './variants.ts';

/** Everything a forward pass takes from the seed's random stream. */
export interface Draws {
  params: ModelParams;
  /** Dropout multipliers [b, h, T, T] (0 or 1/(1−p)), or null when dropout is off. */
  dropoutMask: Float32Array | null;
}

/**
 * `torch.manual_seed(seed)`, then the modules' weights in construction order, then the dropout
 * masks the forward pass draws. Every backend feeds these same numbers.
 *
 * An edit of an embedding changes none of them, and at GPT-2 width drawing them again costs more
 * than the forward pass (2.4 M float32 uniforms), so the last few draws are kept, keyed by every
 * field they depend on. Callers must not write into the returned arrays; the dropout mask is a
 * fresh copy each time because the worker transfers it to the page with the trace.
 */
export function drawModel(config: AttentionConfig): Draws {
  const key = drawKey(config);
  let draws = recent.get(key);
  if (draws) recent.delete(key);
  else draws = draw(config);
  recent.set(key, draws);
  if (recent.size > KEEP) recent.delete(recent.keys().next().value as string);
  return { params: draws.params, dropoutMask: draws.dropoutMask?.slice() ?? null };
}

const KEEP = 8;
const recent = new Map<string, Draws>();

function drawKey(c: AttentionConfig): string {
  const { t, dIn } = inputDims(c);
  const dropout = c.training && c.dropout > 0 ? c.dropout : 0;
  return JSON.stringify([
    c.variant,
    c.seed,
    t,
    dIn,
    c.d_out,
    c.num_heads,
    c.num_kv_groups,
    c.qkv_bias,
    c.batch,
    dropout,
    c.share_wrapper_weights,
  ]);
}

function draw(config: AttentionConfig): Draws {
  const { params, gen } = drawWeights(config);
  return { params, dropoutMask: drawDropout(config, gen) };
}

/** `torch.manual_seed(seed)` and the modules' weights; the stream continues with dropout draws. */
export function drawWeights(config: AttentionConfig): { params: ModelParams; gen: TorchGenerator } {
  const gen = new TorchGenerator(config.seed);
  const { dIn } = inputDims(config);
  const params = config.share_wrapper_weights
    ? wrapperAsMha(drawParams(wrapperOf(config), dIn, gen))
    : drawParams(config, dIn, gen);
  return { params, gen };
}

/** The MultiHeadAttentionWrapper whose heads together have mha's width (d_out / heads each). */
function wrapperOf(config: AttentionConfig): AttentionConfig {
  return { ...config, variant: 'mha_wrapper', d_out: config.d_out / config.num_heads };
}

/**
 * Dropout multipliers for [b, h, T, T], drawn after the weights and in the order the chapter's
 * forward pass draws them: `mha` draws one mask over the whole tensor; the wrapper runs its heads
 * one after another, each drawing a [b, T, T] mask.
 */
export function drawDropout(config: AttentionConfig, gen: TorchGenerator): Float32Array | null {
  if (!config.training || config.dropout === 0) return null;
  const p = config.dropout;
  const { b, t, dIn } = inputDims(config);
  const h = headShape(config, dIn).heads;
  if (!specOf(config).dropoutPerHead) return gen.dropoutMask(b * h * t * t, p);
  return stackHeads(
    Array.from({ length: h }, () => gen.dropoutMask(b * t * t, p)),
    b,
    t,
    t,
  );
}
