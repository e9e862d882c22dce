/**
 * Matrix products of the graph ops on the kernels' `gemm`: operands copied into the arena
 * (A transposed there when asked, B packed with its strides, which transposes it for free),
 * sums in float32 as the kernels make them (FMA in the relaxed build).
 */
import type { Product, Vec } from '../engine/graph/backward.ts';
import type { KernelArena } from './graph-memory.ts';

export interface MultiplyOptions {
  /** Added to every row (the projection's bias). */
  bias?: Float32Array | null;
  /** b is a weight: pack it once per array and keep the panels. */
  weight?: boolean;
}

export class GemmProducts {
  /** Packed panels of weight arrays, by orientation (as stored, transposed). */
  private readonly packed = [new WeakMap<Vec, Float32Array>(), new WeakMap<Vec, Float32Array>()];

  constructor(private readonly arena: KernelArena) {}

  /**
   * out[m, n] = A @ B with A [m, k] (Aᵀ stored [k, m] when `ta`) and B [k, n] (Bᵀ stored [n, k]
   * when `tb`): a view into the arena, valid until its next reset (copy it to keep it).
   */
  multiply(
    a: Vec,
    b: Vec,
    [m, k, n]: readonly [number, number, number],
    [ta, tb]: readonly [boolean, boolean],
    options: MultiplyOptions = {},
  ): Float32Array {
    const { arena } = this;
    arena.reset();
    const aAt = ta ? arena.putTransposed(a, k, m) : arena.put(a);
    const bAt = this.pack(b, k, n, tb, options.weight ?? false);
    // gemm reads the bias a panel (8 floats) at a time.
    const biasAt = options.bias ? arena.put(options.bias, panelWidth(n)) : 0;
    const c = arena.alloc(m * n);
    arena.ex.gemm(aAt, k, bAt, k, n, c, n, biasAt, 0, m, 0);
    return arena.f32(c, m * n);
  }

  /** The product widened to float64, as the backward walk takes it. */
  readonly product: Product = (a, b, m, k, n, ta, tb) =>
    new Float64Array(this.multiply(a, b, [m, k, n], [ta, tb]));

  private pack(b: Vec, k: number, n: number, tb: boolean, weight: boolean): number {
    const floats = panelWidth(n) * k;
    const known = weight ? this.packed[tb ? 1 : 0].get(b) : undefined;
    if (known) return this.arena.put(known);
    const src = this.arena.put(b);
    const dst = this.arena.alloc(floats);
    // B[p, j] = b[p·n + j], or b[j·k + p] when stored transposed.
    this.arena.ex.pack(src, tb ? 1 : n, tb ? k : 1, k, n, dst);
    if (weight) this.packed[tb ? 1 : 0].set(b, this.arena.f32(dst, floats).slice());
    return dst;
  }
}

/** n rounded up to whole panels of 8 columns. */
function panelWidth(n: number): number {
  return Math.ceil(n / 8) * 8;
}
