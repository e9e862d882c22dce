import book from '../../test/fixtures/book.json' with { type: 'json' };

/** One of PyTorch's traces of the book's example, picked by its config. */
export type BookTrace = (typeof book.book)[number];
type Value = number | string;

export function bookTrace(config: Record<string, unknown>): BookTrace {
  const found = book.book.find((t) =>
    Object.entries(config).every(([k, v]) => (t.config as Record<string, unknown>)[k] === v),
  );
  if (!found) throw new Error(`no PyTorch trace for ${JSON.stringify(config)}`);
  return found;
}

/** A weight in the chapter's x @ W layout. */
export function param(t: BookTrace, name: string): Value[][] {
  const p = (t.params as Record<string, Value[][] | undefined>)[name];
  if (!p) throw new Error(`no parameter ${name}`);
  return p;
}

/** The [T, X] matrix of a [b, h, T, X] tensor. */
export function block(t: unknown, b = 0, h = 0): Value[][] {
  return (t as Value[][][][])[b][h];
}

/** The [T, X] matrix of a [b, T, X] tensor. */
export function item(t: unknown, b = 0): Value[][] {
  return (t as Value[][][])[b];
}

/** `torch.manual_seed(seed); nn.Dropout(0.5)(torch.ones(6, 6))`, as PyTorch printed it. */
export function dropoutOnOnes(seed: number): number[][] {
  const rng = book.rng as unknown as Record<string, Record<string, number[][]>>;
  return rng[String(seed)]['dropout_0.5_ones_6x6'];
}
