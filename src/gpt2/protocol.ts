import type { HeadSlice, TokenWindow } from '../headview/index.ts';
import type { Token } from '../tokenizer/index.ts';
import type { WorkerMark } from './timeline.ts';

/**
 * What the page draws now, so the worker sends only that: the grid's thumbnails and the context
 * strip when they are on screen, the full weights of the head opened large, and the head view's
 * window of tokens (every head, but only those rows and keys).
 */
export interface Gpt2Want {
  thumbs: boolean;
  context: boolean;
  head: number | null;
  window: TokenWindow | null;
}

/** The step's messages to and from its worker (src/gpt2/worker.ts). */
export interface RunRequest {
  kind: 'run';
  id: number;
  text: string;
  seed: number;
  want: Gpt2Want;
}

/** More of the last result (the learner scrolled, opened a head, moved the window): no recomputation. */
export interface FetchRequest {
  kind: 'fetch';
  id: number;
  want: Gpt2Want;
}

/**
 * What the step's client sends (each is answered, by id). A page starting on the step's link
 * also hands the worker that link to prepare, in its name (worker-name.ts).
 */
export type ClientRequest = RunRequest | FetchRequest;

/** The tensors a reply carries, each null when the view did not ask for it. */
export interface Gpt2Parts {
  /**
   * Side of each head's thumbnail, and the thumbnails [12, S, S] as colour indices 0 … 255 on
   * the log scale (`shadeRows` in thumbnails.ts): a quarter of the bytes of float32 weights.
   */
  thumbSize: number;
  thumbs: Uint8Array | null;
  /** The layer's output [T, 768]. */
  context_vecs: Float32Array | null;
  head: HeadWeights | null;
  /** The head view's window: one slice per head. */
  window: HeadSlice[] | null;
  /** Bytes of tensors in this reply (what crossed from the worker to the page). */
  bytes: number;
}

/** The first dimensions of each token's embeddings sent for the embedding table. */
export const EMB_PREVIEW = 8;

export interface RunResult extends Gpt2Parts {
  kind: 'result';
  id: number;
  seed: number;
  tokens: Token[];
  /** Tokens in the whole text (more than tokens.length when it was cut). */
  total: number;
  note: string | null;
  entropy: number[];
  lookback: number[];
  /** token_emb and pos_emb, first EMB_PREVIEW dimensions of each token: [T, EMB_PREVIEW]. */
  tok_emb: Float32Array;
  pos_emb: Float32Array;
  /** What computed the layer: "kernels, 2 threads" or "reference TS" (the fallback). */
  computedBy: string;
  /** Worker wall time for this request, tokenizing and drawing weights included. */
  ms: number;
  /** Wall time of this request's stretches in the worker (tokenize, layer, …), in ms. */
  phases: Record<string, number>;
  /** The worker's one-time stretches before this run (its start, the prepare), on the shared clock. */
  marks?: WorkerMark[];
}

export interface HeadWeights {
  index: number;
  t: number;
  /** [T, T] attention weights of the head. */
  weights: Float32Array;
}

export interface FetchResult extends Gpt2Parts {
  kind: 'fetch';
  id: number;
}

export interface Gpt2Error {
  kind: 'error';
  id: number;
  message: string;
}

export type Gpt2Response = RunResult | FetchResult | Gpt2Error;
