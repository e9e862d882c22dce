/**
 * The formula behind one cell of each attention tensor, with the trace's numbers substituted.
 * The final value is always the engine's own; the terms show where it comes from.
 */
import type { Trace } from '../../engine/trace.ts';
import { block, colOf, rowOf } from '../panels/slice.ts';
import type { Formula } from '../panels/types.ts';
import { dotProduct, fmt, headPrefix, sub, terms, textTerms, tx } from './tex.ts';

interface At {
  trace: Trace;
  b: number;
  h: number;
}

function sizes({ trace }: At) {
  const [, heads, t, hd] = trace.queries.shape;
  return { heads, t, hd };
}

const isMasked = (trace: Trace, i: number, j: number) => trace.config.causal && j > i;

/** ω_ij = q⁽ⁱ⁾ · k⁽ʲ⁾ (x⁽ⁱ⁾ · x⁽ʲ⁾ without weights). */
export function scoreFormula(at: At, i: number, j: number): Formula {
  const { heads, t, hd } = sizes(at);
  const { trace, b, h } = at;
  const q = rowOf(block(trace.queries, b, h), i, hd);
  const k = rowOf(block(trace.keys, b, h), j, hd);
  const value = block(trace.attn_scores, b, h)[i * t + j];
  const dot = dotProduct(q, k);
  const pre = headPrefix(h, heads);
  const [qs, ks] = trace.config.variant === 'simple' ? ['x', 'x'] : ['q', 'k'];
  return {
    tex: `${pre.tex}\\omega_{${sub(i, j)}} = ${qs}^{(${i + 1})} \\cdot ${ks}^{(${j + 1})} = ${dot.tex} = ${tx(value)}`,
    text: `${pre.text}ω${sub(i, j)} = ${qs}(${i + 1}) · ${ks}(${j + 1}) = ${dot.text} = ${fmt(value)}`,
  };
}

/** The causal mask on a score: −∞ above the diagonal, unchanged elsewhere. */
export function maskedScoreFormula(at: At, i: number, j: number): Formula {
  const { t } = sizes(at);
  const value = block(at.trace.masked_scores, at.b, at.h)[i * t + j];
  if (isMasked(at.trace, i, j)) {
    return {
      tex: `\\omega_{${sub(i, j)}} \\to -\\infty \\quad \\text{(key ${j + 1} comes after query ${i + 1}: masked)}`,
      text: `ω${sub(i, j)} → -inf: key ${j + 1} comes after query ${i + 1}, so it is masked`,
    };
  }
  return {
    tex: `\\omega_{${sub(i, j)}} = ${tx(value)} \\quad \\text{(key ${j + 1} }\\le\\text{ query ${i + 1}: kept)}`,
    text: `ω${sub(i, j)} = ${fmt(value)}: key ${j + 1} is not after query ${i + 1}, so it is kept`,
  };
}

/** α_ij = softmax over row i of ω / √d_k, with the exponentials written out. */
export function weightFormula(at: At, i: number, j: number): Formula {
  const { heads, t, hd } = sizes(at);
  const { trace, b, h } = at;
  const pre = headPrefix(h, heads);
  const value = block(trace.attn_weights, b, h)[i * t + j];
  const a = `\\alpha_{${sub(i, j)}}`;
  if (isMasked(trace, i, j)) {
    return {
      tex: `${pre.tex}${a} = \\frac{e^{-\\infty}}{\\cdots} = 0 \\quad \\text{(masked)}`,
      text: `${pre.text}α${sub(i, j)} = exp(-inf) / … = 0, masked`,
    };
  }
  const row = rowOf(block(trace.masked_scores, b, h), i, t);
  const d = trace.config.scaled ? Math.fround(Math.sqrt(hd)) : 1;
  const scaled = Array.from(row, (x) => x / d);
  const keys = scaled.map((_, k) => k).filter((k) => Number.isFinite(scaled[k]));
  // Shift by the row's maximum only when exp would overflow: the value is the same either way.
  const max = Math.max(...keys.map((k) => scaled[k]));
  const shift = max > 80 ? max : 0;
  const e = (k: number) => Math.exp(scaled[k] - shift);
  const sum = keys.reduce((s, k) => s + e(k), 0);
  const arg = (x: number) => (trace.config.scaled ? `${tx(x, true)}/${fmt(d)}` : tx(x, true));
  const ex = (x: number) => (shift ? `e^{${arg(x)} - ${fmt(shift)}}` : `e^{${arg(x)}}`);
  const over = trace.config.scaled ? '/\\sqrt{d_k}' : '';
  const range = trace.config.causal ? `j' \\le ${i + 1}` : "j'";
  const symbolic = `\\frac{e^{\\omega_{${sub(i, j)}}${over}}}{\\sum_{${range}} e^{\\omega_{${i + 1}j'}${over}}}`;
  const numbers = `\\frac{${ex(row[j])}}{${terms(keys.map((k) => ex(row[k])))}}`;
  return {
    tex: `${pre.tex}${a} = ${symbolic} = ${numbers} = \\frac{${tx(e(j))}}{${tx(sum)}} = ${tx(value)}`,
    text: `${pre.text}α${sub(i, j)} = exp(ω${sub(i, j)}${trace.config.scaled ? ` / √${hd}` : ''}) / Σ exp(…) = ${fmt(e(j))} / ${fmt(sum)} = ${fmt(value)}`,
  };
}

