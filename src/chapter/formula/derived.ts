/** Formulas for the side roads the chapter takes (see ../derive.ts), with numbers substituted. */
import type { Formula } from '../panels/types.ts';
import { fmt, sub, terms, textTerms, tx } from './tex.ts';

const finite = (row: Float32Array) => Array.from(row).filter(Number.isFinite);

/** α_ij = ω_ij / Σⱼ ω_ij. */
export function sumNormFormula(scores: Float32Array, i: number, j: number, value: number): Formula {
  const sum = finite(scores).reduce((s, x) => s + x, 0);
  const parts = Array.from(scores, (x) => tx(x, true));
  return {
    tex: `\\alpha_{${sub(i, j)}} = \\frac{\\omega_{${sub(i, j)}}}{\\sum_{j'} \\omega_{${i + 1}j'}} = \\frac{${tx(scores[j])}}{${terms(parts)}} = \\frac{${tx(scores[j])}}{${tx(sum)}} = ${tx(value)}`,
    text: `α${sub(i, j)} = ω${sub(i, j)} / Σ ω = ${fmt(scores[j])} / ${fmt(sum)} = ${fmt(value)}`,
  };
}

/** α_ij = exp(ω_ij) / Σⱼ exp(ω_ij), evaluated naively. */
export function naiveFormula(scores: Float32Array, i: number, j: number, value: number): Formula {
  const exps = Array.from(scores, (x) => Math.fround(Math.exp(x)));
  const sum = exps.reduce((s, x) => Math.fround(s + x), 0);
  return {
    tex: `\\alpha_{${sub(i, j)}} = \\frac{e^{\\omega_{${sub(i, j)}}}}{\\sum_{j'} e^{\\omega_{${i + 1}j'}}} = \\frac{e^{${tx(scores[j])}}}{${terms(Array.from(scores, (x) => `e^{${tx(x)}}`))}} = \\frac{${tx(exps[j])}}{${tx(sum)}} = ${tx(value)}`,
    text: `α${sub(i, j)} = exp(${fmt(scores[j])}) / (${textTerms(Array.from(scores, (x) => `exp(${fmt(x)})`))}) = ${fmt(exps[j])} / ${fmt(sum)} = ${fmt(value)}`,
  };
}

/** ω_ij / √d_k. */
export function scaledScoreFormula(
  score: number,
  dk: number,
  i: number,
  j: number,
  value: number,
): Formula {
  return {
    tex: `\\frac{\\omega_{${sub(i, j)}}}{\\sqrt{d_k}} = \\frac{${tx(score)}}{\\sqrt{${dk}}} = ${tx(value)}`,
    text: `ω${sub(i, j)} / √${dk} = ${fmt(score)} / ${fmt(Math.sqrt(dk))} = ${fmt(value)}`,
  };
}

/** The lower-triangular mask of ones. */
export function trilFormula(i: number, j: number): Formula {
  const kept = j <= i;
  return {
    tex: `M_{${sub(i, j)}} = ${kept ? 1 : 0} \\quad \\text{(key ${j + 1} }${kept ? '\\le' : '>'}\\text{ query ${i + 1})}`,
    text: `mask${sub(i, j)} = ${kept ? 1 : 0}: key ${j + 1} ${kept ? 'is not after' : 'comes after'} query ${i + 1}`,
  };
}

/** α_ij · M_ij. */
export function maskedWeightFormula(w: number, m: number, i: number, j: number): Formula {
  return {
    tex: `\\alpha_{${sub(i, j)}} M_{${sub(i, j)}} = ${tx(w)} \\cdot ${m} = ${tx(w * m)}`,
    text: `α${sub(i, j)} × mask${sub(i, j)} = ${fmt(w)} × ${m} = ${fmt(w * m)}`,
  };
}

/** The masked row divided by its new sum. */
export function renormFormula(masked: Float32Array, i: number, j: number, value: number): Formula {
  const kept = Array.from(masked.subarray(0, i + 1));
  const sum = kept.reduce((s, x) => Math.fround(s + x), 0);
  return {
    tex: `\\frac{\\alpha_{${sub(i, j)}} M_{${sub(i, j)}}}{\\sum_{j' \\le ${i + 1}} \\alpha_{${i + 1}j'}} = \\frac{${tx(masked[j])}}{${terms(kept.map((x) => tx(x)))}} = \\frac{${tx(masked[j])}}{${tx(sum)}} = ${tx(value)}`,
    text: `masked weight / row sum = ${fmt(masked[j])} / ${fmt(sum)} = ${fmt(value)}`,
  };
}

/** One entry of dropout applied to a matrix of ones. */
export function onesDropoutFormula(value: number, p: number, i: number, j: number): Formula {
  if (value === 0) {
    return {
      tex: `\\text{dropout}(1)_{${sub(i, j)}} = 0 \\quad \\text{(dropped, probability } p = ${p})`,
      text: `entry ${sub(i, j)} = 0: dropped (probability ${p})`,
    };
  }
  return {
    tex: `\\text{dropout}(1)_{${sub(i, j)}} = \\frac{1}{1 - ${p}} = ${tx(value)} \\quad \\text{(kept, rescaled)}`,
    text: `entry ${sub(i, j)} = 1 / (1 - ${p}) = ${fmt(value)}: kept and rescaled`,
  };
}

/** Where a column of the unsplit queries goes: head ⌊c / head_dim⌋, dimension c mod head_dim. */
export function splitFormula(value: number, hd: number, i: number, c: number): Formula {
  const head = Math.floor(c / hd);
  const d = c % hd;
  return {
    tex: `Q_{${sub(i, c)}} = ${tx(value)} \\;\\to\\; \\text{head } \\lfloor (${c + 1} - 1)/${hd} \\rfloor + 1 = ${head + 1},\\ \\text{dim } ${d + 1}`,
    text: `queries[${i + 1}, ${c + 1}] = ${fmt(value)} goes to head ${head + 1}, dimension ${d + 1}`,
  };
}
