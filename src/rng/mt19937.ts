/**
 * The Mersenne Twister (mt19937), identical to std::mt19937 and at::mt19937, which backs
 * PyTorch's default CPU generator. Outputs unsigned 32-bit integers.
 */
const N = 624;
const M = 397;
/** 0x9908b0df as an int32, so the twist stays in small integers. */
const MATRIX_A = 0x9908b0df | 0;

export class MT19937 {
  private readonly mt = new Uint32Array(N);
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
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
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

  /** A copy of the state, so a stream can be resumed from here later. */
  snapshot(): { mt: Uint32Array; index: number } {
    return { mt: this.mt.slice(), index: this.index };
  }

  /** Resumes from a snapshot() taken on a generator of any seed. */
  restore(state: { mt: Uint32Array; index: number }): void {
    this.mt.set(state.mt);
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
  const y = (word & 0x80000000) | (following & 0x7fffffff);
  return far ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
}
