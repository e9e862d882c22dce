import { fma32 } from './fma32.ts';
import { MT19937 } from './mt19937.ts';
import { normalBlock16 } from './normal.ts';

const f32 = Math.fround;
const TWO_POW_32 = 4294967296;
const TWO_POW_MINUS_24 = 2 ** -24;
const TWO_POW_MINUS_53 = 2 ** -53;

/** `nn.Linear`'s init bounds: kaiming_uniform_(a=√5) for the weight, 1/√in for the bias. */
export function linearBounds(inFeatures: number): { weight: number; bias: number } {
  // torch.nn.init computes these in Python doubles; √5 squared is 5.000000000000001 there too.
  const sqrt5 = Math.sqrt(5);
  const gain = Math.sqrt(2 / (1 + sqrt5 * sqrt5));
  return {
    weight: Math.sqrt(3) * (gain / Math.sqrt(inFeatures)),
    bias: inFeatures > 0 ? 1 / Math.sqrt(inFeatures) : 0,
  };
}

/**
 * PyTorch's default CPU generator after `torch.manual_seed(seed)`, bit for bit (Debian's torch,
 * non-MKL; the specification is ../shared/oracle/torch_rng.py). Draws advance one shared stream,
 * so calling these in the chapter's construction order reproduces the book's weights.
 */
export class TorchGenerator {
  private engine: MT19937;
  /** The scalar Box–Muller's second value, kept for the next call (cleared by a new seed). */
  private nextNormal: number | null = null;

  constructor(seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new Error(`seed must be a non-negative integer, got ${seed}`);
    }
    // torch seeds mt19937 with the low 32 bits of the 64-bit seed.
    this.engine = new MT19937(seed % TWO_POW_32);
  }

  /** The stream's state, to resume later with restore() (e.g. at a far point of the stream). */
  snapshot(): { mt: Uint32Array; index: number } {
    return this.engine.snapshot();
  }

  restore(state: { mt: Uint32Array; index: number }): void {
    this.engine.restore(state);
    this.nextNormal = null;
  }

  /** Advances the stream by `n` 32-bit draws without producing them. */
  skip(n: number): void {
    this.engine.skip(n);
  }

  /** One 32-bit draw. */
  random(): number {
    return this.engine.nextU32();
  }

  /** A uniform float32 in [0, 1) from 24 random bits, as `torch.rand` makes it. */
  private uniform01f32(): number {
    return (this.random() & 0xffffff) * TWO_POW_MINUS_24;
  }

  /** A uniform double in [0, 1) from the low 53 bits of two draws (high word first). */
  private uniform01f64(): number {
    const hi = this.random();
    const lo = this.random();
    return ((hi & 0x1fffff) * TWO_POW_32 + lo) * TWO_POW_MINUS_53;
  }

  /** `torch.rand(n)`. */
  rand(n: number): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uniform01f32();
    return out;
  }

  /** `torch.empty(n).uniform_(a, b)`: one fused multiply-add per value. */
  uniform(n: number, a: number, b: number): Float32Array {
    const lo = f32(a);
    const range = f32(f32(b) - lo);
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = fma32(this.uniform01f32(), range, lo);
    return out;
  }

  /**
   * `nn.Linear(inFeatures, outFeatures, bias)` initialisation: kaiming_uniform_(a=√5) on the
   * weight, stored [out][in] row-major as torch stores it, then the bias.
   */
  linear(inFeatures: number, outFeatures: number, bias: boolean): LinearInit {
    const bounds = linearBounds(inFeatures);
    const weight = this.uniform(inFeatures * outFeatures, -bounds.weight, bounds.weight);
    if (!bias) return { weight, bias: null };
    return { weight, bias: this.uniform(outFeatures, -bounds.bias, bounds.bias) };
  }

  /**
   * `torch.randn(n)` / `normal_(mean, std)` on a contiguous tensor of n values. Below 16 values:
   * scalar Box–Muller in double on 53-bit uniforms, caching the pair's second value. From 16 on:
   * n float32 uniforms first, then the AVX2 transform in blocks of 16; when n % 16 ≠ 0 the last
   * 16 slots get 16 fresh uniforms and are transformed again (torch's vectorised tail).
   */
  randn(n: number, mean = 0, std = 1): Float32Array {
    if (n < 16) return this.scalarNormals(n, mean, std);
    const data = this.rand(n);
    const m = f32(mean);
    const s = f32(std);
    for (let i = 0; i + 16 <= n; i += 16) normalBlock16(data, i, m, s);
    if (n % 16 !== 0) {
      data.set(this.rand(16), n - 16);
      normalBlock16(data, n - 16, m, s);
    }
    return data;
  }

  private scalarNormals(n: number, mean: number, std: number): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      let v: number;
      if (this.nextNormal !== null) {
        v = this.nextNormal;
        this.nextNormal = null;
      } else {
        const u1 = this.uniform01f64();
        const u2 = this.uniform01f64();
        const r = Math.sqrt(-2 * Math.log(1 - u2));
        const theta = 2 * Math.PI * u1;
        this.nextNormal = r * Math.sin(theta);
        v = r * Math.cos(theta);
      }
      out[i] = v * std + mean;
    }
    return out;
  }

  /** `torch.empty(n).bernoulli_(p)`: 1 with probability p, one 53-bit uniform per element. */
  bernoulli(n: number, p: number): Float32Array {
    const out = new Float32Array(n);
    for (let i = 0; i < n; i++) out[i] = this.uniform01f64() < p ? 1 : 0;
    return out;
  }

  /** The multiplier `nn.Dropout(p)` applies in training: 0 or float32(1 / float32(1 − p)). */
  dropoutMask(n: number, p: number): Float32Array {
    if (p === 0 || n === 0) return new Float32Array(n).fill(1);
    if (p === 1) return new Float32Array(n);
    const scale = f32(1 / f32(1 - p));
    const keep = this.bernoulli(n, 1 - p);
    for (let i = 0; i < n; i++) keep[i] *= scale;
    return keep;
  }
}

export interface LinearInit {
  /** [outFeatures, inFeatures], row-major (torch's layout). */
  weight: Float32Array;
  bias: Float32Array | null;
}
