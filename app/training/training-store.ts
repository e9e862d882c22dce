/**
 * The training page's store: the history of steps the worker reported, the step shown, and
 * whether it is playing. The worker trains; this store only keeps what it sent, for drawing.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StepRecord } from '../../src/engine/train/session.ts';
import type { TrainingResponse } from '../../src/engine/worker/training.ts';
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

/** Applies a worker reply to the store. */
export function receive(store: TrainingStore, reply: TrainingResponse): void {
  if (reply.kind === 'train-error') {
    store.setState({ error: reply.message, playing: false });
    return;
  }
  const s = store.getState();
  const history = reply.records.length ? s.history.concat(reply.records) : s.history;
  const full = history.length >= MAX_TRAIN_STEPS;
  store.setState({
    history,
    current: reply.current,
    error: null,
    ...(full ? { playing: false } : {}),
  });
}
