/** Formulas of §4.3's masks, 1 = hidden: the padding mask, the causal mask and their union. */
import type { Formula } from '../panels/types.ts';
import { fmt, sub, tx } from './tex.ts';

/** A key is hidden from every query when the tokenizer marked it as padding. */
export function paddingMaskFormula(maskRow: readonly number[], i: number, j: number): Formula {
  const m = maskRow[j];
  const why = m === 0 ? `key ${j + 1} is a pad` : `key ${j + 1} is a token`;
  return {
    tex: `P_{${sub(i, j)}} = [\\,\\text{attention\\_mask}_{${j + 1}} = 0\\,] = [\\,${m} = 0\\,] = ${1 - m} \\quad \\text{(${why})}`,
    text: `pad${sub(i, j)} = (attention_mask[${j + 1}] == 0) = (${m} == 0) = ${1 - m}: ${why}`,
  };
}

/** A key after the query is hidden: torch.triu(ones, diagonal=1). */
export function causalMaskFormula(i: number, j: number): Formula {
  const hidden = j > i ? 1 : 0;
  const why = hidden
    ? `key ${j + 1} comes after query ${i + 1}`
    : `key ${j + 1} is not after query ${i + 1}`;
  return {
    tex: `C_{${sub(i, j)}} = [\\,${j + 1} > ${i + 1}\\,] = ${hidden} \\quad \\text{(${why})}`,
    text: `causal${sub(i, j)} = (${j + 1} > ${i + 1}) = ${hidden}: ${why}`,
  };
}

/** Hidden by either mask (`padding | causal`); a row hidden everywhere is softmax's 0/0. */
export function combinedMaskFormula(pad: number, causal: number, i: number, j: number): Formula {
  const value = pad || causal ? 1 : 0;
  return {
    tex: `M_{${sub(i, j)}} = P_{${sub(i, j)}} \\lor C_{${sub(i, j)}} = ${pad} \\lor ${causal} = ${value}`,
    text: `mask${sub(i, j)} = pad${sub(i, j)} or causal${sub(i, j)} = ${pad} or ${causal} = ${value}`,
  };
}

/**
 * What leaks in without the padding mask: the output without it minus the output with it, for
 * a real token's row (a pad's row is NaN on the page: it is ignored, so nothing is measured).
 */
export function leakFormula(
  unmasked: Float32Array,
  masked: Float32Array,
  width: number,
  i: number,
  d: number,
  pad: boolean,
): Formula {
  if (pad)
    return {
      tex: `\\Delta^{(${i + 1})}_{${d + 1}} = \\text{NaN} \\quad \\text{(row ${i + 1} is a pad: its output is ignored)}`,
      text: `leak(${i + 1}) dimension ${d + 1} = NaN: row ${i + 1} is a pad, its output is ignored`,
    };
  const a = unmasked[i * width + d];
  const b = masked[i * width + d];
  const out = (which: string) => `\\text{out}^{(${i + 1},\\,\\text{${which}})}_{${d + 1}}`;
  return {
    tex: `\\Delta^{(${i + 1})}_{${d + 1}} = ${out('no mask')} - ${out('mask')} = ${tx(a)} - ${tx(b, true)} = ${tx(a - b)}`,
    text: `leak(${i + 1}) dimension ${d + 1} = out without mask − out with mask = ${fmt(a)} − ${fmt(b)} = ${fmt(a - b)}`,
  };
}
