/**
 * Writes test/fixtures/training-oracle.json: the first 20 steps of each task (SGD and AdamW, at
 * their default settings) as PyTorch trains them. Run: npx tsx scripts/training/make-fixtures.ts
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import {
  defaultSetup,
  frozenOf,
  type TrainingSetup,
  trainingInput,
} from '../../src/training/setup.ts';
import { TASKS } from '../../src/training/tasks.ts';

export const FIXTURE_STEPS = 20;
const PAINTED = [0, 1, 2, 3, 4, 5].map((i) => [0, 1, 2, 3, 4, 5].map((j) => (j === 5 - i ? 1 : 0)));

const setups: TrainingSetup[] = [];
for (const task of TASKS)
  for (const optimizer of ['sgd', 'adamw'] as const)
    setups.push({ ...defaultSetup(task, optimizer), painted: PAINTED });
// W_value learning too: the oracle's own loop, nothing frozen.
setups.push({ ...defaultSetup('previous', 'adamw'), trainValues: true });

const requests = setups.map((setup) => ({
  config: trainingInput(setup, FIXTURE_STEPS),
  frozen: frozenOf(setup),
}));
const out = execFileSync('/usr/bin/python3', ['scripts/training/train_oracle.py'], {
  input: JSON.stringify(requests),
  maxBuffer: 1 << 26,
});
const runs = JSON.parse(out.toString()) as object[];
writeFileSync(
  'test/fixtures/training-oracle.json',
  `${JSON.stringify(
    setups.map((setup, i) => ({ setup, steps: FIXTURE_STEPS, ...runs[i] })),
    null,
    1,
  )}\n`,
);
