export { chipLabel } from './display.ts';
export { type Gpt2Tokenizer, loadGpt2Tokenizer, type Token, type Tokenized } from './gpt2-bpe.ts';
export { MAX_TEXT_CHARS, MAX_TOKENS } from './limits.ts';
