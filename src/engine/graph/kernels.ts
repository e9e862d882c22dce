import { mergeHeads, splitHeads, stackHeads } from '../../tensor/heads.ts';
import {
  linear,
  type MatrixProduct,
  matmul,
  matmulTransB,
  transpose,
} from '../../tensor/matmul.ts';
import { naiveSoftmaxRows, softmaxRows } from '../../tensor/softmax.ts';
import { blocksOf, type GraphNode, type MaskAttrs } from './ir.ts';

/**
 * The reference executor's kernel for each op: today's bit-exact ones (float64 sums rounded once,
 * bias added after rounding, division by the float32 √d_k, softmax subtracting the max in
 * float64). `inputs` are the node's inputs' values, `shapes` their shapes.
 */
export function runKernel(
  node: GraphNode,
  inputs: Float32Array[],
  shapes: number[][],
): Float32Array {
  const [a, w] = inputs;
  const s = node.shape;
  switch (node.op) {
    case 'input':
    case 'param':
      throw new Error(`${node.name} is fed, not computed`);
    case 'linear': {
      const [rows, cols] = shapes[1];
      const n = a.length / rows;
      return linear(a, torchLayout(w, rows, cols), inputs[2] ?? null, n, rows, cols);
    }
    case 'split_heads':
      return splitHeads(a, s[0], s[2], s[1], s[3]);
    case 'stack_heads':
      return inputs.length === 1 ? a : stackHeads(inputs, s[0], s[2], s[3]);
    case 'repeat_kv':
      return repeatKv(a, shapes[0], node.repeats);
    case 'matmul_qk':
      return perBlock(a, w, shapes[0], shapes[1], s, matmulTransB);
    case 'mask':
      return mask(a, s, node, inputs[1] ?? null);
    case 'scale':
      return a.map((v) => v / node.divisor);
    case 'softmax': {
      const { blocks, rows, cols } = blocksOf(s);
      return (node.kind === 'naive' ? naiveSoftmaxRows : softmaxRows)(a, blocks * rows, cols);
    }
    case 'dropout':
      return a.map((v, i) => v * w[i]);
    case 'matmul_wv':
      return perBlock(a, w, shapes[0], shapes[1], s, matmul);
    case 'merge_heads': {
      const [b, h, t, hd] = shapes[0];
      return mergeHeads(a, b, t, h, hd);
    }
    case 'slice_rows':
      return sliceRows(a, shapes[0], node.from, node.to);
    case 'concat_rows':
      return concatRows(inputs, shapes, s);
  }
}

/** nn.Linear's [out, in] layout of an `x @ W` weight, kept per weight array (they are reused). */
const transposed = new WeakMap<Float32Array, Float32Array>();
function torchLayout(w: Float32Array, rows: number, cols: number): Float32Array {
  let t = transposed.get(w);
  if (!t) {
    t = transpose(w, rows, cols);
    transposed.set(w, t);
  }
  return t;
}

/** A product on every [.., rows, cols] block of a and b at once. */
export function perBlock(
  a: Float32Array,
  b: Float32Array,
  aShape: number[],
  bShape: number[],
  outShape: number[],
  product: MatrixProduct,
): Float32Array {
  const A = blocksOf(aShape);
  const B = blocksOf(bShape);
  const O = blocksOf(outShape);
  const out = new Float32Array(O.blocks * O.rows * O.cols);
  const [as, bs, os] = [A.rows * A.cols, B.rows * B.cols, O.rows * O.cols];
  for (let i = 0; i < O.blocks; i++) {
    product(
      a.subarray(i * as, (i + 1) * as),
      b.subarray(i * bs, (i + 1) * bs),
      A.rows,
      A.cols,
      O.cols,
      out.subarray(i * os, (i + 1) * os),
    );
  }
  return out;
}

/** Whether key j is hidden from query row i of batch bi (see MaskAttrs). */
export function hiddenAt(
  attrs: MaskAttrs,
  padding: Float32Array | null,
  keys: number,
  bi: number,
  i: number,
  j: number,
): boolean {
  return (
    (attrs.causal && j > attrs.rowStart + i) || (padding !== null && padding[bi * keys + j] !== 0)
  );
}

/** Scores [b, h, rows, keys] with the hidden ones replaced by `fill`. */
function mask(
  scores: Float32Array,
  shape: number[],
  attrs: MaskAttrs,
  padding: Float32Array | null,
): Float32Array {
  const out = scores.slice();
  const [b, h, rows, keys] = shape;
  if (!attrs.causal && !padding) return out;
  for (let bi = 0; bi < b; bi++) {
    for (let hi = 0; hi < h; hi++) {
      for (let i = 0; i < rows; i++) {
        const row = ((bi * h + hi) * rows + i) * keys;
        // Keys after the query are hidden when causal; before it, only padded ones.
        const after = attrs.causal ? Math.min(keys, attrs.rowStart + i + 1) : keys;
        out.fill(attrs.fill, row + after, row + keys);
        if (!padding) continue;
        for (let j = 0; j < after; j++) if (padding[bi * keys + j] !== 0) out[row + j] = attrs.fill;
      }
    }
  }
  return out;
}

function repeatKv(x: Float32Array, shape: number[], r: number): Float32Array {
  const [b, g, t, hd] = shape;
  const block = t * hd;
  const out = new Float32Array(b * g * r * block);
  for (let bi = 0; bi < b; bi++) {
    for (let gi = 0; gi < g; gi++) {
      const head = x.subarray((bi * g + gi) * block, (bi * g + gi + 1) * block);
      for (let k = 0; k < r; k++) out.set(head, ((bi * g + gi) * r + k) * block);
    }
  }
  return out;
}

function sliceRows(x: Float32Array, shape: number[], from: number, to: number): Float32Array {
  const { blocks, rows, cols } = blocksOf(shape);
  const n = (to - from) * cols;
  const out = new Float32Array(blocks * n);
  for (let i = 0; i < blocks; i++) {
    out.set(x.subarray(i * rows * cols + from * cols, i * rows * cols + to * cols), i * n);
  }
  return out;
}

function concatRows(parts: Float32Array[], shapes: number[][], outShape: number[]): Float32Array {
  const { blocks, rows, cols } = blocksOf(outShape);
  const out = new Float32Array(blocks * rows * cols);
  let at = 0;
  parts.forEach((part, p) => {
    const r = shapes[p][shapes[p].length - 2];
    for (let i = 0; i < blocks; i++) {
      out.set(part.subarray(i * r * cols, (i + 1) * r * cols), (i * rows + at) * cols);
    }
    at += r;
  });
  return out;
}
