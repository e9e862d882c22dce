import { z } from 'zod';
import { MAX_TEXT_CHARS } from '../tokenizer/index.ts';
import { NUM_HEADS } from './sizes.ts';

/** The Exercise 3.3 step's own state (its `view.local`), carried by the permalink. */
export interface Gpt2Local {
  text: string;
  /** The head opened large (0-based), or null. */
  head: number | null;
  /** Magnification of the opened head: 1 shows the whole map. */
  zoom: number;
}

export const ZOOM_LEVELS = [1, 2, 4, 8, 16, 32, 64] as const;

export const GPT2_INITIAL: Gpt2Local = {
  text: 'Your journey starts with one step',
  head: null,
  zoom: 1,
};

export const textSchema = z.string().max(MAX_TEXT_CHARS);
export const headSchema = z
  .number()
  .int()
  .min(0)
  .max(NUM_HEADS - 1)
  .nullable();
export const zoomSchema = z
  .number()
  .refine((z) => (ZOOM_LEVELS as readonly number[]).includes(z), 'not a zoom level');
