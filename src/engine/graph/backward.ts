import type { Values } from './execute.ts';
import { blocksOf, type Graph, type GraphNode } from './ir.ts';
import { hiddenAt } from './kernels.ts';
import type { OpSet } from './op-set.ts';

/** Gradients by node name, in float64 (the forward values they start from are float32). */
export type Grads = Map<string, Float64Array>;

export type Vec = Float32Array | Float64Array;

/**
 * out[m, n] = A @ B with A [m, k] (or Aᵀ stored [k, m] when `ta`) and B [k, n] (or Bᵀ stored
 * [n, k] when `tb`): the products every gradient of `linear` and the two matmuls is made of.
 */
export type Product = (
  a: Vec,
  b: Vec,
  m: number,
  k: number,
  n: number,
  ta: boolean,
  tb: boolean,
) => Float64Array;

/**
 * Reverse-mode differentiation of the graph: starting from `seed` (d loss / d `from`), walks the
 * nodes backwards and gives d loss / d every node, inputs and parameters included. Each op's
 * backward is below, written against the same shapes its forward kernel uses.
 */
export function backward(
  graph: Graph,
  values: Values,
  from: string,
  seed: Float64Array,
  ops: Pick<OpSet, 'backward'> = { backward: opBackward },
): Grads {
  const grads: Grads = new Map([[from, seed]]);
  const shapes = new Map(graph.nodes.map((n) => [n.name, n.shape]));
  const accumulate = (name: string, g: Float64Array) => {
    const have = grads.get(name);
    if (!have) grads.set(name, g);
    else for (let i = 0; i < g.length; i++) have[i] += g[i];
  };
  for (let n = graph.nodes.length - 1; n >= 0; n--) {
    const node = graph.nodes[n];
    const g = grads.get(node.name);
    if (!g || node.op === 'input' || node.op === 'param') continue;
    const inputs = node.inputs.map((name) => values.get(name) as Float32Array);
    const inShapes = node.inputs.map((name) => shapes.get(name) as number[]);
    const out = values.get(node.name) as Float32Array;
    ops.backward(node, g, inputs, inShapes, out).forEach((dx, i) => {
      if (dx) accumulate(node.inputs[i], dx);
    });
  }
  return grads;
}

/**
 * d loss / d each input of `node` (null for inputs that take no gradient, e.g. masks), with the
 * matrix products on `product` (the reference's float64 sums unless told).
 */
