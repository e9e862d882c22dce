/**
 * Drives the training worker: Reset starts a session, Train asks for a few steps per animation
 * frame (one request in flight, so Pause stops within a frame), Step asks for one.
 * Replies are drawn once per animation frame; while the page draws one batch the worker already
 * trains the next, so the frame rate is set by the slower of the two, not by their sum.
 */
import type { TrainingRequest, TrainingResponse } from '../../src/engine/worker/training.ts';
import { MAX_TRAIN_STEPS } from '../../src/training/local.ts';
import type { TrainingSetup } from '../../src/training/setup.ts';
import { receiveAll, type TrainingStore } from './training-store.ts';

export interface TrainingWorkerLike {
  postMessage(message: TrainingRequest): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<TrainingResponse>) => void): void;
  terminate(): void;
}

export class Trainer {
  private nextId = 1;
  private inFlight: number | null = null;
  private latestReset = 0;
  private onIdle: (() => void) | null = null;
  /** Replies landed but not drawn yet: the next animation frame draws them in one update. */
  private pending: TrainingResponse[] = [];
  private frame: number | null = null;

  constructor(
    private readonly store: TrainingStore,
    private readonly worker: TrainingWorkerLike,
  ) {
    worker.addEventListener('message', (e) => this.reply(e.data));
  }

  /** A fresh run of `setup`; with `replayTo`, trains to that step and stops there. */
  reset(setup: TrainingSetup, replayTo = 0): void {
    const id = this.nextId++;
    this.latestReset = id;
    this.store.setState({
      setup,
      history: [],
      current: null,
      scrub: null,
      hover: null,
      playing: replayTo > 0,
      target: replayTo > 0 ? replayTo : null,
      error: null,
    });
    this.pending = [];
    this.inFlight = id;
    this.worker.postMessage({ kind: 'train-reset', id, setup });
  }

  play(): void {
    this.store.setState({ playing: true, scrub: null, target: null });
    this.pump();
  }

  pause(): void {
    this.store.setState({ playing: false, target: null });
  }

  /** One step, then stay paused. */
  step(): void {
    this.store.setState({ playing: false, scrub: null, target: null });
    this.send(1);
  }

  /** Called once every pending reply has landed (tests and the URL writer wait on it). */
  whenIdle(done: () => void): void {
    this.onIdle = done;
  }

  dispose(): void {
    this.worker.terminate();
  }

  private pump(): void {
    const s = this.store.getState();
    if (!s.playing || this.inFlight !== null || !s.setup) return;
    const left = (s.target ?? MAX_TRAIN_STEPS) - s.history.length - this.pendingSteps();
    if (left <= 0) {
      if (this.pending.length) return; // the last batch is still to be drawn
      this.store.setState({ playing: false, target: null });
      this.onIdle?.();
      return;
    }
    // A replay runs as fast as the worker can; a live run shows `speed` steps a frame.
    this.send(Math.min(left, s.target !== null ? 200 : s.speed));
  }

  private send(count: number): void {
    if (this.inFlight !== null) return;
    const id = this.nextId++;
    this.inFlight = id;
    this.worker.postMessage({ kind: 'train-steps', id, count });
  }

  private pendingSteps(): number {
    let n = 0;
    for (const r of this.pending) if (r.kind === 'train-frames') n += r.records.length;
    return n;
  }

  private reply(message: TrainingResponse): void {
    if (message.id === this.inFlight) this.inFlight = null;
    if (message.id < this.latestReset) return; // from a run that was reset since
    this.pending.push(message);
    this.frame ??= requestAnimationFrame(() => this.draw());
    // One batch ahead at most: the worker trains the next while this one is drawn.
    if (this.pending.length === 1) this.pump();
  }

  private draw(): void {
    this.frame = null;
    const replies = this.pending;
    this.pending = [];
    receiveAll(this.store, replies);
    if (this.store.getState().playing) this.pump();
    else if (this.inFlight === null) this.onIdle?.();
  }
}

export function createTrainingWorker(): TrainingWorkerLike {
  return new Worker(new URL('../../src/engine/worker/training-worker.ts', import.meta.url), {
    type: 'module',
  }) as unknown as TrainingWorkerLike;
}

export function createTrainer(store: TrainingStore): Trainer {
  return new Trainer(store, createTrainingWorker());
}
