import type { Token } from '../tokenizer/index.ts';

/** The step's messages to and from its worker (src/gpt2/worker.ts). */
export interface RunRequest {
  kind: 'run';
  id: number;
  text: string;
  seed: number;
  /** The head opened large, whose full T × T weights are sent; null when none is open. */
  head: number | null;
}

/** Only the full weights of one head (the learner opened another): no recomputation. */
export interface HeadRequest {
  kind: 'head';
  id: number;
  head: number;
}

export type Gpt2Request = RunRequest | HeadRequest;

/** The first dimensions of each token's embeddings sent for the embedding table. */
export const EMB_PREVIEW = 8;

export interface RunResult {
  kind: 'result';
  id: number;
  seed: number;
  tokens: Token[];
  /** Tokens in the whole text (more than tokens.length when it was cut). */
  total: number;
  note: string | null;
  /** Side of each head's thumbnail, and the thumbnails [12, S, S] (see thumbnails.ts). */
  thumbSize: number;
  thumbs: Float32Array;
  entropy: number[];
  lookback: number[];
  /** The layer's output [T, 768]. */
  context_vecs: Float32Array;
  /** token_emb and pos_emb, first EMB_PREVIEW dimensions of each token: [T, EMB_PREVIEW]. */
  tok_emb: Float32Array;
  pos_emb: Float32Array;
  head: HeadWeights | null;
  /** Worker wall time for this request, tokenizing and drawing weights included. */
  ms: number;
}

export interface HeadWeights {
  index: number;
  t: number;
  /** [T, T] attention weights of the head. */
  weights: Float32Array;
}

export interface HeadResult {
  kind: 'head';
  id: number;
  head: HeadWeights | null;
}

export interface Gpt2Error {
  kind: 'error';
  id: number;
  message: string;
}

export type Gpt2Response = RunResult | HeadResult | Gpt2Error;
