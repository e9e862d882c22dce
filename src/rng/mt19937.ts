import type { Twister } from './wasm-draws.ts';

/**
 * The Mersenne Twister (mt19937), identical to std::mt19937 and at::mt19937, which backs
 * PyTorch's default CPU generator. Outputs unsigned 32-bit integers.
 */
const N = 624;
const M = 397;
/** The constants as int32, so the twist and the tempering stay in small integers. */
const MATRIX_A = 0x9908b0df | 0;
const UPPER = 0x80000000 | 0;
const TEMPER_B = 0x9d2c5680 | 0;
const TEMPER_C = 0xefc60000 | 0;

export class MT19937 {
  /**
   * The state's words as int32 (the same bits): a Uint32Array's words past 2^31 are doubles to
   * the JIT, which makes every twist several times slower.
   */
  private readonly mt = new Int32Array(N);
  private index = N;

  constructor(seed: number) {
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = this.mt[i - 1] ^ (this.mt[i - 1] >>> 30);
      // 1812433253 * prev + i, modulo 2^32: Math.imul keeps the low 32 bits exactly.
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  nextU32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & TEMPER_B;
    y ^= (y << 15) & TEMPER_C;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * Advances by `n` outputs without tempering them: whole twists are done in place, so skipping
   * 38.6 M draws (GPT-2's token table) costs only the twists.
   */
  skip(n: number): void {
    let left = n;
    while (left > 0) {
      if (this.index >= N) this.twist();
      const step = Math.min(left, N - this.index);
      this.index += step;
      left -= step;
    }
  }

  /**
   * `skip(624 × twists)`, the twists done by `twister` (the WebAssembly SIMD loop) when given
   * and the generator is at a twist boundary, as a seek's frontier always is.
   */
  skipTwists(twists: number, twister?: Twister): void {
    if (twister && this.index === N) twister(this.mt, twists);
    else this.skip(twists * N);
  }

  /** A copy of the state, so a stream can be resumed from here later. */
  snapshot(): { mt: Uint32Array; index: number } {
    return { mt: new Uint32Array(this.mt.buffer.slice(0)), index: this.index };
  }

  /** Resumes from a snapshot() taken on a generator of any seed. */
  restore(state: { mt: Uint32Array; index: number }): void {
    this.mt.set(new Int32Array(state.mt.buffer, state.mt.byteOffset, N));
    this.index = state.index;
  }

  /**
   * The state's next 624 words. Three loops instead of indices taken modulo N: the twist is
   * the whole cost of reaching the GPT-2 step's layer weights (62 K twists).
   */
  private twist(): void {
    const mt = this.mt;
    let i = 0;
    for (; i < N - M; i++) mt[i] = next(mt[i], mt[i + 1], mt[i + M]);
    for (; i < N - 1; i++) mt[i] = next(mt[i], mt[i + 1], mt[i + M - N]);
    mt[N - 1] = next(mt[N - 1], mt[0], mt[M - 1]);
    this.index = 0;
  }
}

/** One word of the twist: the top bit of `word`, the low 31 of `following`, mixed into `far`. */
function next(word: number, following: number, far: number): number {
  const y = (word & UPPER) | (following & 0x7fffffff);
  return far ^ (y >>> 1) ^ (-(y & 1) & MATRIX_A);
}
