import {
  KernelMha,
  type MhaShape,
  type MhaTensor,
  type MhaWeights as PackedWeights,
} from '../kernels/mha.ts';
import type { Team } from '../kernels/team.ts';
import type { MhaWeights } from './embeddings.ts';
import { causalMha, extendLayer, type LayerResult } from './layer.ts';
import { EMB_DIM, NUM_HEADS } from './sizes.ts';
import { thumbSize } from './thumbnails.ts';

/** What computes the step's layer, and the name the status line gives it. */
export interface LayerRunner {
  readonly label: string;
  /** The layer on x [T, 768]; its tensors may be views valid until the next call. */
  run(x: Float32Array, t: number, w: MhaWeights): LayerResult;
  /**
   * The layer on a text whose first `from` tokens are those of `prev`'s: only the rows from
   * `from` on are computed (causal attention), `x` holding their inputs [T − from, 768]. `prev`
   * may be updated in place; it is not to be read afterwards, the result is.
   */
  extend(prev: LayerResult, x: Float32Array, t: number, from: number, w: MhaWeights): LayerResult;
  /** Most changed rows `extend` computes at T tokens before a whole pass costs less. */
  rowLimit(t: number): number;
  /**
   * Work the next `extend` would do first, done ahead in idle time after a whole pass (the
   * kernels pack every head's keys and values); the last result's tensors stay valid.
   */
  prepareEdits?(): void;
  /**
   * Readies what a first pass of up to `t` tokens writes to (the kernels: the memory's pages,
   * faulted in on the helper threads), without waiting: called while the page loads.
   */
  prefault?(t: number): void;
}

/**
 * The plain TypeScript layer: where the kernels cannot start (no WebAssembly SIMD). Its rows
 * cost 2.4 M multiply-adds each in float64 against the kernels' pass on every row, so an edit
 * computes a few rows only.
 */
export const referenceLayer: LayerRunner = {
  label: 'reference TS',
  run: causalMha,
  extend: extendLayer,
  rowLimit: (t) => Math.max(4, Math.floor(t / 48)),
};

/**
 * Most changed rows the kernels compute on one thread before a whole pass (every row, all
 * threads) costs less: a quarter leaves room for the later rows' longer attention.
 */
const KERNEL_ROW_SHARE = 4;

/** The kernels keep no scores (`scoresInPlace`): the layer's attn_scores is empty. */
const NO_SCORES = new Float32Array(0);

/** The kernels' shape of the chapter's MultiHeadAttention(768, 768, num_heads=12), causal. */
function shapeOf(t: number): MhaShape {
  const d = EMB_DIM;
  return {
    batch: 1,
    t,
    dIn: d,
    dOut: d,
    heads: NUM_HEADS,
    causal: true,
    scaled: true,
    full: true,
    scoresInPlace: true,
    rowStats: true,
    thumbSide: thumbSize(t),
  };
}

/**
 * The layer on the WebAssembly SIMD kernels (src/kernels): the same forward as `causalMha` in
 * float32, on the team's threads. Every head's weights are kept (`full`; the scores are not: the
 * softmax overwrites them in place), and read in place from the kernels' memory: the session
 * copies only what the page draws.
 */
export class KernelLayer implements LayerRunner {
  private readonly mha: KernelMha;
  /** One kernel weight set per seed's weights: KernelMha packs again only when it changes. */
  private readonly packed = new WeakMap<MhaWeights, PackedWeights>();
  /** The result whose tensors the kernels' memory holds now. */
  private live: LayerResult | null = null;

  constructor(team: Team) {
    this.mha = new KernelMha(team);
  }

  /**
   * One small pass and one small edit at startup, so the kernels' hot loops are compiled by the
   * optimizing tier before the learner's first text (WebAssembly starts on the baseline compiler).
   */
  warm(): void {
    this.live = null;
    const t = 32;
    const zero = new Float32Array(EMB_DIM * EMB_DIM);
    const weights = {
      W_query: zero,
      W_key: zero,
      W_value: zero,
      b_query: null,
      b_key: null,
      b_value: null,
      out_proj: { weight: zero, bias: null },
    };
    const x = new Float32Array(t * EMB_DIM);
    // On this thread alone: the helpers may be faulting memory in (`prefault`), and they run the
    // same compiled code, which tiers up for every thread at once.
    this.mha.forward(shapeOf(t), weights, x, true);
    // And an edit's path (its rows' small products, the packing of the kept keys and values):
    // without it the learner's first edit ran on baseline code, two to three times slower.
    this.mha.forwardRows(shapeOf(t), weights, x, t - 2);
  }

  get label(): string {
    const n = this.mha.threads;
    return `kernels, ${n} thread${n === 1 ? '' : 's'}`;
  }

  run(x: Float32Array, t: number, w: MhaWeights): LayerResult {
    this.mha.forward(shapeOf(t), this.weightsOf(w), x);
    return this.result(t);
  }

  /**
   * The changed rows on the kernels, in place when `prev` is the last result here (an edit that
   * kept T); else `prev`'s first rows are written into the layout of T first (the text grew or
   * shrank, or an earlier edit was computed elsewhere).
   */
  extend(prev: LayerResult, x: Float32Array, t: number, from: number, w: MhaWeights): LayerResult {
    const packed = this.weightsOf(w);
    if (prev !== this.live || prev.t !== t) {
      const tensors: Record<MhaTensor, Float32Array> = {
        q: prev.q,
        k: prev.k,
        v: prev.v,
        ctx: prev.ctx,
        out: prev.context_vecs,
        scores: prev.attn_scores,
        weights: prev.attn_weights,
      };
      this.mha.restore(shapeOf(t), packed, tensors, prev.t, from);
    }
    this.mha.forwardRows(shapeOf(t), packed, x, from);
    return this.result(t);
  }

  rowLimit(t: number): number {
    return Math.max(8, Math.floor(t / KERNEL_ROW_SHARE));
  }

  prepareEdits(): void {
    if (this.live) this.mha.prepareRows();
  }

  prefault(t: number): void {
    if (t > 0) this.mha.prefault(shapeOf(t));
  }

  /** The last pass's tensors, views of the kernels' memory (`live` until the next pass). */
  private result(t: number): LayerResult {
    this.live = {
      t,
      q: this.mha.view('q'),
      k: this.mha.view('k'),
      v: this.mha.view('v'),
      ctx: this.mha.view('ctx'),
      attn_scores: NO_SCORES,
      attn_weights: this.mha.view('weights'),
      context_vecs: this.mha.view('out'),
      row_stats: this.mha.view('stats'),
      thumbs: this.mha.view('thumbs'),
    };
    return this.live;
  }

  private weightsOf(w: MhaWeights): PackedWeights {
    let p = this.packed.get(w);
    if (!p) {
      p = {
        W_query: w.W_query.weight,
        W_key: w.W_key.weight,
        W_value: w.W_value.weight,
        b_query: w.W_query.bias,
        b_key: w.W_key.bias,
        b_value: w.W_value.bias,
        out_proj: { weight: w.out_proj.weight, bias: w.out_proj.bias },
      };
      this.packed.set(w, p);
    }
    return p;
  }
}
