/** The TypeScript transliterations of the PyTorch classes the race compares. */

import { combinedQkv } from './combined-qkv.ts';
import { einsumLoops } from './einsum.ts';
import type { Implementation } from './model.ts';
import { multiHeadAttention } from './multi-head.ts';
import { multiHeadAttentionWrapper } from './wrapper.ts';

export type { Forward, Implementation, TorchShape } from './model.ts';

export const TORCH_CLASSES = {
  wrapper: multiHeadAttentionWrapper,
  'weight-split': multiHeadAttention,
  'combined-qkv': combinedQkv,
  einsum: einsumLoops,
} as const satisfies Record<string, Implementation>;
