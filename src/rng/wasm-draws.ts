/**
 * The GPT-2 step's table draws in WebAssembly (`assembly/draws.ts`): mt19937's twist (SIMD),
 * `torch.rand`'s uniforms, `uniform_` and `normal_` — the same bits as the TypeScript generator,
 * several times faster, and compiled ahead rather than warmed up by a cold worker's JIT.
 */
import { linearBounds } from './generator.ts';
import type { MT19937 } from './mt19937.ts';

/** Who does mt19937's twists when a stream is skipped: TypeScript's loop, or this module's. */
export type Twister = (state: Int32Array, twists: number) => void;

interface DrawExports {
  memory: WebAssembly.Memory;
  twist(count: number): void;
  rand24(dst: number, count: number, index: number): number;
  affine(dst: number, count: number, lo: number, range: number): void;
  normal16(dst: number, count: number, mean: number, std: number): void;
  /** 1 where the relaxed build's f32x4.relaxed_madd rounds once: the *_fma functions then apply. */
  fused(a: number): number;
  normal16_fma(dst: number, count: number, mean: number, std: number): void;
  affine_fma(dst: number, count: number, lo: number, range: number): void;
}

const N = 624;
/**
 * Values per call: WebAssembly has no on-stack replacement, so a call that started in the
 * baseline tier ends there; in pieces, the later ones run the optimised code.
 */
const PIECE = 1 << 15;
/** Where the values start: after the state's 624 words. */
const VALUES = 4096;
const PAGE = 65536;
const f32 = Math.fround;

export class WasmDraws {
  private readonly x: DrawExports;
  /**
   * Whether normal_ and uniform_ run four lanes at a time on a fused multiply-add (the relaxed
   * build where its madd rounds once: the same bits as fma32, several times faster).
   */
  readonly usesFma: boolean;

  /**
   * `module`: a compiled `build/draws.wasm` or `build/draws-relaxed.wasm` (`npm run build:wasm`;
   * the relaxed one where relaxed SIMD validates).
   */
  constructor(module: WebAssembly.Module) {
    this.x = new WebAssembly.Instance(module, {}).exports as unknown as DrawExports;
    this.usesFma = this.x.fused(f32(1 + 2 ** -12)) === 1;
  }

  readonly twister: Twister = (state, twists) => {
    const words = new Int32Array(this.x.memory.buffer, 0, N);
    words.set(state);
    this.x.twist(twists);
    state.set(words);
  };

  /** `torch.rand(count)` from `mt`, which is advanced past them. */
  rand(mt: MT19937, count: number): Float32Array {
    return this.draw(mt, count, null);
  }

  /** `torch.randn`'s vectorised path, `count` a multiple of 16: `normal_(mean, std)`. */
  normal(mt: MT19937, count: number, mean = 0, std = 1): Float32Array {
    if (count % 16 !== 0) throw new Error(`normal draws come in blocks of 16, not ${count}`);
    return this.draw(mt, count, (at, n) => this.normal16(at, n, mean, std));
  }

  /** `normalBlock16` on each block of 16 of `uniforms` (a multiple of 16), into a new array. */
  normalOf(uniforms: Float32Array, mean = 0, std = 1): Float32Array {
    if (uniforms.length % 16 !== 0) throw new Error('normal draws come in blocks of 16');
    this.room(uniforms.length);
    new Float32Array(this.x.memory.buffer, VALUES, uniforms.length).set(uniforms);
    pieces(uniforms.length, (at, n) => this.normal16(at, n, mean, std));
    return new Float32Array(this.x.memory.buffer, VALUES, uniforms.length).slice();
  }

  /** `nn.Linear`'s kaiming-uniform weight [out, in], then its bias (see TorchGenerator.linear). */
  linear(mt: MT19937, inFeatures: number, outFeatures: number, bias: boolean) {
    const { weight: w, bias: b } = linearBounds(inFeatures);
    const weight = this.uniform(mt, inFeatures * outFeatures, -w, w);
    return { weight, bias: bias ? this.uniform(mt, outFeatures, -b, b) : null };
  }

  /** `torch.empty(count).uniform_(a, b)`. */
  private uniform(mt: MT19937, count: number, a: number, b: number): Float32Array {
    const lo = f32(a);
    const range = f32(f32(b) - lo);
    return this.draw(mt, count, (at, n) =>
      this.usesFma ? this.x.affine_fma(at, n, lo, range) : this.x.affine(at, n, lo, range),
    );
  }

  private normal16(at: number, n: number, mean: number, std: number): void {
    if (this.usesFma) this.x.normal16_fma(at, n, f32(mean), f32(std));
    else this.x.normal16(at, n, f32(mean), f32(std));
  }

  /** `count` uniforms drawn here from `mt`'s state, each piece `then` transformed, copied out. */
  private draw(mt: MT19937, count: number, then: Piecewise | null): Float32Array {
    const { memory } = this.x;
    this.room(count);
    const state = mt.snapshot();
    new Uint32Array(memory.buffer, 0, N).set(state.mt);
    let index = state.index;
    pieces(count, (at, n) => {
      index = this.x.rand24(at, n, index);
      then?.(at, n);
    });
    mt.restore({ mt: new Uint32Array(memory.buffer, 0, N), index });
    return new Float32Array(memory.buffer, VALUES, count).slice();
  }

  /** Grows the memory to hold `count` values. */
  private room(count: number): void {
    const { memory } = this.x;
    const need = VALUES + count * 4;
    if (memory.buffer.byteLength < need)
      memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
  }
}

/** Work on `n` values at byte offset `at` of the module's memory. */
type Piecewise = (at: number, n: number) => void;

/** `work` over `count` values from VALUES in pieces of PIECE (a multiple of 16). */
function pieces(count: number, work: Piecewise): void {
  for (let i = 0; i < count; i += PIECE) work(VALUES + i * 4, Math.min(PIECE, count - i));
}
