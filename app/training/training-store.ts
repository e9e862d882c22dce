/**
 * The training page's store: the history of steps the worker reported, the step shown, and
 * whether it is playing. The worker trains; this store only keeps what it sent, for drawing.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StepRecord } from '../../src/engine/train/session.ts';
import type {
  TrainError,
  TrainFrames,
  TrainingResponse,
} from '../../src/engine/worker/training.ts';
import { MAX_TRAIN_STEPS } from '../../src/training/local.ts';
import type { TrainingSetup } from '../../src/training/setup.ts';

export interface TrainingState {
  setup: TrainingSetup | null;
  /** history[s]: the forward pass of step s (before its update). */
  history: StepRecord[];
  /** The weights after the last step: what the next step starts from. */
  current: StepRecord | null;
  /** The step on screen; null follows the newest. */
  scrub: number | null;
  /** A step hovered on the loss curve: shown while hovered. */
  hover: number | null;
  playing: boolean;
  /** Steps asked of the worker per frame. */
  speed: number;
  /** Replaying a link: steps still to take before stopping. */
  target: number | null;
  logScale: boolean;
  error: string | null;
}

export type TrainingStore = StoreApi<TrainingState>;

export function createTrainingStore(): TrainingStore {
  return createStore<TrainingState>()(() => ({
    setup: null,
    history: [],
    current: null,
    scrub: null,
    hover: null,
    playing: false,
    speed: 4,
    target: null,
    logScale: true,
    error: null,
  }));
}

/** The step on screen: hovered, else scrubbed to, else the newest (the current weights). */
export function shownRecord(s: TrainingState): StepRecord | null {
  const at = s.hover ?? s.scrub;
  if (at !== null && at < s.history.length) return s.history[at];
  return s.current;
}

/**
 * Applies the worker's replies of one animation frame to the store in one update: the history
 * grows by their records (appended, never copied per reply) and the newest state is shown.
 */
export function receiveAll(store: TrainingStore, replies: readonly TrainingResponse[]): void {
  const error = replies.find((r): r is TrainError => r.kind === 'train-error');
  if (error) {
    store.setState({ error: error.message, playing: false });
    return;
  }
  const frames = replies.filter((r): r is TrainFrames => r.kind === 'train-frames');
  if (!frames.length) return;
  const s = store.getState();
  let prev = s.history.at(-1) ?? s.current;
  const records = frames.flatMap((r) => r.records);
  for (const r of records) prev = shareUnchanged(prev, r);
  const current = shareUnchanged(prev, frames[frames.length - 1].current);
  const history = records.length ? s.history.concat(records) : s.history;
  const full = history.length >= MAX_TRAIN_STEPS;
  store.setState({
    history,
    current,
    error: null,
    ...(full ? { playing: false } : {}),
  });
}

/**
 * A parameter that did not change since `prev` (a fixed W_value) keeps `prev`'s array, so the
 * views memoised on it skip the frame. Mutates and returns `next`.
 */
function shareUnchanged(prev: StepRecord | null, next: StepRecord): StepRecord {
  if (!prev) return next;
  for (const [name, a] of Object.entries(next.params)) {
    const b = prev.params[name];
    if (b && sameValues(a, b)) next.params[name] = b;
  }
  return next;
}

function sameValues(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
