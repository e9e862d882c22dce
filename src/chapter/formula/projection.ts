/** Formulas for the projections: queries, keys, values, out_proj and the weights themselves. */
import type { Trace } from '../../engine/trace.ts';
import { block, colOf, item, rowOf } from '../panels/slice.ts';
import type { Formula } from '../panels/types.ts';
import { dotProduct, fmt, headPrefix, tx } from './tex.ts';

export type Projected = 'queries' | 'keys' | 'values';

const WEIGHT: Record<Projected, string> = {
  queries: 'W_query',
  keys: 'W_key',
  values: 'W_value',
};
const SYMBOL: Record<Projected, string> = { queries: 'q', keys: 'k', values: 'v' };

/** TeX for a parameter's name: W_query → W_{\text{query}}. */
export function texName(name: string): string {
  const [w, rest] = name.split('_');
  return rest
    ? `${w}_{\\text{${rest.replace(/_/g, '\\_')}}}`
    : `\\text{${name.replace(/_/g, '\\_')}}`;
}

/** q⁽ⁱ⁾_d = x⁽ⁱ⁾ · W_query[:, d] (+ bias), for a head's column d. */
export function projectionFormula(
  trace: Trace,
  which: Projected,
  b: number,
  h: number,
  i: number,
  d: number,
): Formula {
  // GQA's keys and values have num_kv_groups heads, its queries num_heads.
  const [, heads, , hd] = trace[which].shape;
  const value = block(trace[which], b, h)[i * hd + d];
  const s = SYMBOL[which];
  const variant = trace.config.variant;
  const shared = variant === 'gqa' && which !== 'queries';
  const pre = headPrefix(h, heads, shared ? 'K/V head' : 'head');
  if (trace.config.variant === 'simple') {
    return {
      tex: `${s}^{(${i + 1})}_{${d + 1}} = x^{(${i + 1})}_{${d + 1}} = ${tx(value)} \\quad \\text{(no weights yet: the inputs themselves)}`,
      text: `${s}(${i + 1}) dimension ${d + 1} = x(${i + 1}) dimension ${d + 1} = ${fmt(value)}`,
    };
  }
  const name = (variant === 'mha_wrapper' ? `heads.${h}.` : '') + WEIGHT[which];
  const w = trace.params[name];
  // One fused module split into heads: head h owns columns h·hd … h·hd + hd − 1.
  const col = variant === 'mha' || variant === 'gqa' ? h * hd + d : d;
  const x = Float32Array.from(trace.config.embeddings[i]);
  const weights = colOf(w.data, col, w.shape[1]);
  const bias = trace.params[`${name}.bias`]?.data[col];
  const dot = dotProduct(x, weights);
  const biasTex = bias === undefined ? '' : ` + b_{${col + 1}}`;
  const biasNum = bias === undefined ? '' : ` + ${tx(bias, true)}`;
  return {
    tex: `${pre.tex}${s}^{(${i + 1})}_{${d + 1}} = x^{(${i + 1})} \\cdot ${texName(WEIGHT[which])}[:, ${col + 1}]${biasTex} = ${dot.tex}${biasNum} = ${tx(value)}`,
    text: `${pre.text}${s}(${i + 1}) dimension ${d + 1} = x(${i + 1}) · ${WEIGHT[which]} column ${col + 1}${bias === undefined ? '' : ' + bias'} = ${dot.text}${bias === undefined ? '' : ` + ${fmt(bias)}`} = ${fmt(value)}`,
  };
}

/** One entry of the module's output: out_proj for mha, a head's context for the wrapper. */
export function outputFormula(trace: Trace, b: number, i: number, d: number): Formula {
  const width = trace.output.shape[2];
  const value = item(trace.output, b)[i * width + d];
  const out = `\\text{out}^{(${i + 1})}_{${d + 1}}`;
  if (trace.context_concat && trace.params.out_proj) {
    const w = trace.params.out_proj;
    const z = rowOf(item(trace.context_concat, b), i, w.shape[0]);
    // GroupedQueryAttention's out_proj has no bias.
    const bias = trace.params['out_proj.bias']?.data[d];
    const dot = dotProduct(z, colOf(w.data, d, w.shape[1]));
    const plusB = bias === undefined ? '' : ` + b_{${d + 1}}`;
    const plusBias = bias === undefined ? '' : ` + ${tx(bias, true)}`;
    return {
      tex: `${out} = z^{(${i + 1})} \\cdot W_{\\text{out}}[:, ${d + 1}]${plusB} = ${dot.tex}${plusBias} = ${tx(value)}`,
      text: `out(${i + 1}) dimension ${d + 1} = z(${i + 1}) · out_proj column ${d + 1}${bias === undefined ? '' : ' + bias'} = ${dot.text}${bias === undefined ? '' : ` + ${fmt(bias)}`} = ${fmt(value)}`,
    };
  }
  const [, heads, , hd] = trace.context.shape;
  const head = Math.floor(d / hd);
  const e = d % hd;
  const from = heads > 1 ? `\\text{ of head ${head + 1}}` : '';
  return {
    tex: `${out} = z^{(${i + 1})}_{${e + 1}}${from} = ${tx(value)}`,
    text: `out(${i + 1}) dimension ${d + 1} = z(${i + 1}) dimension ${e + 1}${heads > 1 ? ` of head ${head + 1}` : ''} = ${fmt(value)}`,
  };
}

/** A weight entry and the distribution it was drawn from. */
export function paramFormula(trace: Trace, name: string, r: number, c: number): Formula {
  const w = trace.params[name];
  const value = w.data[r * w.shape[1] + c];
  const short = name.replace(/^heads\.\d+\./, '');
  const entry = `${texName(short)}[${r + 1}, ${c + 1}]`;
  if (trace.config.variant === 'v1') {
    return {
      tex: `${entry} = ${tx(value)} \\quad \\sim U[0, 1) \\text{ (torch.rand)}`,
      text: `${short}[${r + 1}, ${c + 1}] = ${fmt(value)}, drawn uniform in [0, 1) by torch.rand`,
    };
  }
  if (trace.config.share_wrapper_weights && short === 'out_proj') {
    return {
      tex: `${entry} = ${tx(value)} \\quad \\text{(the identity: heads pass through unchanged)}`,
      text: `${short}[${r + 1}, ${c + 1}] = ${fmt(value)}, the identity`,
    };
  }
  const bound = 1 / Math.sqrt(w.shape[0]);
  return {
    tex: `${entry} = ${tx(value)} \\quad \\sim U\\!\\left(-\\tfrac{1}{\\sqrt{${w.shape[0]}}}, \\tfrac{1}{\\sqrt{${w.shape[0]}}}\\right) = U(${tx(-bound)}, ${tx(bound)}) \\text{ (nn.Linear)}`,
    text: `${short}[${r + 1}, ${c + 1}] = ${fmt(value)}, drawn uniform in ±1/√${w.shape[0]} = ±${fmt(bound)} by nn.Linear`,
  };
}
