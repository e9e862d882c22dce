import './training.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { CELL } from '../../src/chapter/panels/index.ts';
import { readLocal } from '../../src/chapter/steps/local.ts';
import { atField, setupField } from '../../src/chapter/steps/train-attention.ts';
import { frozenOf, type TrainingSetup } from '../../src/training/setup.ts';
import { TOKENS, variantOf } from '../../src/training/tasks.ts';
import { useActions, useLab } from '../store/index.ts';
import { BackwardPass } from './BackwardPass.tsx';
import { LossCurve } from './LossCurve.tsx';
import { MatrixView } from './MatrixView.tsx';
import { ParamMaps } from './ParamMaps.tsx';
import { ScalingLesson } from './ScalingLesson.tsx';
import { PaintGrid, SetupControls } from './TrainingControls.tsx';
import { createTrainer } from './trainer.ts';
import { createTrainingStore, shownRecord } from './training-store.ts';

const FIELDS = { setup: setupField, at: atField };
const SPEEDS = [1, 4, 16, 64];
const INPUT_LABELS = [...['e1', 'e2', 'e3'], ...TOKENS.map((_, i) => `pos${i + 1}`)];

function causalStatus(t: number): Uint8Array {
  return Uint8Array.from({ length: t * t }, (_, k) =>
    k % t > Math.floor(k / t) ? CELL.masked : CELL.normal,
  );
}

/** One array for every frame, so the memoised weights view sees the same status. */
const CAUSAL_STATUS = causalStatus(TOKENS.length);

/** The training step's page: settings, controls, the weights learning, the loss and its history. */
export function TrainingBody() {
  const view = useLab((s) => s.view);
  const { edit } = useActions();
  const local = readLocal(FIELDS, view);
  const [store] = useState(createTrainingStore);
  const trainer = useMemo(() => createTrainer(store), [store]);
  useEffect(() => () => trainer.dispose(), [trainer]);
  const s = useStore(store);
  const setupKey = JSON.stringify(local.setup);
  const atRef = useRef(local.at);
  atRef.current = local.at;

  // A new setup starts over; the first one replays the link's step.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the setup's value
  useEffect(() => {
    trainer.reset(local.setup, atRef.current);
  }, [setupKey, trainer]);

  const record = shownRecord(s);
  const shownStep = record?.step ?? 0;
  const written = useRef(local.at);
  // While paused, the step on screen goes into the view (and so the permalink).
  useEffect(() => {
    if (s.playing || s.hover !== null || !record || record.step === atRef.current) return;
    written.current = record.step;
    edit((v) => ({ ...v, local: { ...v.local, at: record.step } }));
  }, [s.playing, s.hover, record, edit]);
  // A step that arrives from outside (a link opened, undo, Back): show it, replaying if needed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the view's step changes
  useEffect(() => {
    if (local.at === written.current) return;
    written.current = local.at;
    const st = store.getState();
    if (local.at < st.history.length) store.setState({ scrub: local.at, playing: false });
    else if (local.at !== st.current?.step) trainer.reset(local.setup, local.at);
  }, [local.at]);

  const [gradCell, setGradCell] = useState<{ row: number; col: number } | null>(null);
  const setSetup = useCallback(
    (setup: TrainingSetup) => edit((v) => ({ ...v, local: { ...v.local, setup, at: 0 } })),
    [edit],
  );
  const losses = useMemo(() => s.history.map((r) => r.loss), [s.history]);
  const norms = useMemo(() => s.history.map((r) => r.grad_norm), [s.history]);
  const status = variantOf(local.setup.task) === 'causal' ? CAUSAL_STATUS : null;

  return (
    <section className="training" aria-label="training">
      <SetupControls setup={local.setup} onChange={setSetup} />
      {local.setup.task === 'painted' && (
        <PaintGrid setup={local.setup} tokens={TOKENS} onChange={setSetup} />
      )}
      <div className="training-buttons" role="toolbar" aria-label="training controls">
        {s.playing ? (
          <button type="button" onClick={() => trainer.pause()}>
            Pause
          </button>
        ) : (
          <button type="button" onClick={() => trainer.play()}>
            Train
          </button>
        )}
        <button type="button" onClick={() => trainer.step()} disabled={s.playing}>
          Step
        </button>
        <button type="button" onClick={() => trainer.reset(local.setup)}>
          Reset
        </button>
        <label>
          speed{' '}
          <select
            value={s.speed}
            onChange={(e) => store.setState({ speed: Number(e.currentTarget.value) })}
          >
            {SPEEDS.map((n) => (
              <option key={n} value={n}>
                {n} steps/frame
              </option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={s.logScale}
            onChange={(e) => store.setState({ logScale: e.currentTarget.checked })}
          />{' '}
          log scale
        </label>
      </div>
      {s.error && (
        <p className="field-error" role="alert">
          Training stopped: {s.error}
        </p>
      )}
      <p className="training-status" role="status" aria-label="training status">
        {record
          ? `step ${shownStep} · loss ${record.loss.toExponential(3)} · ‖∇‖ ${record.grad_norm.toExponential(2)}`
          : 'starting…'}
      </p>
      <label className="scrubber">
        training step{' '}
        <input
          type="range"
          min={0}
          max={s.history.length}
          value={Math.min(shownStep, s.history.length)}
          disabled={s.playing || s.history.length === 0}
          onChange={(e) => {
            const at = Number(e.currentTarget.value);
            store.setState({ scrub: at >= s.history.length ? null : at });
          }}
        />
      </label>
      {record && (
        <div className="training-grid">
          <figure className="training-weights">
            <figcaption>attention weights at step {shownStep}</figcaption>
            <MatrixView
              values={record.attn_weights}
              rows={TOKENS}
              cols={TOKENS}
              label="attention weights"
              status={status}
              playing={s.playing}
            />
          </figure>
          <figure>
            <figcaption>loss (mean squared error)</figcaption>
            <LossCurve
              values={losses}
              label="loss curve"
              log={s.logScale}
              at={s.hover ?? s.scrub}
              onHover={(step) => store.setState({ hover: step })}
            />
            <figcaption>gradient norm ‖∇‖ per step (≈ 0: learning stalls)</figcaption>
            <LossCurve
              values={norms}
              label="gradient norm curve"
              log={s.logScale}
              at={s.hover ?? s.scrub}
            />
          </figure>
        </div>
      )}
      {record && (
        <ParamMaps
          record={record}
          inputs={INPUT_LABELS}
          frozen={frozenOf(local.setup)}
          playing={s.playing}
          onHoverGrad={setGradCell}
        />
      )}
      {record && (
        <BackwardPass
          record={record}
          setup={local.setup}
          cell={gradCell ?? { row: 0, col: 0 }}
          playing={s.playing}
        />
      )}
      <ScalingLesson setup={local.setup} />
    </section>
  );
}
