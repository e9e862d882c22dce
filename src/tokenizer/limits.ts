import { CONTEXT_LENGTH } from '../gpt2/sizes.ts';

/** GPT-2's context: text past this many tokens is cut, with a note. */
export const MAX_TOKENS = CONTEXT_LENGTH;
/**
 * Characters of text the step accepts at all (a link or a paste past this is refused with a
 * message): 1,024 tokens are rarely more than ~10 K characters; 100 K leaves room for odd text.
 */
export const MAX_TEXT_CHARS = 100_000;
