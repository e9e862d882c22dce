import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { earlyGpt2Script, gpt2WorkerFile } from '../../scripts/early-gpt2.ts';
import { linkOfWorkerName, WORKER_NAME_PREFIX, workerNameOf } from '../../src/gpt2/worker-name.ts';

/** Runs the inline script against a page at `hash`: the workers it made, and the marks. */
function runAt(hash: string) {
  const made: { url: string; options: WorkerOptions }[] = [];
  const marks: string[] = [];
  const window: { __attentionLabGpt2?: unknown } = {};
  class FakeWorker {
    constructor(url: string, options: WorkerOptions) {
      made.push({ url, options });
    }
  }
  const run = new Function(
    'window',
    'location',
    'performance',
    'Worker',
    earlyGpt2Script('/assets/w.js'),
  );
  run(
    window,
    { hash },
    { mark: (name: string, o: { detail: string }) => marks.push(`${name} ${o.detail}`) },
    FakeWorker,
  );
  return { made, marks, left: window.__attentionLabGpt2 };
}

describe('the built page’s inline start of the GPT-2 step’s worker', () => {
  it('starts it on a link to the step, named as the app names it, and leaves it to be adopted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (rest) => {
        const hash = `#/ex3.3?${rest}`;
        const { made, marks, left } = runAt(hash);
        expect(made).toEqual([
          { url: '/assets/w.js', options: { type: 'module', name: workerNameOf(hash) } },
        ]);
        expect(linkOfWorkerName(made[0].options.name ?? '')).toBe(hash);
        expect(marks).toEqual(['gpt2-worker-created inline']);
        expect(left).toBeInstanceOf(Object);
      }),
    );
    expect(runAt('#/ex3.3').made).toHaveLength(1);
  });

  it('does nothing on other links, nor on one too long to name the worker after', () => {
    for (const hash of ['', '#', '#/', '#/3.3.1', '#/ex3.30', '#/ex3.3x?s=1', '#/train?s=x'])
      expect(runAt(hash).made, hash).toEqual([]);
    const long = `#/ex3.3?s=${'a'.repeat(100_000)}`;
    expect(workerNameOf(long)).toBe('');
    expect(runAt(long).made).toEqual([]);
  });

  it('finds the one worker script that reads its link from its name', () => {
    const asset = (fileName: string, source: string) => ({ type: 'asset', fileName, source });
    const chunk = { type: 'chunk', fileName: 'assets/early-engine-x.js', code: WORKER_NAME_PREFIX };
    const bundle = {
      a: asset('assets/worker-a.js', 'engine'),
      b: asset('assets/worker-b.js', `const p="${WORKER_NAME_PREFIX}"`),
      c: asset('assets/team-worker-c.js', 'helper'),
      d: chunk,
    };
    expect(gpt2WorkerFile(bundle as never)).toBe('assets/worker-b.js');
    expect(() => gpt2WorkerFile({ a: bundle.a } as never)).toThrow(/found 0/);
    const two = { ...bundle, e: asset('assets/worker-e.js', WORKER_NAME_PREFIX) };
    expect(() => gpt2WorkerFile(two as never)).toThrow(/found 2/);
  });
});
