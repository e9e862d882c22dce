import type { TorchGenerator } from '../rng/index.ts';
import { transpose } from '../tensor/matmul.ts';
import { type Tensor, tensor } from '../tensor/tensor.ts';
import type { AttentionConfig } from './config.ts';
import { headShape, type Projection, specOf } from './variants.ts';

export interface ModelParams {
  /**
   * Every weight in the chapter's `x @ W` layout [d_in, d_out] and every bias, named as the trace
   * names them (`W_query`, `W_query.bias`, `heads.0.W_key`, `out_proj`), in the oracle's order.
   */
  named: Record<string, Tensor>;
}

const NAME_ORDER: readonly (Projection | 'out_proj')[] = [
  'W_query',
  'W_key',
  'W_value',
  'out_proj',
];

/**
 * Draws every weight from `gen` in the order the variant's constructor does (its `drawOrder`
 * per head, each weight then bias; then out_proj), so a seed gives the book's numbers.
 */
export function drawParams(config: AttentionConfig, dIn: number, gen: TorchGenerator): ModelParams {
  const spec = specOf(config);
  const { heads, kvHeads, headDim, width } = headShape(config, dIn);
  const bias = config.qkv_bias;
  const named: Record<string, Tensor> = {};
  const moduleCount = spec.projection === 'per_head' ? heads : spec.projection === 'fused' ? 1 : 0;
  for (let h = 0; h < moduleCount; h++) {
    const prefix = spec.headPrefix ? `heads.${h}.` : '';
    const drawn: Record<string, Record<string, Tensor>> = {};
    for (const name of spec.drawOrder) {
      const cols =
        spec.projection === 'per_head' ? headDim : name === 'W_query' ? width : kvHeads * headDim;
      drawn[name] =
        spec.weights === 'rand'
          ? { [prefix + name]: tensor([dIn, cols], gen.rand(dIn * cols)) }
          : linearParams(gen, dIn, cols, bias, prefix + name);
    }
    // Named in the oracle's order whatever order they were drawn in (gqa draws keys first).
    for (const name of NAME_ORDER) Object.assign(named, drawn[name]);
  }
  if (spec.outProj)
    Object.assign(named, linearParams(gen, width, width, spec.outProj.bias, 'out_proj'));
  return { named };
}

/** `nn.Linear(d_in, d_out, bias)`: weight then bias from the stream; weight in `x @ W` layout. */
function linearParams(
  gen: TorchGenerator,
  dIn: number,
  dOut: number,
  bias: boolean,
  name: string,
): Record<string, Tensor> {
  const init = gen.linear(dIn, dOut, bias);
  const out: Record<string, Tensor> = {
    [name]: tensor([dIn, dOut], transpose(init.weight, dOut, dIn)),
  };
  if (init.bias) out[`${name}.bias`] = tensor([dOut], init.bias);
  return out;
}
