/**
 * The lesson of √d_k: the same seed trained twice, with and without dividing the scores by √d_k,
 * at d_k = 64. The book's embeddings are small (their scores stay small even unscaled), so the
 * lesson's inputs are 3× larger, as a trained model's are: unscaled, the scores then spread
 * √64 = 8× wider, the softmax saturates, and the gradients reaching W_query and W_key vanish.
 */
import type { StepRecord } from '../engine/train/session.ts';
import { TrainingSession } from '../engine/train/session.ts';
import { frozenOf, type TrainingSetup, trainingConfig } from './setup.ts';

export const LESSON_D_K = 64;
export const LESSON_INPUT_SCALE = 3;
export const LESSON_STEPS = 150;

export interface ScalingRun {
  scaled: boolean;
  /** Per step: the MSE loss. */
  loss: number[];
  /** Per step: ‖(∂loss/∂W_query, ∂loss/∂W_key)‖₂, the gradients that pass through the softmax. */
  qk_grad_norm: number[];
}

/** `setup` at the lesson's d_k and input scale, with the scaling on or off. */
export function lessonSetup(setup: TrainingSetup, scaled: boolean): TrainingSetup {
  return { ...setup, d_out: LESSON_D_K, inputScale: LESSON_INPUT_SCALE, scaled };
}

/** The norm of the query and key weights' gradients: ~0 once the softmax saturates. */
export function qkGradNorm(record: StepRecord): number {
  let sq = 0;
  for (const name of ['W_query', 'W_key']) for (const g of record.grads[name] ?? []) sq += g * g;
  return Math.sqrt(sq);
}

/** Both runs of the lesson, `steps` optimizer steps each, from `setup`'s seed and optimizer. */
export function runScalingLesson(setup: TrainingSetup, steps = LESSON_STEPS): ScalingRun[] {
  return [true, false].map((scaled) => {
    const s = lessonSetup(setup, scaled);
    const session = new TrainingSession(trainingConfig(s), frozenOf(s));
    const records = Array.from({ length: steps }, () => session.step());
    return {
      scaled,
      loss: records.map((r) => r.loss),
      qk_grad_norm: records.map(qkGradNorm),
    };
  });
}
