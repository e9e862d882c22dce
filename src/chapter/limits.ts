/**
 * What a shared view may hold. The engine accepts far more (src/engine/limits.ts); the page keeps
 * the chapter small enough that every number stays readable on screen, and a link that asks for
 * more is clamped to these rather than refused. The app imports these for its own inputs too, so
 * an edited view can always be shared.
 */

/** Tokens (rows of the embeddings). */
export const MIN_TOKENS = 1;
export const MAX_TOKENS = 32;

/** Embedding dimensions (d_in, the length of every row). */
export const MIN_D_IN = 1;
export const MAX_D_IN = 16;

/** Output dimension of the query/key/value projections. */
export const MIN_D_OUT = 1;
export const MAX_D_OUT = 64;

/** Attention heads; d_out must also be a multiple of the head count. */
export const MIN_HEADS = 1;
export const MAX_HEADS = 8;

/** The seed is a 32-bit unsigned integer, so it survives any RNG the backends use. */
export const MIN_SEED = 0;
export const MAX_SEED = 2 ** 32 - 1;

/** Dropout rate; 1 would drop every weight and leave nothing to look at. */
export const MIN_DROPOUT = 0;
export const MAX_DROPOUT = 0.95;

/** Largest |x| of an embedding value; far beyond this the softmax is all 0s and 1s anyway. */
export const MAX_EMBEDDING_MAGNITUDE = 1e6;

/** Token names, counted in Unicode code points, after trimming spaces at both ends. */
export const MIN_TOKEN_NAME_LENGTH = 1;
export const MAX_TOKEN_NAME_LENGTH = 40;

/**
 * Resource guards for hostile links. The largest valid view packs to roughly 10,000 characters;
 * these are far above that, so they only stop links built to exhaust memory or time.
 */
export const MAX_LINK_LENGTH = 100_000;
/** Bytes of JSON a link may unpack to (a "zip bomb" guard); enough to read, then clamp, 10^6-wide rows. */
export const MAX_UNPACKED_BYTES = 16 * 1024 * 1024;
