import { MT19937, type Twister } from '../rng/index.ts';

type State = ReturnType<MT19937['snapshot']>;

/**
 * Twists between two kept states: 242 of them (0.6 MB) on the way to the layer's weights. A row
 * of the token table is then at most 255 twists (~40 µs in WebAssembly) from one; keeping one
 * every 32 twists made 4.8 MB of snapshots, and fresh memory costs its page faults here.
 */
const STRIDE_TWISTS = 256;
/** Draws between two kept states. */
const STRIDE = 624 * STRIDE_TWISTS;

/**
 * Random access into one seed's mt19937 stream. Reaching draw 38 M costs 62 K twists once; the
 * states seen on the way are kept every STRIDE draws (about 2.5 KB each), so any later row of
 * the embedding table is at most STRIDE_TWISTS twists away. `twister` does the twists, on the
 * way and from a kept state (the WebAssembly SIMD loop in the step's worker; the TypeScript one
 * by default).
 */
export class SeekableStream {
  private readonly kept: State[] = [];
  private readonly frontier: MT19937;

  constructor(
    seed: number,
    private readonly twister?: Twister,
  ) {
    this.frontier = new MT19937(seed);
    this.kept.push(this.frontier.snapshot());
  }

  /** A generator whose next output is draw number `position` (0-based) of the stream. */
  at(position: number): MT19937 {
    const slot = Math.floor(position / STRIDE);
    while (this.kept.length <= slot) {
      this.frontier.skipTwists(STRIDE_TWISTS, this.twister);
      this.kept.push(this.frontier.snapshot());
    }
    const mt = new MT19937(0);
    mt.restore(this.kept[slot]);
    const offset = position - slot * STRIDE;
    const whole = Math.floor(offset / 624);
    mt.skipTwists(whole, this.twister);
    mt.skip(offset - whole * 624);
    return mt;
  }
}
