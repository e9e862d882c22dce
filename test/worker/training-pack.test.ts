import { describe, expect, it } from 'vitest';
import type { StepRecord } from '../../src/engine/train/session.ts';
import { packFrames, type TrainFrames, TrainingHost } from '../../src/engine/worker/training.ts';
import { DEFAULT_SETUP } from '../../src/training/setup.ts';

/** Every tensor of a record, named, as plain arrays (what the page draws). */
function tensorsOf(r: StepRecord): Record<string, number[]> {
  const out: Record<string, number[]> = {
    attn_weights: [...r.attn_weights],
    output: [...r.output],
  };
  for (const [name, a] of Object.entries(r.params)) out[`params.${name}`] = [...a];
  for (const [name, a] of Object.entries(r.grads)) out[`grads.${name}`] = [...a];
  return out;
}

function framesOf(count: number): TrainFrames {
  const host = new TrainingHost();
  host.handle({ kind: 'train-reset', id: 1, setup: DEFAULT_SETUP });
  const reply = host.handle({ kind: 'train-steps', id: 2, count });
  if (reply.kind !== 'train-frames') throw new Error(`no frames: ${JSON.stringify(reply)}`);
  return reply;
}

describe('a training reply moves to the page as one packed buffer', () => {
  it('keeps every record’s numbers, each tensor a view of the one buffer that is moved', () => {
    const reply = framesOf(5);
    const before = [...reply.records, reply.current].map(tensorsOf);
    const buffers = packFrames(reply);
    expect(buffers).toHaveLength(1);
    // 5 steps and the state after them: 6 records of 8 tensors, one buffer.
    const received = structuredClone(reply, { transfer: buffers });
    expect(buffers[0].byteLength).toBe(0); // moved, not copied
    const records = [...received.records, received.current];
    expect(records.map(tensorsOf)).toEqual(before);
    const shared = new Set(
      records.flatMap((r) =>
        [r.attn_weights, r.output, ...Object.values(r.params)].map((a) => a.buffer),
      ),
    );
    expect(shared.size).toBe(1);
    // Steps differ: packing did not alias one record's numbers onto another's.
    expect(records[0].params.W_query).not.toEqual(records[4].params.W_query);
  });

  it('moves nothing for a reply without tensors', () => {
    expect(packFrames({ kind: 'train-error', id: 3, message: 'no training session' })).toEqual([]);
  });
});
