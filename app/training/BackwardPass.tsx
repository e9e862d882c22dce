import { useMemo } from 'react';
import type { StepRecord } from '../../src/engine/train/session.ts';
import { describeGradient, weightGradient } from '../../src/training/backward-formula.ts';
import { inputOf, type TrainingSetup, trainingConfig } from '../../src/training/setup.ts';
import { TOKENS, variantOf } from '../../src/training/tasks.ts';

/** ∂loss/∂W_query for the hovered weight, with the live numbers of the step shown. */
export function BackwardPass({
  record,
  setup,
  cell,
}: {
  record: StepRecord;
  setup: TrainingSetup;
  cell: { row: number; col: number };
}) {
  // Keyed on the setup's value: the view hands a new object on every render.
  const key = JSON.stringify(setup);
  const target = useMemo(
    () => (trainingConfig(JSON.parse(key) as TrainingSetup).target as number[][][])[0],
    [key],
  );
  const lines = describeGradient(
    weightGradient(
      {
        x: inputOf(setup),
        W_query: record.params.W_query,
        W_key: record.params.W_key,
        W_value: record.params.W_value,
        target,
        dOut: setup.d_out,
        causal: variantOf(setup.task) === 'causal',
        scaled: setup.scaled,
      },
      cell.row,
      cell.col,
    ),
    TOKENS,
  );
  return (
    <section className="backward-pass" aria-label="backward pass">
      <h3>The backward pass of one weight (hover ∂loss/∂W_query)</h3>
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </section>
  );
}
