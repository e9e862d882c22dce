import { useEffect, useState } from 'react';

/**
 * Whether an element is on screen or near it (within half a screen): the step asks its worker
 * only for what it draws there. Returns a callback ref (the element may mount later) and the
 * answer; without IntersectionObserver (tests) everything counts as shown. `initial` is the
 * answer before the element is observed (true for what the first screen usually shows, so the
 * first result carries it rather than a second round trip).
 */
export function useOnScreen(initial = false): [(el: Element | null) => void, boolean] {
  const [el, setEl] = useState<Element | null>(null);
  const [on, setOn] = useState(initial || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((entries) => setOn(entries.some((e) => e.isIntersecting)), {
      rootMargin: '50% 0px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, [el]);
  return [setEl, on];
}
