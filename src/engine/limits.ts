/** Sizes the engine accepts. The page keeps the chapter small; the benchmark goes to GPT-2 scale. */
export const LIMITS = {
  maxTokens: 2048,
  maxDIn: 1024,
  maxDOut: 1024,
  maxHeads: 64,
  maxBatch: 8,
  /** Total elements of the largest intermediate ([batch, heads, T, T]). */
  maxElements: 64 * 1024 * 1024,
  /** Largest |value| of an embedding: keeps every product and sum far from float32 overflow. */
  maxAbsValue: 1e6,
  /** torch.manual_seed accepts [-2^63, 2^64); we take the non-negative safe integers. */
  maxSeed: Number.MAX_SAFE_INTEGER,
} as const;
