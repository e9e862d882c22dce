import type { AttentionConfig } from '../../../src/engine/config.ts';
import type { TorchGenerator } from '../../../src/rng/index.ts';
import { transpose } from '../../../src/tensor/matmul.ts';
import { type Tensor, tensor } from '../../../src/tensor/tensor.ts';

/** One projection as the forward pass uses it: weight in torch's [out, in] layout. */
export interface Projection {
  weight: Float32Array;
  bias: Float32Array | null;
  inFeatures: number;
  outFeatures: number;
}

export interface HeadProjections {
  W_query: Projection;
  W_key: Projection;
  W_value: Projection;
}

export interface ModelParams {
  /** One entry per head for the wrapper; one (all heads fused) for `mha`; none for `simple`. */
  heads: HeadProjections[];
  out_proj: Projection | null;
  /** The same weights in the chapter's `x @ W` layout [d_in, d_out], named as the trace names them. */
  named: Record<string, Tensor>;
}

const QKV = ['W_query', 'W_key', 'W_value'] as const;

/**
 * Draws every weight from `gen` in the order the chapter constructs its modules (per head:
 * W_query, W_key, W_value, each weight then bias; `mha` then out_proj), so a seed gives the
 * book's numbers.
 */
export function drawParams(config: AttentionConfig, dIn: number, gen: TorchGenerator): ModelParams {
  const { variant, d_out: dOut, qkv_bias: bias } = config;
  const named: Record<string, Tensor> = {};
  const heads: HeadProjections[] = [];
  const headCount = variant === 'mha_wrapper' ? config.num_heads : variant === 'simple' ? 0 : 1;
  for (let h = 0; h < headCount; h++) {
    const prefix = variant === 'mha_wrapper' ? `heads.${h}.` : '';
    const head = {} as HeadProjections;
    for (const name of QKV) {
      head[name] =
        variant === 'v1'
          ? randProjection(gen, dIn, dOut, named, prefix + name)
          : linearProjection(gen, dIn, dOut, bias, named, prefix + name);
    }
    heads.push(head);
  }
  const out_proj =
    variant === 'mha' ? linearProjection(gen, dOut, dOut, true, named, 'out_proj') : null;
  return { heads, out_proj, named };
}

/** SelfAttention_v1: `nn.Parameter(torch.rand(d_in, d_out))`, already in `x @ W` layout. */
function randProjection(
  gen: TorchGenerator,
  dIn: number,
  dOut: number,
  named: Record<string, Tensor>,
  name: string,
): Projection {
  const w = gen.rand(dIn * dOut);
  named[name] = tensor([dIn, dOut], w);
  return { weight: transpose(w, dIn, dOut), bias: null, inFeatures: dIn, outFeatures: dOut };
}

/** `nn.Linear(d_in, d_out, bias)`: weight then bias from the stream. */
function linearProjection(
  gen: TorchGenerator,
  dIn: number,
  dOut: number,
  bias: boolean,
  named: Record<string, Tensor>,
  name: string,
): Projection {
  const init = gen.linear(dIn, dOut, bias);
  named[name] = tensor([dIn, dOut], transpose(init.weight, dOut, dIn));
  if (init.bias) named[`${name}.bias`] = tensor([dOut], init.bias);
  return { weight: init.weight, bias: init.bias, inFeatures: dIn, outFeatures: dOut };
}
