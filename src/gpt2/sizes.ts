/** The smallest GPT-2 (Exercise 3.3): vocabulary, width, context and heads. */
export const VOCAB_SIZE = 50257;
export const EMB_DIM = 768;
export const CONTEXT_LENGTH = 1024;
export const NUM_HEADS = 12;
export const HEAD_DIM = EMB_DIM / NUM_HEADS;

/**
 * Where each module's draws start in the seed's stream: `nn.Embedding(50257, 768)` and
 * `nn.Embedding(1024, 768)` each take one 32-bit draw per value (normal_'s 16-at-a-time path,
 * both sizes a multiple of 16), then MultiHeadAttention's four nn.Linear one draw per value.
 */
export const TOKEN_EMB_START = 0;
export const POS_EMB_START = VOCAB_SIZE * EMB_DIM;
export const MHA_START = POS_EMB_START + CONTEXT_LENGTH * EMB_DIM;
