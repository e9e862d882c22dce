import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { StepRecord } from '../../src/engine/train/session.ts';
import { describeGradient, weightGradient } from '../../src/training/backward-formula.ts';
import { inputOf, type TrainingSetup, trainingConfig } from '../../src/training/setup.ts';
import { TOKENS, variantOf } from '../../src/training/tasks.ts';
import { usePacedOnScreen } from './pacing.ts';
import { shownRecord, type TrainingStore } from './training-store.ts';

/** ∂loss/∂W_query for the hovered weight, with the numbers of the step shown (paced). */
export function BackwardPass({
  store,
  setup,
  cell,
  playing,
}: {
  store: TrainingStore;
  playing: boolean;
  setup: TrainingSetup;
  cell: { row: number; col: number };
}) {
  const live = useStore(store, shownRecord);
  const [record, ref] = usePacedOnScreen<StepRecord | null, HTMLElement>(live, playing);
  // Keyed on the setup's value: the view hands a new object on every render.
  const key = JSON.stringify(setup);
  const target = useMemo(
    () => (trainingConfig(JSON.parse(key) as TrainingSetup).target as number[][][])[0],
    [key],
  );
  const { row, col } = cell;
  const lines = useMemo(() => {
    if (!record) return [];
    const s = JSON.parse(key) as TrainingSetup;
    const { W_query, W_key, W_value } = record.params;
    const inputs = { x: inputOf(s), W_query, W_key, W_value, target, dOut: s.d_out };
    const flags = { causal: variantOf(s.task) === 'causal', scaled: s.scaled };
    return describeGradient(weightGradient({ ...inputs, ...flags }, row, col), TOKENS);
  }, [key, record, target, row, col]);
  return (
    <section className="backward-pass" aria-label="backward pass" ref={ref}>
      <h3>The backward pass of one weight (hover ∂loss/∂W_query)</h3>
      {lines.map((l) => (
        <p key={l}>{l}</p>
      ))}
    </section>
  );
}