/** The dropout multiplier of one weight: 0, or 1/(1 − p) for a kept one. */
export function dropoutMaskFormula(at: At, i: number, j: number): Formula {
  const { t } = sizes(at);
  const { trace, b, h } = at;
  const m = trace.dropout_mask ? block(trace.dropout_mask, b, h)[i * t + j] : 1;
  const p = trace.config.dropout;
  if (m === 0) {
    return {
      tex: `m_{${sub(i, j)}} = 0 \\quad \\text{(dropped, probability } p = ${p})`,
      text: `m${sub(i, j)} = 0: dropped (probability p = ${p})`,
    };
  }
  return {
    tex: `m_{${sub(i, j)}} = \\frac{1}{1 - p} = \\frac{1}{1 - ${p}} = ${tx(m)} \\quad \\text{(kept)}`,
    text: `m${sub(i, j)} = 1 / (1 - ${p}) = ${fmt(m)}: kept`,
  };
}

/** A weight after dropout: α_ij · m_ij. */
export function droppedFormula(at: At, i: number, j: number): Formula {
  const { heads, t } = sizes(at);
  const { trace, b, h } = at;
  const pre = headPrefix(h, heads);
  const w = block(trace.attn_weights, b, h)[i * t + j];
  const m = trace.dropout_mask ? block(trace.dropout_mask, b, h)[i * t + j] : 1;
  const value = block(trace.attn_weights_dropped, b, h)[i * t + j];
  return {
    tex: `${pre.tex}\\tilde\\alpha_{${sub(i, j)}} = \\alpha_{${sub(i, j)}} \\, m_{${sub(i, j)}} = ${tx(w)} \\cdot ${tx(m)} = ${tx(value)}`,
    text: `${pre.text}α̃${sub(i, j)} = α${sub(i, j)} × m${sub(i, j)} = ${fmt(w)} × ${fmt(m)} = ${fmt(value)}`,
  };
}

/** z⁽ⁱ⁾_d = Σⱼ α_ij v⁽ʲ⁾_d: the weighted sum of the values (the inputs, without weights). */
export function contextFormula(at: At, i: number, d: number): Formula {
  const { heads, t, hd } = sizes(at);
  const { trace, b, h } = at;
  const pre = headPrefix(h, heads);
  const dropped = trace.dropout_mask !== null;
  const w = rowOf(block(trace.attn_weights_dropped, b, h), i, t);
  const v = colOf(block(trace.values, b, h), d, hd);
  const value = block(trace.context, b, h)[i * hd + d];
  const vs = trace.config.variant === 'simple' ? 'x' : 'v';
  const alpha = dropped ? '\\tilde\\alpha' : '\\alpha';
  const tex = terms(Array.from(w, (x, j) => `${tx(x)} \\cdot ${tx(v[j], true)}`));
  const text = textTerms(Array.from(w, (x, j) => `${fmt(x)} × ${fmt(v[j])}`));
  return {
    tex: `${pre.tex}z^{(${i + 1})}_{${d + 1}} = \\sum_j ${alpha}_{${i + 1}j}\\, ${vs}^{(j)}_{${d + 1}} = ${tex} = ${tx(value)}`,
    text: `${pre.text}z(${i + 1}) dimension ${d + 1} = Σj α${i + 1}j ${vs}(j) = ${text} = ${fmt(value)}`,
  };
}
