import { describe, expect, it } from 'vitest';
import { TrainingSession } from '../../src/engine/train/session.ts';
import { frozenOf, type TrainingSetup, trainingConfig } from '../../src/training/setup.ts';
import oracle from '../fixtures/training-oracle.json' with { type: 'json' };

interface OracleRun {
  setup: TrainingSetup;
  steps: number;
  loss_history: number[];
  params: Record<string, number[][]>;
}

/** Largest |ours − PyTorch| over a tensor, as a fraction of the tensor's largest |value|. */
function relativeError(ours: ArrayLike<number>, want: number[]): number {
  const scale = Math.max(1, ...want.map(Math.abs));
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(ours[i] - want[i]));
  return worst / scale;
}

describe('the first 20 steps of each task reproduce PyTorch', () => {
  for (const run of oracle as OracleRun[]) {
    const { setup } = run;
    const tolerance = setup.optimizer === 'sgd' ? 1e-4 : 1e-3;
    it(`${setup.task}, ${setup.optimizer}${setup.trainValues ? ', W_value learning' : ''}`, () => {
      const session = new TrainingSession(trainingConfig(setup), frozenOf(setup));
      const losses = Array.from({ length: run.steps }, () => session.step().loss);
      expect(relativeError(losses, run.loss_history)).toBeLessThan(tolerance);
      const after = session.peek().params;
      expect(Object.keys(after).sort()).toEqual(Object.keys(run.params).sort());
      for (const [name, want] of Object.entries(run.params))
        expect(relativeError(after[name], want.flat()), name).toBeLessThan(tolerance);
      // The run learns: the oracle's loss moved, so a run that ignored the updates would fail.
      expect(run.loss_history[run.steps - 1]).toBeLessThan(run.loss_history[0]);
    });
  }
});
