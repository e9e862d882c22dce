import { describe, expect, it } from 'vitest';
import { TrainingSession } from '../../src/engine/train/session.ts';
import {
  DEFAULT_BUDGET,
  defaultSetup,
  frozenOf,
  trainingConfig,
} from '../../src/training/setup.ts';
import { EMBEDDINGS, TASKS, targetWeights } from '../../src/training/tasks.ts';

const T = EMBEDDINGS.length;
const PAINTED = [0, 1, 2, 3, 4, 5].map((i) =>
  [0, 1, 2, 3, 4, 5].map((j) => (j === (i * 2) % 6 ? 1 : 0)),
);

function argmaxRows(w: ArrayLike<number>): number[] {
  return Array.from({ length: T }, (_, i) => {
    let best = 0;
    for (let j = 1; j < T; j++) if (w[i * T + j] > w[i * T + best]) best = j;
    return best;
  });
}

describe('each task converges within its default budget and learns its pattern', () => {
  for (const task of TASKS) {
    for (const optimizer of ['adamw', 'sgd'] as const) {
      it(`${task} (${optimizer})`, () => {
        const setup = { ...defaultSetup(task, optimizer), painted: PAINTED };
        const session = new TrainingSession(trainingConfig(setup), frozenOf(setup));
        const first = session.step();
        for (let s = 1; s < DEFAULT_BUDGET[optimizer]; s++) session.step();
        const last = session.peek();
        expect(first.loss / last.loss).toBeGreaterThanOrEqual(10);
        const want = argmaxRows(targetWeights(task, EMBEDDINGS, PAINTED).flat());
        expect(argmaxRows(last.attn_weights)).toEqual(want);
      });
    }
  }

  it('previous token: each row but the first puts its largest weight on the token before it', () => {
    const setup = defaultSetup('previous');
    const session = new TrainingSession(trainingConfig(setup), frozenOf(setup));
    for (let s = 0; s < DEFAULT_BUDGET.adamw; s++) session.step();
    expect(argmaxRows(session.peek().attn_weights)).toEqual([0, 0, 1, 2, 3, 4]);
  });
});
