import { useEffect, useRef } from 'react';
import type { RunResult } from '../../src/gpt2/protocol.ts';

/**
 * The benchmark's edit → paint on this step: `gpt2-edit` is marked when the text changes, and
 * measured as `gpt2-edit-to-paint` once a new run's result is drawn (the children painted their
 * canvases in their effects, before this one). Fetches merged into the same result do not count.
 */
export function useEditToPaint(result: RunResult | null): () => void {
  const waiting = useRef<number | null>(null);
  useEffect(() => {
    if (!result || waiting.current === null || result.id === waiting.current) return;
    waiting.current = null;
    performance.measure('gpt2-edit-to-paint', 'gpt2-edit');
  }, [result]);
  return () => {
    performance.mark('gpt2-edit');
    waiting.current = result?.id ?? -1;
  };
}
