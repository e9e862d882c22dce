/**
 * The engine's graph on our WASM SIMD kernels: the same `execute` and `backward` walk as the
 * reference, with the products (`linear`, `matmul_qk`, `matmul_wv` and their gradients) on
 * `gemm` and the stable softmax on `softmax_rows`; reshapes, masks, scaling, dropout and the
 * naive softmax are the reference's own kernels. One thread, this instance: the same numbers
 * every run.
 */
import { opBackward } from '../engine/graph/backward.ts';
import { blocksOf } from '../engine/graph/ir.ts';
import { perBlock, runKernel } from '../engine/graph/kernels.ts';
import type { BackwardOp, ForwardOp, OpSet } from '../engine/graph/op-set.ts';
import type { MatrixProduct } from '../tensor/matmul.ts';
import type { KernelExports } from './exports.ts';
import { KernelArena } from './graph-memory.ts';
import { GemmProducts } from './graph-products.ts';

export class KernelGraphOps implements OpSet {
  private readonly arena: KernelArena;
  private readonly gemm: GemmProducts;

  /** `ex` instantiated on `memory`, used by nothing else (the ops overwrite it freely). */
  constructor(ex: KernelExports, memory: WebAssembly.Memory) {
    this.arena = new KernelArena(ex, memory);
    this.gemm = new GemmProducts(this.arena);
  }

  readonly forward: ForwardOp = (node, inputs, shapes) => {
    const [a, w] = inputs;
    switch (node.op) {
      case 'linear': {
        const [k, n] = shapes[1];
        const options = { bias: inputs[2] ?? null, weight: true };
        return this.gemm.multiply(a, w, [a.length / k, k, n], [false, false], options).slice();
      }
      case 'matmul_qk':
        return perBlock(a, w, shapes[0], shapes[1], node.shape, this.blocks(true));
      case 'matmul_wv':
        return perBlock(a, w, shapes[0], shapes[1], node.shape, this.blocks(false));
      case 'softmax':
        if (node.kind === 'stable') return this.softmax(a, node.shape);
        break;
    }
    return runKernel(node, inputs, shapes);
  };

  readonly backward: BackwardOp = (node, g, inputs, shapes, out) =>
    opBackward(node, g, inputs, shapes, out, this.gemm.product);

  /** One block's a @ b (or a @ bᵀ for q · kᵀ, keys stored [T, hd]). */
  private blocks(transposeB: boolean): MatrixProduct {
    return (a, b, m, k, n, out = new Float32Array(m * n)) => {
      out.set(this.gemm.multiply(a, b, [m, k, n], [false, transposeB]));
      return out;
    };
  }

  /** exp(x − max) / Σ exp(x − max) per row; hidden (−∞) scores give 0, as in the reference. */
  private softmax(x: Float32Array, shape: number[]): Float32Array {
    const { blocks, rows, cols } = blocksOf(shape);
    this.arena.reset();
    const at = this.arena.put(x);
    // Already masked and scaled by the graph: no causal cut, divisor 1, every entry written.
    this.arena.ex.softmax_rows(at, at, cols, cols, 0, blocks * rows, 0, 1, 1, 0);
    return this.arena.f32(at, x.length).slice();
  }
}
