import { describe, expect, it } from 'vitest';
import { runAttention } from '../../src/engine/run.ts';
import { EngineClient, type WorkerLike } from '../../src/engine/worker/client.ts';
import type {
  ComputeResult,
  WorkerRequest,
  WorkerResponse,
} from '../../src/engine/worker/protocol.ts';

/** A worker that answers only when the test says so, recording what it was asked. */
class ManualWorker implements WorkerLike {
  readonly received: WorkerRequest[] = [];
  private listener: ((e: MessageEvent<WorkerResponse>) => void) | null = null;
  postMessage(message: WorkerRequest) {
    this.received.push(message);
  }
  addEventListener(_: 'message', listener: (e: MessageEvent<WorkerResponse>) => void) {
    this.listener = listener;
  }
  terminate() {}
  answer(index: number) {
    const request = this.received[index];
    if (request.kind !== 'compute') throw new Error('not a compute request');
    const reply: ComputeResult = {
      kind: 'result',
      id: request.id,
      traces: request.configs.map((c) => runAttention(c)),
      backend: 'reference',
      label: 'reference TypeScript engine',
      ms: 0,
      fallbacks: [],
    };
    this.listener?.({ data: reply } as MessageEvent<WorkerResponse>);
  }
}

describe('EngineClient: latest request wins', () => {
  it('keeps one request in flight and sends only the newest of those queued behind it', () => {
    const worker = new ManualWorker();
    const results: ComputeResult[] = [];
    const client = new EngineClient(worker, {
      onResult: (r) => results.push(r),
      onError: () => {},
    });
    client.compute([{ variant: 'simple', seed: 1 }], 'reference');
    client.compute([{ variant: 'simple', seed: 2 }], 'reference');
    client.compute([{ variant: 'simple', seed: 3 }], 'reference');
    expect(worker.received).toHaveLength(1);
    worker.answer(0); // the first reply is stale: seed 3 was asked for since
    expect(results).toHaveLength(0);
    expect(worker.received).toHaveLength(2);
    expect(worker.received[1]).toMatchObject({ configs: [{ seed: 3 }] });
    worker.answer(1);
    expect(results.map((r) => r.traces[0].config.seed)).toEqual([3]);
  });

  it('delivers every reply when requests do not overlap', () => {
    const worker = new ManualWorker();
    const seeds: number[] = [];
    const client = new EngineClient(worker, {
      onResult: (r) => seeds.push(r.traces[0].config.seed),
      onError: () => {},
    });
    for (const seed of [5, 6, 7]) {
      client.compute([{ variant: 'v1', seed }], 'auto');
      worker.answer(worker.received.length - 1);
    }
    expect(seeds).toEqual([5, 6, 7]);
  });

  it('sends a hold and its release as messages of their own, not as requests', () => {
    const worker = new ManualWorker();
    const client = new EngineClient(worker, { onResult: () => {}, onError: () => {} });
    client.hold(true);
    client.compute([{ variant: 'v1', seed: 1 }], 'auto');
    client.hold(false);
    expect(worker.received.map((m) => m.kind)).toEqual(['hold', 'compute', 'hold']);
    expect(worker.received[2]).toEqual({ kind: 'hold', on: false });
  });
});
