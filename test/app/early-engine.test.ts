// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A Worker that records its URL and messages and lets the test fire its `error` event. */
class FakeWorker extends EventTarget {
  static made: FakeWorker[] = [];
  readonly posted: unknown[] = [];
  constructor(readonly url: URL) {
    super();
    FakeWorker.made.push(this);
  }
  postMessage(message: unknown) {
    this.posted.push(message);
  }
  fail(message: string) {
    this.dispatchEvent(Object.assign(new Event('error'), { message }));
  }
}

beforeEach(() => {
  FakeWorker.made = [];
  vi.stubGlobal('Worker', FakeWorker);
  vi.resetModules();
});
afterEach(() => vi.unstubAllGlobals());

const load = () => import('../../app/store/early-engine.ts');

describe('the engine worker started by app/boot.ts', () => {
  it('is the one the app takes, started once; later takes start their own', async () => {
    const { prestartEngine, takeEngineWorker } = await load();
    prestartEngine('#/3.3.1');
    prestartEngine('#/3.3.2');
    expect(FakeWorker.made).toHaveLength(1);
    expect(String(FakeWorker.made[0].url)).toMatch(/\/src\/engine\/worker\/worker\.ts/);
    expect(takeEngineWorker()).toEqual({ worker: FakeWorker.made[0], failure: null });
    expect(takeEngineWorker().worker).toBe(FakeWorker.made[1]);
  });

  it('is not started on a link to the GPT-2 step, which has a worker of its own', async () => {
    const { prestartEngine, takeEngineWorker } = await load();
    prestartEngine('#/ex3.3?s=abc');
    expect(FakeWorker.made).toHaveLength(0);
    expect(takeEngineWorker().worker).toBe(FakeWorker.made[0]);
  });

  it('keeps a failure from before the app listened, and only those', async () => {
    const { prestartEngine, takeEngineWorker } = await load();
    prestartEngine('');
    const worker = FakeWorker.made[0];
    worker.fail('404 worker.js');
    worker.fail('a second failure');
    const taken = takeEngineWorker();
    expect(taken.failure).toBe('404 worker.js');
    worker.fail('after the app listened');
    expect(taken.failure).toBe('404 worker.js');
  });
});

describe('workerEngine', () => {
  it('says an early failure with its first request, once', async () => {
    const { prestartEngine } = await load();
    const { workerEngine } = await import('../../app/store/worker-engine.ts');
    prestartEngine('');
    FakeWorker.made[0].fail('404 worker.js');
    const onError = vi.fn();
    const engine = workerEngine({ onResult: vi.fn(), onError });
    expect(onError).not.toHaveBeenCalled();
    const id = engine.compute([], 'reference');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][0]).toMatchObject({
      id,
      message: 'the engine’s worker failed (404 worker.js)',
    });
    engine.compute([], 'reference');
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('on a page opened on the GPT-2 step, starts the worker at the first request, held if asked', async () => {
    const { prestartEngine } = await load();
    const { workerEngine } = await import('../../app/store/worker-engine.ts');
    prestartEngine('#/ex3.3?s=abc');
    const engine = workerEngine({ onResult: vi.fn(), onError: vi.fn() });
    engine.hold?.(true);
    expect(FakeWorker.made).toHaveLength(0);
    engine.compute([], 'reference');
    expect(FakeWorker.made).toHaveLength(1);
    const kinds = FakeWorker.made[0].posted.map((m) => (m as { kind: string }).kind);
    expect(kinds[0]).toBe('hold');
    expect(kinds).toContain('compute');
  });

  it('on any other page, connects at once to the worker boot.ts started', async () => {
    const { prestartEngine } = await load();
    const { workerEngine } = await import('../../app/store/worker-engine.ts');
    prestartEngine('#/3.3.1');
    workerEngine({ onResult: vi.fn(), onError: vi.fn() });
    expect(FakeWorker.made).toHaveLength(1);
    // Taken by the engine: nothing is left for a later take.
    const { engineStartedEarly } = await load();
    expect(engineStartedEarly()).toBe(false);
  });
});
