import { useEffect, useState } from 'react';
import type { TrainingResponse } from '../../src/engine/worker/training.ts';
import {
  LESSON_D_K,
  LESSON_INPUT_SCALE,
  LESSON_STEPS,
  type ScalingRun,
} from '../../src/training/scaling-lesson.ts';
import type { TrainingSetup } from '../../src/training/setup.ts';
import { LossCurve } from './LossCurve.tsx';
import { CheckField } from './TrainingControls.tsx';
import { createTrainingWorker } from './trainer.ts';

const fmt = (v: number) => v.toExponential(2);

/**
 * The √d_k lesson: on request, a worker of its own trains the setup twice from the same seed, at
 * d_k = 64 with and without the scaling, and the gradient norms of both runs are drawn together.
 */
export function ScalingLesson({ setup }: { setup: TrainingSetup }) {
  const [on, setOn] = useState(false);
  const [runs, setRuns] = useState<ScalingRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The lesson sets d_k and the scaling itself: only the rest of the setup starts it over.
  const key = JSON.stringify({ ...setup, d_out: LESSON_D_K, scaled: true });
  useEffect(() => {
    if (!on) return;
    setRuns(null);
    setError(null);
    const worker = createTrainingWorker();
    worker.addEventListener('message', (e: MessageEvent<TrainingResponse>) => {
      if (e.data.kind === 'train-compared') setRuns(e.data.runs);
      else if (e.data.kind === 'train-error') setError(e.data.message);
    });
    worker.postMessage({ kind: 'train-compare', id: 1, setup: JSON.parse(key) as TrainingSetup });
    return () => worker.terminate();
  }, [on, key]);
  const [scaled, unscaled] = runs ?? [];
  return (
    <section className="scaling-lesson" aria-label="the lesson of √d_k">
      <CheckField
        label={`compare with and without 1/√d_k (d_k = ${LESSON_D_K})`}
        checked={on}
        onChange={setOn}
      />
      {on && error && (
        <p className="field-error" role="alert">
          The comparison stopped: {error}
        </p>
      )}
      {on && !runs && !error && <p>training both runs ({LESSON_STEPS} steps each)…</p>}
      {on && scaled && unscaled && (
        <figure>
          <figcaption>
            ‖∂loss/∂W_query, ∂loss/∂W_key‖ per step, same seed:{' '}
            <span className="swatch-scaled">━ with 1/√d_k</span>,{' '}
            <span className="swatch-unscaled">╍ without</span>
          </figcaption>
          <LossCurve
            values={scaled.qk_grad_norm}
            compare={unscaled.qk_grad_norm}
            label="gradient norm with and without scaling"
            log
            at={null}
          />
          <p>
            Without the scaling, the scores at d_k = {LESSON_D_K} spread √{LESSON_D_K} ={' '}
            {Math.sqrt(LESSON_D_K)}× wider: the softmax saturates (each row almost one-hot), its
            Jacobian is almost 0, the gradients of W_query and W_key vanish and learning stalls.
            Loss after {LESSON_STEPS} steps: {fmt(scaled.loss.at(-1) ?? Number.NaN)} with the
            scaling, {fmt(unscaled.loss.at(-1) ?? Number.NaN)} without (from {fmt(scaled.loss[0])}{' '}
            and {fmt(unscaled.loss[0])}). The inputs are {LESSON_INPUT_SCALE}× the book’s here, as a
            trained model’s are: the book’s small embeddings keep even unscaled scores small.
          </p>
        </figure>
      )}
    </section>
  );
}
