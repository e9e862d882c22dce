import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';

/** gpt-tokenizer's GPT-2 ranks: one JavaScript array literal of 50,256 entries (~0.5 MB). */
const RANKS = /gpt-tokenizer[\\/]esm[\\/]bpeRanks[\\/]r50k_base\.js$/;

/**
 * Ships the GPT-2 tokenizer's ranks as `JSON.parse` of one string instead of a 50,256-element
 * array literal: V8 compiles a literal that size slowly (the GPT-2 step's worker spent seconds
 * compiling it on a loaded machine, before any token), while a string is scanned in one go and
 * JSON.parse is a fast path of its own. The same data: read from the package at build time.
 */
export function bpeRanksJson(): Plugin {
  return {
    name: 'attention-lab-bpe-ranks-json',
    async transform(_code, id) {
      if (!RANKS.test(id)) return null;
      const ranks: unknown = (await import(pathToFileURL(id).href)).default;
      if (!Array.isArray(ranks) || ranks.length < 50_000) throw new Error(`${id}: not the ranks`);
      return {
        code: `export default JSON.parse(${JSON.stringify(JSON.stringify(ranks))});\n`,
        map: null,
      };
    },
  };
}
