/**
 * The race step's own fields (its `view.local`), carried by the permalink: the sizes T, the
 * model width and the runners chosen. Never the results: those belong to the machine.
 */
import { z } from 'zod';
import { IMPL_IDS, type ImplId, isImplId } from './implementations.ts';
import { DEFAULT_D, DEFAULT_SIZES, T_CHOICES, WIDTHS } from './sizes.ts';

const isT = (t: unknown): t is number => (T_CHOICES as readonly unknown[]).includes(t);
const isD = (d: unknown): d is number => WIDTHS.some((w) => w.d === d);

export const sizesSchema = z
  .array(z.number())
  .min(1)
  .max(T_CHOICES.length)
  .refine((xs) => xs.every(isT) && new Set(xs).size === xs.length, 'not a list of sizes');
export const widthSchema = z.number().refine(isD, 'not a width');
export const implsSchema = z
  .array(z.enum(IMPL_IDS))
  .min(1)
  .refine((xs) => new Set(xs).size === xs.length, 'a runner twice');

/** Keeps the known sizes of a list (sorted, once each); null when none is left. */
export function clampSizes(raw: unknown): number[] | null {
  if (!Array.isArray(raw)) return null;
  const kept = T_CHOICES.filter((t) => raw.includes(t));
  return kept.length > 0 ? kept : null;
}

/** The nearest width offered. */
export function clampWidth(raw: unknown): number | null {
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return null;
  return WIDTHS.reduce((a, b) => (Math.abs(b.d - raw) < Math.abs(a.d - raw) ? b : a)).d;
}

/** Keeps the known runners of a list, in the page's order; null when none is left. */
export function clampImpls(raw: unknown): ImplId[] | null {
  if (!Array.isArray(raw)) return null;
  const kept = IMPL_IDS.filter((id) => raw.includes(id) && isImplId(id));
  return kept.length > 0 ? kept : null;
}

export const RACE_INITIAL = {
  sizes: DEFAULT_SIZES as number[],
  d: DEFAULT_D,
  impls: [...IMPL_IDS] as ImplId[],
};
