import { describe, expect, it } from 'vitest';
import { TrainingSession } from '../../src/engine/train/session.ts';
import { weightGradient } from '../../src/training/backward-formula.ts';
import { defaultSetup, frozenOf, inputOf, trainingConfig } from '../../src/training/setup.ts';
import { variantOf } from '../../src/training/tasks.ts';

describe('the one-weight backward formula', () => {
  for (const [task, scaled] of [
    ['previous', true],
    ['similar', true],
    ['previous', false],
  ] as const) {
    it(`equals the engine's ∂loss/∂W_query for every weight (${task}, scaled ${scaled})`, () => {
      const setup = { ...defaultSetup(task), scaled };
      const config = trainingConfig(setup);
      const session = new TrainingSession(config, frozenOf(setup));
      for (let s = 0; s < 7; s++) session.step(); // away from the seed's weights
      const record = session.peek();
      const parts = {
        x: inputOf(setup),
        ...record.params,
        W_query: record.params.W_query,
        W_key: record.params.W_key,
        W_value: record.params.W_value,
        target: (config.target as number[][][])[0],
        dOut: setup.d_out,
        causal: variantOf(task) === 'causal',
        scaled,
      };
      const grad = record.grads.W_query;
      const scale = Math.max(...Array.from(grad, Math.abs));
      expect(scale).toBeGreaterThan(0);
      for (let a = 0; a < 9; a++)
        for (let b = 0; b < setup.d_out; b++) {
          const ours = weightGradient(parts, a, b).total;
          expect(Math.abs(ours - grad[a * setup.d_out + b]) / scale).toBeLessThan(1e-4);
        }
    });
  }
});
