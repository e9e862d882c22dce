import { useEffect, useRef, useState } from 'react';
import { Gpt2Client } from '../../src/gpt2/client.ts';
import type { Gpt2Parts, Gpt2Want, RunResult } from '../../src/gpt2/protocol.ts';
import { missing, union } from '../../src/gpt2/want.ts';
import { MAX_TEXT_CHARS } from '../../src/tokenizer/index.ts';
import { gpt2Worker } from './early-worker.ts';
import { recordWorker, recordWorkerMarks } from './paint-timing.ts';

export interface Gpt2Output {
  /** The last result, with what later fetches brought merged in. */
  result: RunResult | null;
  error: string | null;
  busy: boolean;
}

/** A fetch's tensors over the result's: what it did not bring stays. */
function merge(result: RunResult, parts: Gpt2Parts): RunResult {
  return {
    ...result,
    thumbs: parts.thumbs ?? result.thumbs,
    context_vecs: parts.context_vecs ?? result.context_vecs,
    head: parts.head ?? result.head,
    window: parts.window ?? result.window,
  };
}

/**
 * Runs the step's worker: every change of text or seed asks for a new result with what the view
 * draws now; a change of what it draws (scrolling to the strip, opening a head, moving the head
 * view's window) fetches only what was not asked for yet. The last result stays on screen while
 * a new one computes, so typing never blanks the maps.
 */
export function useGpt2Worker(text: string, seed: number, want: Gpt2Want): Gpt2Output {
  const client = useRef<Gpt2Client | null>(null);
  const [out, setOut] = useState<Gpt2Output>({ result: null, error: null, busy: true });
  const wantRef = useRef(want);
  wantRef.current = want;
  const asked = useRef<Gpt2Want>(want);

  useEffect(() => {
    const c = new Gpt2Client(gpt2Worker(), {
      onResult: (result) => {
        performance.mark('gpt2-received');
        recordWorker(result.phases, result.ms);
        if (result.marks) recordWorkerMarks(result.marks);
        setOut({ result, error: null, busy: false });
      },
      onFetch: (parts) =>
        setOut((o) => ({ ...o, result: o.result && merge(o.result, parts), busy: false })),
      onError: (message) => setOut((o) => ({ ...o, error: message, busy: false })),
    });
    client.current = c;
    return () => {
      client.current = null;
      c.dispose();
    };
  }, []);

  useEffect(() => {
    setOut((o) => ({ ...o, busy: true }));
    asked.current = wantRef.current;
    client.current?.run(text.slice(0, MAX_TEXT_CHARS), seed, wantRef.current);
  }, [text, seed]);

  const key = JSON.stringify(want);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` is `want` by value
  useEffect(() => {
    const delta = missing(want, asked.current);
    if (!delta) return;
    asked.current = union(asked.current, delta);
    client.current?.fetch(delta);
  }, [key]);

  return out;
}
