import { useEffect, useRef, useState } from 'react';
import { Gpt2Client } from '../../src/gpt2/client.ts';
import type { HeadWeights, RunResult } from '../../src/gpt2/protocol.ts';
import { MAX_TEXT_CHARS } from '../../src/tokenizer/index.ts';

export interface Gpt2Output {
  result: RunResult | null;
  /** Full weights of the opened head, when they belong to the current result. */
  head: HeadWeights | null;
  error: string | null;
  busy: boolean;
}

/**
 * Runs the step's worker: every change of text or seed asks for a new result, a change of the
 * opened head only for that head's weights. The last result stays on screen while a new one
 * computes, so typing never blanks the maps.
 */
export function useGpt2Worker(text: string, seed: number, head: number | null): Gpt2Output {
  const client = useRef<Gpt2Client | null>(null);
  const [out, setOut] = useState<Gpt2Output>({ result: null, head: null, error: null, busy: true });
  const headRef = useRef(head);
  headRef.current = head;

  useEffect(() => {
    const worker = new Worker(new URL('../../src/gpt2/worker.ts', import.meta.url), {
      type: 'module',
    });
    const c = new Gpt2Client(worker, {
      onResult: (result) => setOut({ result, head: result.head, error: null, busy: false }),
      onHead: (r) => setOut((o) => ({ ...o, head: r.head, busy: false })),
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
    client.current?.run(text.slice(0, MAX_TEXT_CHARS), seed, headRef.current);
  }, [text, seed]);

  useEffect(() => {
    if (head === null) return;
    client.current?.head(head);
  }, [head]);

  return out;
}
