import { describe, expect, it } from 'vitest';
import { Trainer, type TrainingWorkerLike } from '../../../app/training/trainer.ts';
import { createTrainingStore } from '../../../app/training/training-store.ts';
import type { TrainingRequest, TrainingResponse } from '../../../src/engine/worker/training.ts';
import { TrainingHost } from '../../../src/engine/worker/training.ts';
import { DEFAULT_SETUP } from '../../../src/training/setup.ts';
import { fakeFrames } from './fake-frames.ts';

/** The real training host behind a worker whose replies land when the test says so. */
function fakeWorker() {
  const host = new TrainingHost();
  const queue: TrainingRequest[] = [];
  let listener: ((e: MessageEvent<TrainingResponse>) => void) | null = null;
  const worker: TrainingWorkerLike = {
    postMessage: (m) => queue.push(m),
    addEventListener: (_type, l) => {
      listener = l;
    },
    terminate: () => {},
  };
  return {
    worker,
    queue,
    /** The worker answers its oldest request. */
    answer() {
      const m = queue.shift();
      if (!m) throw new Error('nothing asked');
      listener?.({ data: host.handle(m) } as MessageEvent<TrainingResponse>);
    },
  };
}

/** `frame()`: the browser draws a frame. */
const { frame, waiting } = fakeFrames();

describe('the trainer draws once per frame while the worker trains the next batch', () => {
  it('asks for the next batch before the current one is drawn, one request in flight', () => {
    const store = createTrainingStore();
    const w = fakeWorker();
    const trainer = new Trainer(store, w.worker);
    store.setState({ speed: 4 });
    trainer.reset(DEFAULT_SETUP);
    w.answer();
    frame();
    expect(store.getState().current?.step).toBe(0);
    trainer.play();
    expect(w.queue).toEqual([{ kind: 'train-steps', id: 2, count: 4 }]);
    w.answer();
    // Landed, not drawn yet: the next batch is already asked for.
    expect(store.getState().history).toHaveLength(0);
    expect(w.queue).toEqual([{ kind: 'train-steps', id: 3, count: 4 }]);
    frame();
    expect(store.getState().history.map((r) => r.step)).toEqual([0, 1, 2, 3]);
    expect(store.getState().current?.step).toBe(4);
    // Two batches land before the page draws: no third is asked for until it has drawn.
    w.answer();
    expect(w.queue).toHaveLength(1);
    w.answer();
    expect(w.queue).toHaveLength(0);
    frame();
    expect(store.getState().history).toHaveLength(12);
    expect(w.queue).toHaveLength(1);
    // Pause: the batch in flight still lands and is drawn; nothing more is asked for.
    trainer.pause();
    w.answer();
    frame();
    expect(store.getState().history).toHaveLength(16);
    expect(w.queue).toHaveLength(0);
    expect(store.getState().history.map((r) => r.step)).toEqual([...Array(16).keys()]);
  });

  it('a replay stops exactly at its step', () => {
    const store = createTrainingStore();
    const w = fakeWorker();
    const trainer = new Trainer(store, w.worker);
    let idle = 0;
    trainer.whenIdle(() => idle++);
    trainer.reset(DEFAULT_SETUP, 250);
    for (let i = 0; i < 20 && (w.queue.length || waiting()); i++) {
      while (w.queue.length) w.answer();
      frame();
    }
    const s = store.getState();
    expect(s.history).toHaveLength(250);
    expect(s.current?.step).toBe(250);
    expect(s.playing).toBe(false);
    expect(idle).toBeGreaterThan(0);
  });

  it('a fixed W_value keeps one array across steps; the learned weights get new ones', () => {
    const store = createTrainingStore();
    const w = fakeWorker();
    const trainer = new Trainer(store, w.worker);
    trainer.reset(DEFAULT_SETUP, 3);
    for (let i = 0; i < 5; i++) {
      while (w.queue.length) w.answer();
      frame();
    }
    const [a, b, c] = store.getState().history;
    expect(b.params.W_value).toBe(a.params.W_value);
    expect(c.params.W_value).toBe(a.params.W_value);
    expect(store.getState().current?.params.W_value).toBe(a.params.W_value);
    expect(b.params.W_query).not.toBe(a.params.W_query);
    expect(Array.from(b.params.W_query)).not.toEqual(Array.from(a.params.W_query));
  });
});
