import { z } from 'zod';
import { MAX_TEXT_CHARS } from '../tokenizer/index.ts';
import { ZOOM_LEVELS } from './local.ts';
import { NUM_HEADS } from './sizes.ts';

export { GPT2_INITIAL, type Gpt2Local, ZOOM_LEVELS } from './local.ts';

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