export function opBackward(
  node: GraphNode,
  g: Float64Array,
  inputs: Float32Array[],
  shapes: number[][],
  out: Float32Array,
  product: Product = float64Product,
): (Float64Array | null)[] {
  const [a, w] = inputs;
  switch (node.op) {
    case 'linear': {
      const [k, n] = shapes[1];
      const rows = a.length / k;
      const dx = product(g, w, rows, n, k, false, true); // g @ Wᵀ
      const dw = product(a, g, k, rows, n, true, false); // xᵀ @ g
      const grads: (Float64Array | null)[] = [dx, dw];
      if (inputs[2]) {
        const db = new Float64Array(n);
        for (let i = 0; i < rows; i++) for (let j = 0; j < n; j++) db[j] += g[i * n + j];
        grads.push(db);
      }
      return grads;
    }
    case 'split_heads': {
      const [b, h, t, hd] = node.shape;
      return [swapAxes12(g, b, h, t, hd)];
    }
    case 'merge_heads': {
      const [b, h, t, hd] = shapes[0];
      return [swapAxes12(g, b, t, h, hd)];
    }
    case 'stack_heads': {
      const [b, h, t, hd] = node.shape;
      const block = t * hd;
      return inputs.map((_, hi) => {
        const dx = new Float64Array(b * block);
        for (let bi = 0; bi < b; bi++)
          dx.set(g.subarray((bi * h + hi) * block, (bi * h + hi + 1) * block), bi * block);
        return dx;
      });
    }
    case 'repeat_kv': {
      const [b, kv, t, hd] = shapes[0];
      const block = t * hd;
      const dx = new Float64Array(b * kv * block);
      for (let bi = 0; bi < b; bi++)
        for (let gi = 0; gi < kv; gi++)
          for (let r = 0; r < node.repeats; r++) {
            const from = ((bi * kv + gi) * node.repeats + r) * block;
            for (let i = 0; i < block; i++) dx[(bi * kv + gi) * block + i] += g[from + i];
          }
      return [dx];
    }
    case 'matmul_qk':
      // S = Q Kᵀ: dQ = dS K, dK = dSᵀ Q.
      return perBlock(g, node.shape, a, shapes[0], w, shapes[1], (ds, q, k, m, kk, n) => [
        product(ds, k, m, n, kk, false, false),
        product(ds, q, n, m, kk, true, false),
      ]);
    case 'matmul_wv':
      // C = P V: dP = dC Vᵀ, dV = Pᵀ dC.
      return perBlock(g, node.shape, a, shapes[0], w, shapes[1], (dc, p, v, m, k, n) => [
        product(dc, v, m, n, k, false, true),
        product(p, dc, k, m, n, true, false),
      ]);
    case 'mask': {
      const dx = g.slice();
      const [b, h, rows, keys] = node.shape;
      const padding = inputs[1] ?? null;
      for (let bi = 0; bi < b; bi++)
        for (let hi = 0; hi < h; hi++)
          for (let i = 0; i < rows; i++)
            for (let j = 0; j < keys; j++)
              if (hiddenAt(node, padding, keys, bi, i, j))
                dx[((bi * h + hi) * rows + i) * keys + j] = 0;
      return [dx, null];
    }
    case 'scale':
      return [g.map((v) => v / node.divisor)];
    case 'softmax': {
      // dx = y ⊙ (g − Σ g ⊙ y), row by row.
      const { blocks, rows, cols } = blocksOf(node.shape);
      const dx = new Float64Array(g.length);
      for (let r = 0; r < blocks * rows; r++) {
        let dot = 0;
        for (let j = 0; j < cols; j++) dot += g[r * cols + j] * out[r * cols + j];
        for (let j = 0; j < cols; j++)
          dx[r * cols + j] = out[r * cols + j] * (g[r * cols + j] - dot);
      }
      return [dx];
    }
    case 'dropout':
      return [g.map((v, i) => v * w[i]), null];
    default:
      throw new Error(`no gradient through ${node.op} (${node.name})`);
  }
}

/** A `Product` summed in float64. */
const float64Product: Product = (a, b, m, k, n, ta, tb) => {
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let p = 0; p < k; p++) {
      const x = ta ? a[p * m + i] : a[i * k + p];
      if (x === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j] += x * (tb ? b[j * k + p] : b[p * n + j]);
    }
  }
  return out;
};

type BlockGrads = (
  g: Float64Array,
  a: Float32Array,
  b: Float32Array,
  m: number,
  k: number,
  n: number,
) => [Float64Array, Float64Array];

/** A product's backward on every [.., rows, cols] block: (dA, dB) for A [m, k] @ B-ish [.., n]. */
function perBlock(
  g: Float64Array,
  gShape: number[],
  a: Float32Array,
  aShape: number[],
  b: Float32Array,
  bShape: number[],
  grads: BlockGrads,
): Float64Array[] {
  const A = blocksOf(aShape);
  const B = blocksOf(bShape);
  const G = blocksOf(gShape);
  const da = new Float64Array(a.length);
  const db = new Float64Array(b.length);
  const [as, bs, gs] = [A.rows * A.cols, B.rows * B.cols, G.rows * G.cols];
  for (let i = 0; i < G.blocks; i++) {
    const [x, y] = grads(
      g.subarray(i * gs, (i + 1) * gs),
      a.subarray(i * as, (i + 1) * as),
      b.subarray(i * bs, (i + 1) * bs),
      A.rows,
      A.cols,
      G.cols,
    );
    da.set(x, i * as);
    db.set(y, i * bs);
  }
  return [da, db];
}

/** [d0, d1, d2, d3] → [d0, d2, d1, d3]. */
function swapAxes12(x: Float64Array, d0: number, d1: number, d2: number, d3: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < d0; i++)
    for (let j = 0; j < d1; j++)
      for (let k = 0; k < d2; k++) {
        const from = ((i * d1 + j) * d2 + k) * d3;
        out.set(x.subarray(from, from + d3), ((i * d2 + k) * d1 + j) * d3);
      }
  return out;
}
