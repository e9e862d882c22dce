import { runScalingLesson, type ScalingRun } from '../../training/scaling-lesson.ts';
import { frozenOf, type TrainingSetup, trainingConfig } from '../../training/setup.ts';
import { type StepRecord, TrainingSession } from '../train/session.ts';

/** Start over from the seed's weights with this setup; the reply holds the untrained state. */
export interface TrainResetRequest {
  kind: 'train-reset';
  id: number;
  setup: TrainingSetup;
}

/** Take `count` optimizer steps (the page asks for a few at a time, so it can pause any time). */
export interface TrainStepsRequest {
  kind: 'train-steps';
  id: number;
  count: number;
}

/** The √d_k lesson: two runs of `setup`, with and without the scaling (a session apart). */
export interface TrainCompareRequest {
  kind: 'train-compare';
  id: number;
  setup: TrainingSetup;
}

export type TrainingRequest = TrainResetRequest | TrainStepsRequest | TrainCompareRequest;

export interface TrainFrames {
  kind: 'train-frames';
  id: number;
  /** One per step taken, oldest first. */
  records: StepRecord[];
  /** The state after the last step (what the next step will start from). */
  current: StepRecord;
}

export interface TrainError {
  kind: 'train-error';
  id: number;
  message: string;
}

export interface TrainCompared {
  kind: 'train-compared';
  id: number;
  runs: ScalingRun[];
}

export type TrainingResponse = TrainFrames | TrainError | TrainCompared;

/** The training loop of the worker: one session at a time, stepped on request. */
export class TrainingHost {
  private session: TrainingSession | null = null;

  handle(message: TrainingRequest): TrainingResponse {
    try {
      if (message.kind === 'train-compare')
        return { kind: 'train-compared', id: message.id, runs: runScalingLesson(message.setup) };
      if (message.kind === 'train-reset') {
        this.session = new TrainingSession(trainingConfig(message.setup), frozenOf(message.setup));
        return { kind: 'train-frames', id: message.id, records: [], current: this.session.peek() };
      }
      const session = this.session;
      if (!session) throw new Error('no training session: reset first');
      const records = Array.from({ length: Math.max(0, message.count) }, () => session.step());
      return { kind: 'train-frames', id: message.id, records, current: session.peek() };
    } catch (e) {
      return { kind: 'train-error', id: message.id, message: (e as Error).message };
    }
  }
}

/**
 * Packs a reply's tensors into one buffer, each record's arrays becoming views of it, and returns
 * that buffer to move to the page: one transfer a frame instead of one per tensor (16 steps hold
 * ~130 of them), so posting and receiving a frame costs both threads less.
 */
export function packFrames(reply: TrainingResponse): ArrayBuffer[] {
  if (reply.kind !== 'train-frames') return [];
  const records = [...reply.records, reply.current];
  const tensors = (r: StepRecord) => [
    r.attn_weights,
    r.output,
    ...Object.values(r.params),
    ...Object.values(r.grads),
  ];
  let length = 0;
  for (const r of records) for (const a of tensors(r)) length += a.length;
  const packed = new Float32Array(length);
  let at = 0;
  const place = (a: Float32Array): Float32Array => {
    packed.set(a, at);
    at += a.length;
    return packed.subarray(at - a.length, at);
  };
  for (const r of records) {
    r.attn_weights = place(r.attn_weights);
    r.output = place(r.output);
    for (const group of [r.params, r.grads])
      for (const [name, a] of Object.entries(group)) group[name] = place(a);
  }
  return [packed.buffer];
}
