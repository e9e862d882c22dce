/**
 * §3.6.2's toy tensor `a` of shape (b, num_heads, num_tokens, head_dim) = (1, 2, 3, 4), as the
 * book types it in: the step-local state of 3.6.2, editable and carried by the permalink.
 */
import { z } from 'zod';
import { MAX_EMBEDDING_MAGNITUDE } from '../limits.ts';
import type { LocalField } from './types.ts';

export type Tensor4 = number[][][][];

export const TOY_SHAPE = [1, 2, 3, 4] as const;

/** The book's `a` (/work/shared/oracle/book_inputs.json, section_3_6_2_a). */
export const BOOK_A: Tensor4 = [
  [
    [
      [0.2745, 0.6584, 0.2775, 0.8573],
      [0.8993, 0.039, 0.9268, 0.7388],
      // biome-ignore lint/suspicious/noApproximativeNumericConstant: the book's value, not log10(e)
      [0.7179, 0.7058, 0.9156, 0.434],
    ],
    [
      [0.0772, 0.3565, 0.1479, 0.5331],
      [0.4066, 0.2318, 0.4545, 0.9737],
      [0.4606, 0.5159, 0.422, 0.5786],
    ],
  ],
];

/** An array of exactly `n` items of `item`. */
const exactly = <T extends z.ZodType>(item: T, n: number) => z.array(item).length(n);

const value = z.number().min(-MAX_EMBEDDING_MAGNITUDE).max(MAX_EMBEDDING_MAGNITUDE);
const [B, H, T, D] = TOY_SHAPE;
const tensorSchema = exactly(exactly(exactly(exactly(value, D), T), H), B);

/** Whether `raw` is nested arrays of TOY_SHAPE holding numbers (any size, not NaN). */
function hasToyShape(raw: unknown, depth = 0): boolean {
  if (depth === TOY_SHAPE.length) return typeof raw === 'number' && !Number.isNaN(raw);
  return (
    Array.isArray(raw) &&
    raw.length === TOY_SHAPE[depth] &&
    raw.every((x) => hasToyShape(x, depth + 1))
  );
}

const clampValue = (x: number) =>
  Math.min(MAX_EMBEDDING_MAGNITUDE, Math.max(-MAX_EMBEDDING_MAGNITUDE, x)) + 0;

export const toyTensorField: LocalField<Tensor4> = {
  label: 'toy tensor a',
  initial: BOOK_A,
  schema: tensorSchema,
  clamp: (raw) =>
    hasToyShape(raw)
      ? (raw as Tensor4).map((b) => b.map((h) => h.map((row) => row.map(clampValue))))
      : null,
};
