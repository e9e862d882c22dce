import './training.css';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import { CELL } from '../../src/chapter/panels/index.ts';
import { readLocal } from '../../src/chapter/steps/local.ts';
import { atField, setupField } from '../../src/chapter/steps/train-attention.ts';
import { frozenOf, type TrainingSetup } from '../../src/training/setup.ts';
import { TOKENS, variantOf } from '../../src/training/tasks.ts';
import { useActions, useLab } from '../store/index.ts';
import { BackwardPass } from './BackwardPass.tsx';
import { cancelCatchUp, catchingUp, catchUp, onCatchUpChange } from './catch-up.ts';
import { ParamMaps } from './ParamMaps.tsx';
import { ScalingLesson } from './ScalingLesson.tsx';
import { PaintGrid, SetupControls } from './TrainingControls.tsx';
import { Curves, StepScrubber, TrainingStatus, WeightsFigure } from './TrainingFigures.tsx';
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
  const { edit, holdEngine } = useActions();
  const local = readLocal(FIELDS, view);
  const [store] = useState(createTrainingStore);
  const trainer = useMemo(() => createTrainer(store), [store]);
  useEffect(() => () => trainer.dispose(), [trainer]);
  // Only what changes rarely: a frame of training re-renders the figures, not this body.
  const playing = useStore(store, (s) => s.playing);
  const speed = useStore(store, (s) => s.speed);
  const logScale = useStore(store, (s) => s.logScale);
  const error = useStore(store, (s) => s.error);
  const started = useStore(store, (s) => shownRecord(s) !== null);
  const busy = useSyncExternalStore(onCatchUpChange, () => !playing && catchingUp());
  // While training plays, the chapter engine's worker loads and measures no backends: on two
  // cores its compiling would take the CPU the training worker and the page need.
  useEffect(() => {
    holdEngine(playing);
    return () => holdEngine(false);
  }, [playing, holdEngine]);
  const setupKey = JSON.stringify(local.setup);
  const atRef = useRef(local.at);
  atRef.current = local.at;

  // A new setup starts over; the first one replays the link's step.
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on the setup's value
  useEffect(() => {
    trainer.reset(local.setup, atRef.current);
  }, [setupKey, trainer]);

  // While paused, the step on screen goes into the view (and so the permalink), once the panels
  // have caught up: it re-renders the whole app.
  const pausedStep = useStore(store, (s) =>
    s.playing || s.hover !== null ? null : (shownRecord(s)?.step ?? null),
  );
  const written = useRef(local.at);
  const pausedRef = useRef(pausedStep);
  pausedRef.current = pausedStep;
  const [writeStep] = useState(() => () => {
    const at = pausedRef.current;
    if (at === null || at === atRef.current) return;
    written.current = at;
    edit((v) => ({ ...v, local: { ...v.local, at } }));
  });
  useEffect(() => {
    if (pausedStep !== null && pausedStep !== atRef.current) catchUp(writeStep);
  }, [pausedStep, writeStep]);
  useEffect(() => () => cancelCatchUp(writeStep), [writeStep]);
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
  const status = variantOf(local.setup.task) === 'causal' ? CAUSAL_STATUS : null;

  return (
    <section className="training" aria-label="training" aria-busy={busy || undefined}>
      <SetupControls setup={local.setup} onChange={setSetup} />
      {local.setup.task === 'painted' && (
        <PaintGrid setup={local.setup} tokens={TOKENS} onChange={setSetup} />
      )}
      <div className="training-buttons" role="toolbar" aria-label="training controls">
        {playing ? (
          <button type="button" onClick={() => trainer.pause()}>
            Pause
          </button>
        ) : (
          <button type="button" onClick={() => trainer.play()}>
            Train
          </button>
        )}
        <button type="button" onClick={() => trainer.step()} disabled={playing}>
          Step
        </button>
        <button type="button" onClick={() => trainer.reset(local.setup)}>
          Reset
        </button>
        <label>
          speed{' '}
          <select
            value={speed}
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
            checked={logScale}
            onChange={(e) => store.setState({ logScale: e.currentTarget.checked })}
          />{' '}
          log scale
        </label>
      </div>
      {error && (
        <p className="field-error" role="alert">
          Training stopped: {error}
        </p>
      )}
      <TrainingStatus store={store} />
      <StepScrubber store={store} playing={playing} />
      {started && (
        <div className="training-grid">
          <WeightsFigure store={store} playing={playing} status={status} />
          <Curves store={store} />
        </div>
      )}
      {started && (
        <ParamMaps
          store={store}
          inputs={INPUT_LABELS}
          frozen={frozenOf(local.setup)}
          playing={playing}
          onHoverGrad={setGradCell}
        />
      )}
      {started && (
        <BackwardPass
          store={store}
          setup={local.setup}
          cell={gradCell ?? { row: 0, col: 0 }}
          playing={playing}
        />
      )}
      <ScalingLesson setup={local.setup} />
    </section>
  );
}
