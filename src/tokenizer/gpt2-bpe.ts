import { formatCount } from '../chapter/format.ts';
import { MAX_TOKENS } from './limits.ts';

/** One BPE token: its id in GPT-2's vocabulary and the text it stands for. */
export interface Token {
  id: number;
  text: string;
}

export interface Tokenized {
  tokens: Token[];
  /** Tokens the whole text has; more than tokens.length when it was cut. */
  total: number;
  /** What the learner should know about the text, or null. */
  note: string | null;
}

export interface Gpt2Tokenizer {
  tokenize(text: string): Tokenized;
}

/** Special tokens are treated as plain text, as tiktoken's encode_ordinary does. */
const PLAIN = { disallowedSpecial: new Set<string>() };

let loading: Promise<Gpt2Tokenizer> | null = null;

/**
 * GPT-2's byte-level BPE (tiktoken's r50k_base / "gpt2": the vocabulary of 50,257 tokens), from
 * the npm package gpt-tokenizer. Its ranks (~1 MB of JS) are imported on first use, so they ship
 * from our own origin but never in the first paint's bundle.
 */
export function loadGpt2Tokenizer(): Promise<Gpt2Tokenizer> {
  loading ??= import('gpt-tokenizer/encoding/r50k_base').then(({ encode, decode }) => ({
    tokenize(text: string): Tokenized {
      const ids = encode(text, PLAIN);
      const kept = ids.slice(0, MAX_TOKENS);
      const tokens = kept.map((id) => ({ id, text: decode([id]) }));
      let note: string | null = null;
      if (ids.length === 0) note = 'The text is empty: type a sentence to see its tokens.';
      else if (ids.length > MAX_TOKENS) {
        note = `The text has ${formatCount(ids.length)} tokens; GPT-2's context holds ${formatCount(MAX_TOKENS)}, so only the first ${formatCount(MAX_TOKENS)} are used.`;
      }
      return { tokens, total: ids.length, note };
    },
  }));
  return loading;
}
