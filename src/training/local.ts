/** The training step's own state in the permalink: its setup and the step shown. */
import { z } from 'zod';
import { OPTIMIZERS } from '../engine/config.ts';
import { DEFAULT_SETUP, type TrainingSetup } from './setup.ts';
import { TASKS } from './tasks.ts';

/** The longest run a link can ask to replay (and the history the page keeps). */
export const MAX_TRAIN_STEPS = 5000;
export const MAX_LR = 100;
export const D_OUT_CHOICES = [2, 4, 16, 64] as const;

const T = 6;
const paintedSchema = z.array(z.array(z.number().min(0).max(1)).length(T)).length(T);

const setupObject = z.object({
  task: z.enum(TASKS),
  optimizer: z.enum(OPTIMIZERS),
  lr: z.number().gt(0).max(MAX_LR),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  scaled: z.boolean(),
  d_out: z.number().int().min(1).max(64),
  positions: z.boolean(),
  trainValues: z.boolean(),
  painted: paintedSchema.optional(),
  inputScale: z.number().gt(0).max(10).optional(),
});

export const setupSchema: z.ZodType<TrainingSetup> = setupObject;

export const atSchema = z.number().int().min(0).max(MAX_TRAIN_STEPS);

/** A link's setup with each bad field replaced by the default's; null when it is no object. */
export function clampSetup(raw: unknown): TrainingSetup | null {
  if (!raw || typeof raw !== 'object') return null;
  const fields = raw as Record<string, unknown>;
  const out: Record<string, unknown> = { ...DEFAULT_SETUP };
  const shape = setupObject.shape as Record<string, z.ZodType>;
  for (const key of Object.keys(shape)) {
    const parsed = shape[key].safeParse(fields[key]);
    if (parsed.success && parsed.data !== undefined) out[key] = parsed.data;
  }
  return out as unknown as TrainingSetup;
}

export function clampAt(raw: unknown): number | null {
  if (typeof raw !== 'number' || Number.isNaN(raw)) return null;
  return Math.min(MAX_TRAIN_STEPS, Math.max(0, Math.round(raw)));
}
