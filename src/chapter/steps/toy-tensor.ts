/**
 * §3.6.2's toy tensor `a` of shape (b, num_heads, num_tokens, head_dim) = (1, 2, 3, 4), as the
 * book types it in: the step-local state of 3.6.2, editable and carried by the permalink.
 */
import { z } from 'zod';
import { selfProduct } from '../derive.ts';
import { dotProduct, fmt, tx } from '../formula/tex.ts';
import { MAX_EMBEDDING_MAGNITUDE } from '../limits.ts';
import type { Panel, PanelGroup } from '../panels/types.ts';
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

const names = (n: number, what: string) => Array.from({ length: n }, (_, i) => `${what} ${i + 1}`);

/** One head's [T, D] matrix of `a` as a panel. */
function headPanel(a: Tensor4, h: number): Panel {
  const values = Float32Array.from(a[0][h].flat());
  return {
    id: `a.h${h + 1}`,
    label: `a, head ${h + 1}`,
    code: `a[0, ${h}, :, :]`,
    kind: 'vectors',
    values,
    rows: names(T, 'token'),
    cols: names(D, 'dim'),
    rowRole: 'none',
    colRole: 'none',
    rowOffset: 0,
    head: h,
    status: null,
    formula: (i, d) => ({
      tex: `a_{0,${h},${i},${d}} = ${tx(values[i * D + d])}`,
      text: `a[0, ${h}, ${i}, ${d}] = ${fmt(values[i * D + d])}`,
    }),
  };
}

/** Head h of `a @ a.transpose(2, 3)`: the same numbers as `first_head @ first_head.T`. */
function productPanel(head: Panel, h: number): Panel {
  const product = selfProduct(head.values, T, D);
  const row = (i: number) => head.values.subarray(i * D, (i + 1) * D);
  return {
    ...head,
    id: `a_aT.h${h + 1}`,
    label: `a @ a.transpose(2, 3), head ${h + 1}`,
    code: h === 0 ? 'first_head @ first_head.T' : 'second_head @ second_head.T',
    kind: 'scores',
    values: product,
    cols: names(T, 'token'),
    formula: (i, j) => {
      const dot = dotProduct(row(i), row(j));
      return {
        tex: `\\text{head ${h + 1}: } a_{${i + 1}} \\cdot a_{${j + 1}} = ${dot.tex} = ${tx(product[i * T + j])}`,
        text: `head ${h + 1}: a[${i + 1}] · a[${j + 1}] = ${dot.text} = ${fmt(product[i * T + j])}`,
      };
    },
  };
}

/** §3.6.2's batched-matmul lesson on the learner's `a`, with the shapes written out. */
export function toyGroup(a: Tensor4): PanelGroup {
  const heads = [0, 1].map((h) => headPanel(a, h));
  return {
    title: `The batched product on a toy tensor: a.shape = [${TOY_SHAPE.join(', ')}], (a @ a.transpose(2, 3)).shape = [${B}, ${H}, ${T}, ${T}]`,
    note: 'One matrix product per head, all at once: head 1 of the result is first_head @ first_head.T for first_head = a[0, 0, :, :], head 2 the second head’s. Edit a to see it.',
    edits: 'a',
    panels: [...heads, ...heads.map(productPanel)],
  };
}

/** The book's lines for the toy tensor, with the learner's `a` typed in. */
export function toyCode(a: Tensor4): string[] {
  const rows = a[0].map(
    (head) => `   [${head.map((row) => `[${row.map(String).join(', ')}]`).join(',\n    ')}]`,
  );
  return [
    `a = torch.tensor([[${rows.join(',\n').trimStart()}]])  # (b, num_heads, num_tokens, head_dim)`,
    'print(a @ a.transpose(2, 3))   # shape [1, 2, 3, 3]',
    'first_head = a[0, 0, :, :]',
    'print(first_head @ first_head.T)',
    'second_head = a[0, 1, :, :]',
    'print(second_head @ second_head.T)',
  ];
}
