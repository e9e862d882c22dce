/** Permalinks for Attention Lab: a view as a short URL hash, and back. */
export { type DecodedView, decodeView, encodeView, FALLBACK_STEP } from './codec.ts';
export { toFloat32Decimal } from './float32.ts';
export { FIELD_LABELS, messages } from './messages.ts';
export { CURRENT_VERSION, OLDEST_VERSION } from './migrations.ts';
export { isValidTokenName, viewStateSchema } from './schema.ts';
