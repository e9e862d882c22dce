/** A step's own fields in `view.local`: their initial values and a typed, checked read. */
import type { ViewState } from '../view.ts';
import type { LocalFields } from './types.ts';

/** The initial value of every field (deep copies, so no view shares arrays with the step). */
export function initialLocal<L>(fields: LocalFields<L> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!fields) return out;
  for (const key of Object.keys(fields) as (keyof L & string)[]) {
    out[key] = structuredClone(fields[key].initial);
  }
  return out;
}

/**
 * The step's fields from `view.local`, each one checked by its schema; a field that is missing
 * or does not fit (a view of another step) reads as its initial value.
 */
export function readLocal<L>(fields: LocalFields<L>, view: ViewState): L {
  const out = {} as L;
  for (const key of Object.keys(fields) as (keyof L & string)[]) {
    const parsed = fields[key].schema.safeParse(view.local[key]);
    out[key] = parsed.success ? parsed.data : fields[key].initial;
  }
  return out;
}
