/**
 * The parts of the training page that follow the step on screen. Each subscribes to the slice of
 * the training store it draws, so a frame of training re-renders the status line, the weights'
 * heatmap and the curves, and nothing else; the rest catches up through the pacing hooks.
 */
import { useMemo } from 'react';
import { useStore } from 'zustand';
import { TOKENS } from '../../src/training/tasks.ts';
import { LossCurve } from './LossCurve.tsx';
import { MatrixView } from './MatrixView.tsx';
import { usePaced } from './pacing.ts';
import { shownRecord, type TrainingStore } from './training-store.ts';

/** The line under the controls: "step 42 · loss … · ‖∇‖ …". */
export function TrainingStatus({ store }: { store: TrainingStore }) {
  const record = useStore(store, shownRecord);
  return (
    <p className="training-status" role="status" aria-label="training status">
      {record
        ? `step ${record.step} · loss ${record.loss.toExponential(3)} · ‖∇‖ ${record.grad_norm.toExponential(2)}`
        : 'starting…'}
    </p>
  );
}

/**
 * The slider over the steps trained so far. While playing it is disabled at the newest step and
 * moves with the pace; paused, it follows the learner's hand at once.
 */
export function StepScrubber({ store, playing }: { store: TrainingStore; playing: boolean }) {
  const live = useStore(store, (s) => s.history.length);
  const paced = usePaced(live, playing);
  const step = useStore(store, (s) => shownRecord(s)?.step ?? 0);
  const length = playing ? paced : live;
  return (
    <label className="scrubber">
      training step{' '}
      <input
        type="range"
        min={0}
        max={length}
        value={playing ? length : Math.min(step, length)}
        disabled={playing || length === 0}
        onChange={(e) => {
          const at = Number(e.currentTarget.value);
          store.setState((s) => ({ scrub: at >= s.history.length ? null : at }));
        }}
      />
    </label>
  );
}

/** The attention weights of the step on screen: the heatmap every frame, its table paced. */
export function WeightsFigure(props: {
  store: TrainingStore;
  playing: boolean;
  status: Uint8Array | null;
}) {
  const record = useStore(props.store, shownRecord);
  const values = record?.attn_weights ?? EMPTY;
  const table = usePaced(values, props.playing);
  if (!record) return null;
  return (
    <figure className="training-weights">
      <figcaption>attention weights at step {record.step}</figcaption>
      <MatrixView
        values={values}
        tableValues={table.length === values.length ? table : values}
        rows={TOKENS}
        cols={TOKENS}
        label="attention weights"
        status={props.status}
      />
    </figure>
  );
}

const EMPTY = new Float32Array(0);

/** The loss and the gradient norm per step; hovering the loss shows that step's weights. */
export function Curves({ store }: { store: TrainingStore }) {
  const history = useStore(store, (s) => s.history);
  const log = useStore(store, (s) => s.logScale);
  const at = useStore(store, (s) => s.hover ?? s.scrub);
  const losses = useMemo(() => history.map((r) => r.loss), [history]);
  const norms = useMemo(() => history.map((r) => r.grad_norm), [history]);
  return (
    <figure>
      <figcaption>loss (mean squared error)</figcaption>
      <LossCurve
        values={losses}
        label="loss curve"
        log={log}
        at={at}
        onHover={(step) => store.setState({ hover: step })}
      />
      <figcaption>gradient norm ‖∇‖ per step (≈ 0: learning stalls)</figcaption>
      <LossCurve values={norms} label="gradient norm curve" log={log} at={at} />
    </figure>
  );
}
