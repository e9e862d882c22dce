import { useEffect, useState } from 'react';
import { decodeGpt2View, encodeGpt2View, type Gpt2View } from '../../src/gpt2/permalink.ts';

/**
 * The step's view in the address bar: read once from the link (with what was wrong with it),
 * then replaced on every change, so the current text, seed, head and zoom are always the link.
 */
export function useGpt2Link(): [Gpt2View, (v: Gpt2View) => void, string[]] {
  const [start] = useState(() => decodeGpt2View(window.location.hash));
  const [view, setView] = useState(start.view);
  useEffect(() => {
    const url = `${window.location.pathname}${window.location.search}${encodeGpt2View(view)}`;
    const timer = window.setTimeout(() => window.history.replaceState(null, '', url), 150);
    return () => window.clearTimeout(timer);
  }, [view]);
  return [view, setView, start.problems];
}
