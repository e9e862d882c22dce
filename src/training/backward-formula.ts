/**
 * ∂loss/∂W_query[a][b] for one weight, spelled out with the live numbers: the MSE's gradient
 * at the output, through the context vectors to the weights, through the softmax row's
 * Jacobian to the scaled scores, through 1/√d_k to the queries, and to the weight.
 * Single-head modules (v2, causal); float64 throughout.
 */
import { formatSci } from '../chapter/format.ts';

export interface RowTerm {
  /** The query token. */
  i: number;
  /** x_i[a]: the input feature the weight multiplies. */
  x: number;
  /** ∂loss/∂q_i[b]. */
  dq: number;
  /** ∂loss/∂attn_weights[i][·]: dz_i · v_j for each key j. */
  dWeights: number[];
  /** ∂loss/∂scores[i][·] through the softmax Jacobian: w_ij (g_ij − Σ_l w_il g_il). */
  dScores: number[];
}

export interface WeightGradient {
  a: number;
  b: number;
  /** 1/√d_k, or 1 when unscaled. */
  scale: number;
  rows: RowTerm[];
  /** Σ_i x_i[a] · ∂loss/∂q_i[b]. */
  total: number;
}

export interface ForwardParts {
  /** [T][d_in] inputs. */
  x: number[][];
  W_query: ArrayLike<number>;
  W_key: ArrayLike<number>;
  W_value: ArrayLike<number>;
  /** [T][d_out]. */
  target: number[][];
  dOut: number;
  causal: boolean;
  scaled: boolean;
}

const matmul = (x: number[][], w: ArrayLike<number>, n: number) =>
  x.map((row) =>
    Array.from({ length: n }, (_, c) => row.reduce((s, v, k) => s + v * w[k * n + c], 0)),
  );

export function weightGradient(p: ForwardParts, a: number, b: number): WeightGradient {
  const t = p.x.length;
  const n = p.dOut;
  const [q, k, v] = [p.W_query, p.W_key, p.W_value].map((w) => matmul(p.x, w, n));
  const scale = p.scaled ? 1 / Math.sqrt(n) : 1;
  const weights = q.map((qi, i) => {
    const s = k.map((kj, j) =>
      p.causal && j > i
        ? Number.NEGATIVE_INFINITY
        : qi.reduce((acc, x, c) => acc + x * kj[c], 0) * scale,
    );
    const m = Math.max(...s);
    const e = s.map((x) => Math.exp(x - m));
    const sum = e.reduce((x, y) => x + y, 0);
    return e.map((x) => x / sum);
  });
  const z = weights.map((wi) =>
    Array.from({ length: n }, (_, c) => wi.reduce((s, w, j) => s + w * v[j][c], 0)),
  );
  const count = t * n;
  const rows = weights.map((wi, i) => {
    const dz = z[i].map((zc, c) => (2 * (zc - p.target[i][c])) / count);
    const dWeights = v.map((vj) => vj.reduce((s, x, c) => s + x * dz[c], 0));
    const dot = wi.reduce((s, w, j) => s + w * dWeights[j], 0);
    const dScores = wi.map((w, j) => w * (dWeights[j] - dot));
    const dq = dScores.reduce((s, g, j) => s + g * k[j][b], 0) * scale;
    return { i, x: p.x[i][a], dq, dWeights, dScores };
  });
  return { a, b, scale, rows, total: rows.reduce((s, r) => s + r.x * r.dq, 0) };
}

/** 3 significant digits; tiny ones (~1e-5 near convergence) as 6.48e-6, never a run of zeros. */
const f = (x: number) =>
  x !== 0 && Math.abs(x) < 1e-3 ? formatSci(x, 2, 'math') : x.toPrecision(3);

/** The sum and the largest row's chain, in words and numbers. */
export function describeGradient(g: WeightGradient, tokens: readonly string[]): string[] {
  const top = g.rows.reduce((best, r) =>
    Math.abs(r.x * r.dq) > Math.abs(best.x * best.dq) ? r : best,
  );
  const sum = g.rows.map((r) => `${f(r.x)}·${f(r.dq)}`).join(' + ');
  return [
    `∂loss/∂W_query[${g.a + 1},${g.b + 1}] = Σᵢ xᵢ[${g.a + 1}] · ∂loss/∂qᵢ[${g.b + 1}] = ${sum} = ${f(g.total)}`,
    `largest term, query "${tokens[top.i]}": ∂loss/∂q[${g.b + 1}] = ${f(g.scale)} · Σⱼ ∂loss/∂ωⱼ · kⱼ[${g.b + 1}] = ${f(top.dq)}`,
    `softmax Jacobian: ∂loss/∂ωⱼ = wⱼ (gⱼ − Σₗ wₗ gₗ) = [${top.dScores.map(f).join(', ')}], from g = ∂loss/∂w = [${top.dWeights.map(f).join(', ')}]`,
  ];
}
