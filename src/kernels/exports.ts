/** The kernel module's exports (src/kernels/assembly/index.ts); pointers are byte offsets. */
export interface KernelExports {
  gemm(
    a: number,
    lda: number,
    bp: number,
    k: number,
    n: number,
    c: number,
    ldc: number,
    bias: number,
    m0: number,
    m1: number,
    mode: number,
  ): void;
  pack(src: number, ldk: number, ldn: number, k: number, n: number, dst: number): void;
  attend_head(
    q: number,
    k: number,
    v: number,
    ld: number,
    t: number,
    hd: number,
    causal: number,
    div: number,
    scores: number,
    weights: number,
    kpack: number,
    vpack: number,
    ctx: number,
    ldctx: number,
    full: number,
    /** 0, or [T, 2] float32: each row's entropy and mean key index (softmax_rows). */
    stats: number,
  ): void;
  softmax_rows(
    s: number,
    w: number,
    ld: number,
    n: number,
    r0: number,
    r1: number,
    causal: number,
    div: number,
    zeroAll: number,
    stats: number,
  ): void;
  exp_array(src: number, dst: number, n: number): void;
  /**
   * A causal [T, T] map's S × S thumbnail of block maxima, its pixel rows from the one holding
   * map row `from` on (0: all of it).
   */
  thumbnail(w: number, t: number, s: number, dst: number, from: number): void;
}

export type KernelBuild = 'relaxed' | 'plain';

/** Pages of 64 KiB the memory may grow to (1 GiB): the modules declare this maximum. */
export const MAX_PAGES = 16384;

/** Shared for threads; a plain memory (and the `-single` builds) where shared memory is absent. */
export function sharedMemory(pages: number, shared = true): WebAssembly.Memory {
  return new WebAssembly.Memory({ initial: pages, maximum: MAX_PAGES, shared });
}

export function instantiate(module: WebAssembly.Module, memory: WebAssembly.Memory): KernelExports {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  return instance.exports as unknown as KernelExports;
}

/**
 * A module using `f32x4.relaxed_madd` (three v128.const, the FMA, end): valid only where the
 * engine supports relaxed SIMD, so it chooses between the FMA and the plain build.
 */
const RELAXED_PROBE = new Uint8Array([
  0,
  0x61,
  0x73,
  0x6d,
  1,
  0,
  0,
  0,
  1,
  5,
  1,
  0x60,
  0,
  1,
  0x7b,
  3,
  2,
  1,
  0,
  0x0a,
  0x3d,
  1,
  0x3b,
  0,
  ...[0, 1, 2].flatMap(() => [0xfd, 0x0c, ...new Array<number>(16).fill(0)]),
  0xfd,
  0x85,
  0x02,
  0x0b,
]);

export function relaxedSimdSupported(): boolean {
  return WebAssembly.validate(RELAXED_PROBE);
}

export function bestBuild(): KernelBuild {
  return relaxedSimdSupported() ? 'relaxed' : 'plain';
}
