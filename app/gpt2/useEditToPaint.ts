import { useLayoutEffect, useRef } from 'react';
import type { RunResult } from '../../src/gpt2/protocol.ts';

/**
 * The benchmark's edit → paint on this step: `gpt2-edit` is marked when the text changes, and
 * measured as `gpt2-edit-to-paint` once a new run's result is drawn: the children write their
 * canvases in their layout effects, before this one, in the commit, so the next frame shows
 * them (the convention of the chapter's `edit-to-paint`, app/store/paint.ts). React's passive
 * effects may run after that frame: waiting for them would add up to a frame, drawing in them
 * would show the maps a frame late. `gpt2-paint-to-frame` is how long that next frame then takes
 * to start (vsync alignment, not work of ours), for the breakdown. Fetches merged into the same
 * result do not count. `gpt2-edit-to-render` is the edit's own render, before its run is sent.
 * Also `gpt2-first-paint`: navigation → the first thumbnails drawn.
 */
export function useEditToPaint(result: RunResult | null, text: string): () => void {
  const waiting = useRef<number | null>(null);
  const first = useRef(true);
  // The edit's own render (the text field and the step), before its run is even sent.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per new text
  useLayoutEffect(() => {
    if (waiting.current !== null) performance.measure('gpt2-edit-to-render', 'gpt2-edit');
  }, [text]);
  useLayoutEffect(() => {
    // The step's first maps on screen, from the page's navigation: the bench's cold load.
    if (first.current && result?.thumbs && result.tokens.length > 0) {
      first.current = false;
      performance.measure('gpt2-first-paint', { start: 0, end: performance.now() });
    }
    if (!result || waiting.current === null || result.id === waiting.current) return;
    waiting.current = null;
    performance.measure('gpt2-edit-to-paint', 'gpt2-edit');
    performance.measure('gpt2-received-to-paint', 'gpt2-received');
    const drawn = performance.now();
    requestAnimationFrame(() =>
      performance.measure('gpt2-paint-to-frame', { start: drawn, end: performance.now() }),
    );
  }, [result]);
  return () => {
    performance.mark('gpt2-edit');
    waiting.current = result?.id ?? -1;
  };
}
