/**
 * A batch of sentences of different lengths, left-padded as decoder LLMs pad (so every
 * sentence's last real token sits in the last column, where the next token is predicted).
 */
export interface Sentence {
  tokens: string[];
  embeddings: number[][];
}

export const PAD_TOKEN = '<pad>';

export interface PaddedBatch {
  /** Longest sentence's length: the batch's T. */
  T: number;
  /** Per sentence, T labels: PAD_TOKEN first, then its tokens. */
  tokens: string[][];
  /** [batch][T][d_in]: the pad embedding in the padded positions. */
  embeddings: number[][][];
  /** [batch][T]: 0 for padding, 1 for a token, as a tokenizer's attention_mask. */
  attention_mask: number[][];
}

export function leftPad(
  sentences: readonly Sentence[],
  padEmbedding: readonly number[],
): PaddedBatch {
  const T = Math.max(...sentences.map((s) => s.tokens.length));
  const tokens: string[][] = [];
  const embeddings: number[][][] = [];
  const attention_mask: number[][] = [];
  for (const s of sentences) {
    const pads = T - s.tokens.length;
    tokens.push([...Array<string>(pads).fill(PAD_TOKEN), ...s.tokens]);
    embeddings.push([
      ...Array.from({ length: pads }, () => [...padEmbedding]),
      ...s.embeddings.map((row) => [...row]),
    ]);
    attention_mask.push([
      ...Array<number>(pads).fill(0),
      ...Array<number>(s.tokens.length).fill(1),
    ]);
  }
  return { T, tokens, embeddings, attention_mask };
}

/** Which scores a mask hides, T × T, 1 = hidden. */
export type HiddenMatrix = Uint8Array;

/** The padding mask as the model applies it: every query is kept from every pad key. */
export function paddingHidden(maskRow: readonly number[]): HiddenMatrix {
  const T = maskRow.length;
  const out = new Uint8Array(T * T);
  for (let i = 0; i < T; i++) for (let j = 0; j < T; j++) out[i * T + j] = maskRow[j] === 0 ? 1 : 0;
  return out;
}

/** The chapter's causal mask: keys after the query are hidden. */
export function causalHidden(T: number): HiddenMatrix {
  const out = new Uint8Array(T * T);
  for (let i = 0; i < T; i++) for (let j = i + 1; j < T; j++) out[i * T + j] = 1;
  return out;
}

/** Both at once: a score is hidden when either mask hides it. */
export function combinedHidden(maskRow: readonly number[]): HiddenMatrix {
  const pad = paddingHidden(maskRow);
  const causal = causalHidden(maskRow.length);
  return pad.map((v, i) => v | causal[i]);
}

/** Query rows in which every key is hidden: with `-inf` their softmax is 0/0, NaN. */
export function blindRows(hidden: HiddenMatrix, T: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i < T; i++) {
    let all = true;
    for (let j = 0; j < T && all; j++) all = hidden[i * T + j] === 1;
    if (all) rows.push(i);
  }
  return rows;
}

/**
 * What leaving the mask off does to the real tokens: `unmasked − masked` of the output
 * [batch, T, width], on real tokens' rows only (pad rows are NaN: nothing to compare).
 */
export function paddingLeak(
  masked: Float32Array,
  unmasked: Float32Array,
  attentionMask: readonly (readonly number[])[],
  width: number,
): { diff: Float32Array; maxAbs: number; perSentence: number[] } {
  const T = attentionMask[0]?.length ?? 0;
  const diff = new Float32Array(attentionMask.length * T * width);
  const perSentence: number[] = [];
  let maxAbs = 0;
  attentionMask.forEach((row, b) => {
    let sentenceMax = 0;
    for (let t = 0; t < T; t++)
      for (let k = 0; k < width; k++) {
        const at = (b * T + t) * width + k;
        if (row[t] === 0) {
          diff[at] = Number.NaN;
          continue;
        }
        const d = unmasked[at] - masked[at];
        diff[at] = d;
        sentenceMax = Math.max(sentenceMax, Math.abs(d));
      }
    perSentence.push(sentenceMax);
    maxAbs = Math.max(maxAbs, sentenceMax);
  });
  return { diff, maxAbs, perSentence };
}
