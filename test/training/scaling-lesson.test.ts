import { describe, expect, it } from 'vitest';
import { TrainingSession } from '../../src/engine/train/session.ts';
import {
  LESSON_D_K,
  lessonSetup,
  qkGradNorm,
  runScalingLesson,
} from '../../src/training/scaling-lesson.ts';
import { defaultSetup, frozenOf, trainingConfig } from '../../src/training/setup.ts';

const STEPS = 100;

describe('the lesson of √d_k: without the scaling at d_k = 64 the softmax saturates and learning stalls', () => {
  for (const optimizer of ['adamw', 'sgd'] as const) {
    it(`previous-token task (${optimizer})`, () => {
      const [scaled, unscaled] = runScalingLesson(defaultSetup('previous', optimizer), STEPS);
      expect(scaled.scaled).toBe(true);
      expect(unscaled.scaled).toBe(false);
      const last = STEPS - 1;
      // With the scaling the loss falls by orders of magnitude; without, it stops where it is.
      expect(scaled.loss[0] / scaled.loss[last]).toBeGreaterThan(1000);
      expect(unscaled.loss[0] / unscaled.loss[last]).toBeLessThan(3);
      expect(unscaled.loss[last]).toBeGreaterThan(0.1);
      expect(Math.abs(unscaled.loss[last] - unscaled.loss[50]) / unscaled.loss[50]).toBeLessThan(
        1e-3,
      );
      // The stall is the gradient: after 20 steps the gradients reaching W_query and W_key are
      // ≥ 100× smaller unscaled, though its loss is ≥ 1000× larger.
      expect(unscaled.qk_grad_norm[20]).toBeLessThan(scaled.qk_grad_norm[20] / 100);
      expect(unscaled.loss[20]).toBeGreaterThan(scaled.loss[20] * 1000);
    });
  }

  it('unscaled, the softmax saturates in the wrong places; scaled, it finds the previous token', () => {
    const t = 6;
    const rows = (w: Float32Array) =>
      Array.from({ length: t }, (_, i) => Array.from(w.subarray(i * t, i * t + t)));
    const weightsAfter = (scaled: boolean, steps: number) => {
      const s = lessonSetup(defaultSetup('previous'), scaled);
      expect(s.d_out).toBe(LESSON_D_K);
      const session = new TrainingSession(trainingConfig(s), frozenOf(s));
      for (let i = 0; i < steps; i++) session.step();
      return rows(session.peek().attn_weights);
    };
    const argmax = (r: number[]) => r.indexOf(Math.max(...r));
    // At the untrained weights, 8×-wider scores already give rows of almost one key.
    const [scaled0, unscaled0] = [weightsAfter(true, 0), weightsAfter(false, 0)];
    expect(Math.min(...unscaled0.slice(1, 3).map((r) => Math.max(...r)))).toBeGreaterThan(0.98);
    expect(Math.max(...scaled0.slice(1).map((r) => Math.max(...r)))).toBeLessThan(0.65);
    // 20 steps on, both are one-hot: scaled on the previous token, unscaled stuck elsewhere.
    const [scaled, unscaled] = [weightsAfter(true, 20), weightsAfter(false, 20)];
    expect(scaled.map(argmax)).toEqual([0, 0, 1, 2, 3, 4]);
    expect(unscaled.map(argmax)).not.toEqual([0, 0, 1, 2, 3, 4]);
    for (const r of unscaled) expect(Math.max(...r)).toBeGreaterThan(0.99);
  });

  it('qkGradNorm is the norm of the W_query and W_key gradients only', () => {
    const setup = defaultSetup('previous');
    const record = new TrainingSession(trainingConfig(setup), frozenOf(setup)).step();
    const sq = (a: Float32Array) => a.reduce((s, g) => s + g * g, 0);
    const want = Math.sqrt(sq(record.grads.W_query) + sq(record.grads.W_key));
    expect(qkGradNorm(record)).toBeCloseTo(want, 12);
    // W_value's gradient is in the full norm, not in this one.
    expect(record.grad_norm).toBeGreaterThan(qkGradNorm(record));
  });
});
